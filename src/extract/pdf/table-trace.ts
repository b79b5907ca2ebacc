/**
 * The table finder's intermediate results for one page, kept so that anyone
 * can see why a table came out as it did (`piao tables FILE --debug DIR`
 * draws them: trace-svg.ts). Filled only when a caller asks for it; the
 * reader's output does not depend on it.
 */
import type { TableMethod } from "../layout.js";
import type { BBox, Diagonal, FillRect, Ruling, Word } from "./page-model.js";

export interface TraceTable {
  method: TableMethod;
  bbox: BBox;
  rows: number;
  cols: number;
  /** Each cell's box, spans included. */
  cells: BBox[];
}

export interface PageTrace {
  page: number;
  width: number;
  height: number;
  /** Step 1: axis-aligned rulings as read from the page's graphics. */
  rulings: Ruling[];
  /** Step 2: rulings snapped and joined, with the closing rules of open grids added. */
  merged: Ruling[];
  /** Step 3: where a horizontal and a vertical merged ruling meet. */
  intersections: { x: number; y: number }[];
  /** Step 4: minimal cells whose four corners are joined by rulings. */
  cells: BBox[];
  /** Step 5: ruled grids (cells sharing corners laid on one grid). */
  grids: BBox[];
  /** The words of the page (running header/footer included). */
  words: Word[];
  /** Borderless tables: the column boundaries found from text alignment, per table. */
  textColumns: { bbox: BBox; colX: number[] }[];
  fills: FillRect[];
  diagonals: Diagonal[];
  /** The tables the page ends with (before stitching across pages). */
  tables: TraceTable[];
}
