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
  /** 2 for a header cell that also covers the sub-header row under it. */
  rowSpan: number;
  lines: string[];
}

export interface LayoutRow {
  cells: RowCell[];
  page: number;
  /** The row began with a line that has nothing in the first column (a row cut by a page break, continued). */
  opensBlank: boolean;
}

/** A sub-header row's header row above it (whose cells of rowSpan 2 take its lines in their columns). */
const upperRows = new WeakMap<LayoutRow, LayoutRow>();

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
    if (!starts && (first !== undefined || rows.length === 1) && conflicts(current as LayoutRow, cells)) {
      current = subHeader(current as LayoutRow, cells, line.page);
      rows.push(current);
    } else {
      if (starts) {
        current = { cells: [], page: line.page, opensBlank: first === undefined };
        rows.push(current);
      }
      merge(current as LayoutRow, cells);
    }
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

/**
 * The sub-header row a line opens under a header row with a spanning cell
 * ("30 giu. | 30 sett. | 31 dic." under "Stato di attuazione"), laid out as
 * the PDF reader reads such headers: the line's cells under the header's own
 * cells continue them ("N." / "obiett."), the others make the sub-header
 * row; header cells with nothing under them span both rows, and a spanning
 * header cell widens over the sub-header cells next to it that nothing else
 * heads (a centred "Tempificazione delle attività" over all twelve months).
 */
function subHeader(upper: LayoutRow, cells: Placed[], page: number): LayoutRow {
  const sub: LayoutRow = { cells: [], page, opensBlank: false };
  const anchored = indexOf(upper).byCol;
  const above = cells.filter((p) => (anchored.get(p.col)?.span ?? Infinity) <= p.span);
  merge(upper, above);
  merge(
    sub,
    cells.filter((p) => !above.includes(p)),
  );
  const covered = (col: number): boolean => upper.cells.some((c) => col >= c.col && col < c.col + c.span);
  const subCols = sub.cells.map((c) => c.col);
  // Widen spanning header cells over the sub-header cells beside them (right, then left).
  for (const col of subCols) {
    if (covered(col)) continue;
    const left = upper.cells.filter((c) => c.col + c.span <= col).at(-1);
    if (left && left.span > 1 && !upper.cells.some((c) => c.col > left.col && c.col <= col)) left.span = col - left.col + 1;
  }
  for (const col of [...subCols].reverse()) {
    if (covered(col)) continue;
    const right = upper.cells.find((c) => c.col > col);
    if (right && right.span > 1 && sub.cells.some((c) => c.col >= col && c.col < right.col && !covered(c.col))) {
      right.span += right.col - col;
      right.col = col;
    }
  }
  upper.cells.sort((a, b) => a.col - b.col);
  indexes.delete(upper);
  for (const c of upper.cells) {
    if (!sub.cells.some((x) => x.col >= c.col && x.col < c.col + c.span)) c.rowSpan = 2;
  }
  upperRows.set(sub, upper);
  return sub;
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
    const at = index.byCol.get(p.col) ?? headerAbove(row, p.col);
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
    const cell: RowCell = { col: p.col, span, rowSpan: 1, lines: [p.text] };
    const last = row.cells[row.cells.length - 1];
    if (last && last.col > p.col) unsorted = true;
    row.cells.push(cell);
    index.byCol.set(cell.col, cell);
    if (span > 1) index.wide.push(cell);
  }
  if (unsorted) row.cells.sort((a, b) => a.col - b.col);
  index.wide = index.wide.filter((c) => c.span > 1);
}

/** The header cell spanning down over column `col` of a sub-header row. */
function headerAbove(row: LayoutRow, col: number): RowCell | undefined {
  const upper = upperRows.get(row);
  return upper?.cells.find((c) => c.rowSpan > 1 && col >= c.col && col < c.col + c.span);
}
