/** A table found on one page, before stitching and numbering. */
import type { Cell, ReaderMessage, TableMethod } from "../layout.js";
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

/**
 * The empty cells that close a ruled grid's holes, each with the TABLE_GRID_OPEN
 * message about it. Stitching moves rows and copies cells (stitch-tables.ts carries
 * the link to the copy); once tables are numbered, the message's row and column are
 * read off the cells where they ended (assemble-layout.ts).
 */
export const holeMessage = new WeakMap<Cell, ReaderMessage>();
