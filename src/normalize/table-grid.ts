/**
 * Helpers over the layout's table cells: rows of anchor cells, which columns a
 * cell covers, a cell's horizontal extent.
 */
import type { Cell, Table } from "../extract/layout.js";

/** Anchor cells grouped by the row they start in, each row sorted by column. */
export function tableRows(table: Table): Cell[][] {
  const rows: Cell[][] = Array.from({ length: table.rows }, () => []);
  for (const cell of table.cells) {
    const row = rows[cell.row];
    if (row) row.push(cell);
  }
  for (const row of rows) row.sort((a, b) => a.col - b.col);
  return rows;
}

export interface ColRange {
  col0: number;
  col1: number;
}

export function colRange(cell: Pick<Cell, "col" | "colSpan">): ColRange {
  return { col0: cell.col, col1: cell.col + cell.colSpan - 1 };
}

export function colsOverlap(a: ColRange, b: ColRange): boolean {
  return a.col0 <= b.col1 && b.col0 <= a.col1;
}

/** Horizontal overlap of two x-ranges as a fraction of the narrower one. */
export function xOverlapRatio(a: { x0: number; x1: number }, b: { x0: number; x1: number }): number {
  const inter = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
  const narrow = Math.min(a.x1 - a.x0, b.x1 - b.x0);
  if (narrow <= 0) return inter >= 0 ? 1 : 0;
  return Math.max(0, inter) / narrow;
}
