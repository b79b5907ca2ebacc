/** A table found on one page, before stitching and numbering. */
import type { Cell, TableMethod } from "../layout.js";
import type { BBox } from "./page-model.js";

export interface PageTable {
  method: TableMethod;
  page: number;
  pages: number[];
  bbox: BBox;
  /** Column boundaries (cols + 1 x-positions), used to match continuations. */
  colX: number[];
  rows: number;
  cols: number;
  rowPages: number[];
  cells: Cell[];
  /** The last row runs on to the next page (no bottom rule: see GridTable.openBottom). */
  openBottom?: boolean;
  /** The first row has no top rule: it may be the rest of a row split by the page break (GridTable.openTop). */
  openTop?: boolean;
}
