/**
 * Builds a rows × cols grid from rows of cells with rowSpan/colSpan, the way a
 * browser lays out an HTML table (the one implementation behind the HTML, DOCX
 * and text readers).
 *
 * Each input row lists its cells left to right; a cell goes to the first grid
 * position of its row not already covered by a rowSpan from above. Spans that
 * would overlap a position already taken (a "table model error" in HTML terms,
 * or a DOCX whose merges do not add up) are shortened, and counted, rather than
 * rejected: degrade, don't drop. Ragged rows are padded with empty cells so every
 * grid position is covered by exactly one cell.
 */
import type { Cell, Table, TableMethod } from "../layout.js";
import type { GridPosition } from "../reader-message.js";
import { ReaderLimits } from "../settings.js";
import { checkLimit } from "./limits.js";

export type TableLimits = Pick<ReaderLimits, "maxTableCells" | "maxTableColumns">;
const DEFAULT_LIMITS: TableLimits = ReaderLimits.parse({});

export interface GridCellInput {
  text: string;
  /** 1 by default; 0 means "to the last row" (HTML rowspan="0"). */
  rowSpan?: number;
  colSpan?: number;
  /** "#rrggbb" of a non-white fill, or null. */
  fill?: string | null;
  marked?: boolean;
  /**
   * Where the cell starts when the source says so (a DOCX cell after w:gridBefore
   * or after a vertically merged cell): placed at the first free column ≥ col.
   */
  col?: number;
  /**
   * What the reader has to say about the cell, as keys (a DOCX vertical merge with no
   * start, an embedded part it holds): where the cell went is returned in `noted`.
   */
  notes?: readonly string[];
}

export interface BuiltGrid {
  rows: number;
  cols: number;
  /** Anchor cells in row-major order, padding included. */
  cells: Cell[];
  /** Cells whose span had to be shortened because it overlapped another cell. */
  clippedSpans: number;
  /** Where those cells are (0-based, as in `cells`), for the message's place. */
  clipped: GridPosition[];
  /** Per note key, where the input cells carrying it went. */
  noted: Map<string, GridPosition[]>;
  /** Empty cells added to fill ragged rows. */
  paddedCells: number;
}

/**
 * A pageless reader's table block for a built grid (DOCX and HTML have no pages
 * or coordinates), or null when no cell holds text or shading: such a grid is
 * spacing, not a table, and takes no number (`nextId` is called only for a kept table).
 */
export function flowTable(grid: BuiltGrid, method: TableMethod, nextId: () => string): Table | null {
  if (!grid.cells.some((c) => c.text !== "" || c.shaded)) return null;
  return {
    kind: "table",
    id: nextId(),
    method,
    page: null,
    pages: [],
    bbox: null,
    rows: grid.rows,
    cols: grid.cols,
    rowPages: Array.from({ length: grid.rows }, () => null),
    cells: grid.cells,
  };
}

/** HTML caps spans (colspan ≤ 1000, rowspan ≤ 65534); anything larger is garbage input. */
const MAX_COL_SPAN = 1000;
const MAX_ROW_SPAN = 65534;

/**
 * `minCols`: columns the source declares even where no cell reaches them (a
 * DOCX whose rows all end short of the grid, w:gridAfter).
 */
export function buildGrid(input: GridCellInput[][], rowPages: (number | null)[] = [], minCols = 0, limits: TableLimits = DEFAULT_LIMITS): BuiltGrid {
  const nRows = input.length;
  // Refused before the grid is materialised: padding a wide, tall table would allocate rows × columns cells.
  let given = 0;
  for (const row of input) given += row.length;
  checkLimit(limits, "maxTableCells", given, () => `a table of ${given} cells`);
  const taken: boolean[][] = Array.from({ length: nRows }, () => []);
  const isTaken = (r: number, c: number): boolean => taken[r]?.[c] === true;
  const cells: Cell[] = [];
  const clipped: GridPosition[] = [];
  const noted = new Map<string, GridPosition[]>();

  input.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      if (cell.col !== undefined && Number.isInteger(cell.col) && cell.col > c && cell.col <= MAX_COL_SPAN) c = cell.col;
      while (isTaken(r, c)) c++;
      const wantRows = cell.rowSpan === 0 ? nRows - r : clampSpan(cell.rowSpan, MAX_ROW_SPAN);
      const wantCols = clampSpan(cell.colSpan, MAX_COL_SPAN);
      let rowSpan = Math.min(wantRows, nRows - r);
      let colSpan = 1;
      // Widen while the whole first row of the span is free.
      while (colSpan < wantCols && !isTaken(r, c + colSpan)) colSpan++;
      // Deepen while every position of the next row under the span is free.
      let depth = 1;
      while (depth < rowSpan && rangeFree(taken, r + depth, c, colSpan)) depth++;
      if (colSpan < wantCols || depth < Math.min(wantRows, nRows - r)) clipped.push({ row: r, col: c });
      for (const key of cell.notes ?? []) {
        const at = noted.get(key);
        if (at) at.push({ row: r, col: c });
        else noted.set(key, [{ row: r, col: c }]);
      }
      rowSpan = depth;
      for (let i = r; i < r + rowSpan; i++) for (let k = c; k < c + colSpan; k++) (taken[i] as boolean[])[k] = true;
      cells.push(makeCell(r, c, rowSpan, colSpan, cell.text, cell.fill ?? null, cell.marked ?? false, rowPages[r] ?? null));
      c += colSpan;
      checkLimit(limits, "maxTableColumns", c, () => `a table of more than ${limits.maxTableColumns} columns`);
    }
  });

  const cols = taken.reduce((m, row) => Math.max(m, row.length), nRows > 0 ? Math.min(Math.max(0, Math.floor(minCols)), MAX_COL_SPAN) : 0);
  checkLimit(limits, "maxTableCells", nRows * cols, () => `a table of ${nRows} rows × ${cols} columns`);
  let paddedCells = 0;
  for (let r = 0; r < nRows; r++) {
    for (let c = 0; c < cols; c++) {
      if (isTaken(r, c)) continue;
      cells.push(makeCell(r, c, 1, 1, "", null, false, rowPages[r] ?? null));
      paddedCells++;
    }
  }
  cells.sort((a, b) => a.row - b.row || a.col - b.col);
  return { rows: nRows, cols, cells, clippedSpans: clipped.length, clipped, noted, paddedCells };
}

function clampSpan(n: number | undefined, max: number): number {
  if (n === undefined || !Number.isFinite(n) || n < 1) return 1;
  return Math.min(Math.floor(n), max);
}

function rangeFree(taken: boolean[][], r: number, c: number, width: number): boolean {
  for (let k = c; k < c + width; k++) if (taken[r]?.[k] === true) return false;
  return true;
}

function makeCell(row: number, col: number, rowSpan: number, colSpan: number, text: string, fill: string | null, marked: boolean, page: number | null): Cell {
  return { row, col, rowSpan, colSpan, text, shaded: fill !== null, fill, marked, page, bbox: null };
}
