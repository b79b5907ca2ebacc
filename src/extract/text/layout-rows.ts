/**
 * Rows of a layout-converted table from its lines, once each line's cells
 * have columns (layout-columns.ts). A line with text in the first column
 * starts a row (a row number, a label, TOTALE); a line without starts
 * nothing: it carries the wrapped lines of the row's cells, whose text is
 * then joined with "\n". First-column text continues the cell above instead
 * when it is a list item ("1. …"), starts in lower case, with a bullet, with
 * no letter or digit at all ("-"), or indented from the column's left edge
 * (a wrapped list item) — unless it is a row number.
 *
 * A line with first-column text, or any line under the first row, whose
 * cells would fall under a cell spanning several columns in the row is a
 * row of its own (the sub-header "30 giu. | 30 sett." under "Stato di
 * attuazione"); otherwise a continuation line's cell under such a span
 * narrows the span (a run the converter wrote across two cells). A
 * full-width run of prose continues the full-width run above it. Rule lines
 * (----) end a row.
 */
import type { Placed } from "./layout-columns.js";

export interface RowCell {
  col: number;
  span: number;
  lines: string[];
}

export interface LayoutRow {
  cells: RowCell[];
  page: number;
  /** The row began with a line that has nothing in the first column (a row cut by a page break, continued). */
  opensBlank: boolean;
}

export interface RowLine {
  /** Null for a rule line. */
  cells: Placed[] | null;
  page: number;
}

export interface RowOptions {
  /** Where the first column's text starts. */
  firstColumnStart: number;
  /** Indentation (characters) beyond which first-column text is a wrapped line, not a new row. */
  indent: number;
}

/** First-column text that cannot start a row. */
const CONTINUES = /^(?:[\p{Ll}]|[•·▪▫◦●○■□◆◇►▸▶➢➤\u2043\uf076\uf0a7\uf0a8\uf0b7\uf0d8])/u;
const ROW_NUMBER = /^\d{1,3}[.)°]?(?:\s|$)/;

/** "1. text", "b) text": an item of a list inside the cell. */
const LIST_ITEM = /^(?:\d{1,2}|[a-z])[.)]\s+\S/;

function continuesCell(cell: Placed, opts: RowOptions): boolean {
  if (LIST_ITEM.test(cell.text)) return true;
  if (ROW_NUMBER.test(cell.text)) return false;
  return CONTINUES.test(cell.text) || !/[\p{L}\p{N}]/u.test(cell.text) || cell.start - opts.firstColumnStart > opts.indent;
}

export function buildRows(lines: RowLine[], opts: RowOptions): LayoutRow[] {
  const rows: LayoutRow[] = [];
  let current: LayoutRow | null = null;
  let ruled = false;
  let lastWasFullRun = false;
  for (const line of lines) {
    if (line.cells === null) {
      ruled = true;
      continue;
    }
    const cells = joinSameColumn(line.cells);
    if (cells.length === 0) continue;
    const first = cells.find((c) => c.col === 0);
    const fullRun = cells.length === 1 && (cells[0] as Placed).span > 1;
    let starts = ruled || current === null || (first !== undefined && !continuesCell(first, opts));
    if (starts && !ruled && current && fullRun && lastWasFullRun && sameRun(current, cells[0] as Placed)) starts = false;
    // Under the first row (the header) or with its own first-column text, a line under a span is a sub-header row.
    if (!starts && (first !== undefined || rows.length === 1) && conflicts(current as LayoutRow, cells)) starts = true;
    if (starts) {
      current = { cells: [], page: line.page, opensBlank: first === undefined };
      rows.push(current);
    }
    merge(current as LayoutRow, cells);
    ruled = false;
    lastWasFullRun = fullRun;
  }
  return rows;
}

/** Two cells of one line in one column (marks the columns could not part) read as one. */
function joinSameColumn(cells: Placed[]): Placed[] {
  const out: Placed[] = [];
  for (const c of cells) {
    const last = out[out.length - 1];
    if (last && last.col === c.col) {
      out[out.length - 1] = { ...last, span: Math.max(last.span, c.span), text: `${last.text} ${c.text}` };
    } else out.push(c);
  }
  return out;
}

function sameRun(row: LayoutRow, cell: Placed): boolean {
  const last = row.cells[row.cells.length - 1];
  return last !== undefined && last.col === cell.col && last.span === cell.span;
}

/** A row's cells by anchor column, and those spanning several columns (few), for lookups on wide rows. */
interface RowIndex {
  byCol: Map<number, RowCell>;
  wide: RowCell[];
}

const indexes = new WeakMap<LayoutRow, RowIndex>();

function indexOf(row: LayoutRow): RowIndex {
  let index = indexes.get(row);
  if (!index) {
    index = { byCol: new Map(row.cells.map((c) => [c.col, c])), wide: row.cells.filter((c) => c.span > 1) };
    indexes.set(row, index);
  }
  return index;
}

/** The row's cell covering column `col` from another anchor, or wider than `span` from the same one. */
const spanning = (row: LayoutRow, p: Placed): RowCell | undefined =>
  indexOf(row).wide.find((c) => p.col >= c.col && p.col < c.col + c.span && (c.col !== p.col || c.span > p.span));

function conflicts(row: LayoutRow, cells: Placed[]): boolean {
  return cells.some((p) => spanning(row, p) !== undefined);
}

function merge(row: LayoutRow, cells: Placed[]): void {
  const index = indexOf(row);
  let unsorted = false;
  for (const p of cells) {
    const over = spanning(row, p);
    if (over && over.col !== p.col) over.span = p.col - over.col;
    const at = index.byCol.get(p.col);
    if (at) {
      at.lines.push(p.text);
      continue;
    }
    // A new cell never runs over the cells already in the row.
    let span = 1;
    if (p.span > 1) {
      const next = row.cells.filter((c) => c.col > p.col).reduce((m, c) => Math.min(m, c.col), Infinity);
      span = Math.max(1, Math.min(p.span, next - p.col));
    }
    const cell: RowCell = { col: p.col, span, lines: [p.text] };
    const last = row.cells[row.cells.length - 1];
    if (last && last.col > p.col) unsorted = true;
    row.cells.push(cell);
    index.byCol.set(cell.col, cell);
    if (span > 1) index.wide.push(cell);
  }
  if (unsorted) row.cells.sort((a, b) => a.col - b.col);
  index.wide = index.wide.filter((c) => c.span > 1);
}
