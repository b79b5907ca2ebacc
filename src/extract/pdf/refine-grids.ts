/**
 * Second looks at a ruled grid, with the page's words, before it is filled:
 * empty slivers of double borders and spacer bands folded away, a label
 * column outside the grid taken in, columns from text alignment in a grid of
 * rows only, and text rows under one rule split. Each step is its own module
 * (docs/tables.md lists the classes they answer).
 */
import type { PdfSettings } from "../settings.js";
import type { GridTable } from "./lattice.js";
import type { BBox, Word } from "./page-model.js";
import { foldPhantomStrips } from "./phantom-strips.js";
import { addLabelColumns } from "./label-columns.js";
import { textColumnsInRows } from "./text-columns.js";
import { splitAlignedRows } from "./aligned-rows.js";

export function refineGrid(g: GridTable, words: readonly Word[], marks: readonly BBox[], others: readonly GridTable[], s: PdfSettings): GridTable {
  let out = foldPhantomStrips(g, words, marks, s);
  out = textColumnsInRows(out, words, s);
  out = addLabelColumns(out, words, others, s);
  out = splitAlignedRows(out, words, s);
  return out;
}
