/**
 * Joins a table that runs into the page bottom with the table that opens the
 * next page (after the running header) when it continues it (continuation.ts:
 * a repeated header, a last row left open, or the same columns and no new
 * box's heading). A repeated header row on the continuation is dropped. Cells
 * keep their own page and bbox. A row the page break split (drawn open on both
 * sides: PageTable.openBottom, then openTop) is joined with its rest, the
 * continuation's first row; an empty sliver of it left at one side is dropped.
 * A one-cell box opening the page (PageLead) can be the table's last row.
 */
import type { Cell, CellLine } from "../layout.js";
import { cellLineGeometry } from "./fill-cells.js";
import type { PdfSettings } from "../settings.js";
import type { Word } from "./page-model.js";
import { holeMessage, type PageTable } from "./page-table.js";
import { continuationColumns, repeatedHeaderRows } from "./continuation.js";
import { makeLine, type Line } from "./text-lines.js";

/**
 * A ruled box of one cell at the top of a page's body, above every table. Not
 * a table by itself (a framed paragraph), but a table's last row when the
 * table ends the page before and the row moved alone to this page.
 */
export interface PageLead {
  table: PageTable;
  /** The words inside it, which are also in the page's lines until it joins a table. */
  words: ReadonlySet<Word>;
}

export interface StitchPage {
  bodyTop: number;
  bodyBottom: number;
  tables: PageTable[];
  lines: Line[];
  lead?: PageLead;
}

/**
 * Per page, the tables that start there (continuations folded into their first part).
 * `onFold(into, folded)` is told of every fold, so what was said about the folded part
 * can follow it into the table it joined.
 */
export function stitchTables(pages: StitchPage[], s: PdfSettings, onFold: (into: PageTable, folded: PageTable) => void = () => {}): PageTable[][] {
  const out = pages.map((p) => [...p.tables].sort((a, b) => a.bbox.y0 - b.bbox.y0));
  // The table a page's last table belongs to (itself, or an earlier one it was folded into).
  let carry: PageTable | null = null;
  for (let i = 0; i < pages.length; i++) {
    const p = pages[i]!;
    const tables = out[i]!;
    const lead = carry ? leadRow(carry, p, tables, s) : null;
    if (carry && lead) {
      appendRows(carry, lead.table, lead.xs, s);
      onFold(carry, lead.table);
      takeLines(p, lead.words, s);
      if (tables.length === 0 && endsPage(lead.table, p, s)) continue;
    } else {
      const first = tables[0];
      const xs = carry && first && opensPage(first, p, s) ? continuationColumns(carry, first, s) : null;
      if (carry && first && xs) {
        appendRows(carry, first, xs, s);
        onFold(carry, first);
        tables.shift();
        // The continuation may run on into the next page too.
        if (tables.length === 0 && endsPage(first, p, s)) continue;
      }
    }
    const last = tables[tables.length - 1];
    carry = last && endsPage(last, p, s) ? last : null;
  }
  return out;
}

/**
 * The page's lead box when it is t's last row: above the page's tables, opening
 * the page, its text still in the page's lines, as wide as t and not the
 * numbered heading t opened with (a new sheet's title box: continuation.ts).
 */
function leadRow(t: PageTable, p: StitchPage, tables: readonly PageTable[], s: PdfSettings): (PageLead & { xs: number[] }) | null {
  const lead = p.lead;
  if (!lead || tables.some((u) => u.bbox.y0 < lead.table.bbox.y1) || !opensPage(lead.table, p, s)) return null;
  let found = 0;
  for (const l of p.lines) for (const w of l.words) if (lead.words.has(w)) found++;
  if (found !== lead.words.size) return null; // some of its words went into a borderless table
  const xs = continuationColumns(t, lead.table, s);
  return xs ? { ...lead, xs } : null;
}

/** Takes the words of a lead row out of the page's lines. */
function takeLines(p: StitchPage, words: ReadonlySet<Word>, s: PdfSettings): void {
  p.lines = p.lines.flatMap((l) => {
    if (!l.words.some((w) => words.has(w))) return [l];
    const rest = l.words.filter((w) => !words.has(w));
    return rest.length ? [makeLine(rest, s)] : [];
  });
}

function endsPage(t: PageTable, p: StitchPage, s: PdfSettings): boolean {
  const bottom = t.bbox.y1;
  return p.bodyBottom - bottom <= s.stitchEdgeDistance && !p.lines.some((l) => l.top >= bottom - 1);
}

function opensPage(t: PageTable, p: StitchPage, s: PdfSettings): boolean {
  const top = t.bbox.y0;
  return top - p.bodyTop <= s.stitchEdgeDistance && !p.lines.some((l) => l.bottom <= top + 1);
}

/**
 * Folds u's rows into t (mutating t); `uX` are u's column boundaries in t's
 * coordinates (continuation.ts). Both are laid on the union of their column
 * boundaries; t's cells are re-gridded only when u brings new boundaries, so
 * a long chain of continuations stays linear.
 */
function appendRows(t: PageTable, u: PageTable, uX: number[], s: PdfSettings): void {
  // An empty sliver of a row the break split, left at the foot: the row is all on the next page.
  if (isStubRow(t, t.rows - 1, t.openBottom === true)) dropLastRow(t);
  const union: number[] = [];
  for (const x of [...t.colX, ...uX].sort((a, b) => a - b)) {
    if (union.length && x - union[union.length - 1]! <= s.stitchColumnTolerance) continue;
    union.push(x);
  }
  const idx = (x: number) => {
    let best = 0;
    for (let k = 1; k < union.length; k++) if (Math.abs(union[k]! - x) < Math.abs(union[best]! - x)) best = k;
    return best;
  };
  const remap = (cells: Cell[], colX: number[]) =>
    cells.map((c) => {
      const a = idx(colX[c.col]!),
        b = idx(colX[c.col + c.colSpan]!);
      return keepGeometry(c, { ...c, col: a, colSpan: Math.max(1, b - a) });
    });
  const regrid = union.length !== t.colX.length;
  const cols = union.length - 1;
  if (regrid) t.cells = fillGaps(remap(t.cells, t.colX), t.rowPages, 0, cols);
  // Drop the continuation's leading rows that repeat the table's header rows.
  let skip = repeatedHeaderRows(t, u);
  // A row split by the break is drawn open at both sides; a row drawn with its
  // top rule (Word gives the rule between two rows to the lower one) is a row of its own.
  let splitRest = t.openBottom === true && (skip > 0 || u.openTop === true);
  // An empty sliver at the continuation's top (the split row's last padding) is no row either.
  if (skip < u.rows && isStubRow(u, skip, skip === 0 && u.openTop === true)) {
    skip++;
    splitRest = false;
  }
  let uCells = remap(u.cells, uX)
    .filter((c) => c.row >= skip)
    .map((c) => keepGeometry(c, { ...c, row: c.row - skip + t.rows }))
    .sort((a, b) => a.row - b.row || a.col - b.col);
  // The rest of a row the page break split goes into that row.
  if (
    splitRest &&
    u.rows > skip &&
    joinSplitRow(
      t.cells,
      t.rows - 1,
      uCells.filter((c) => c.row === t.rows),
    )
  ) {
    skip++;
    uCells = uCells.filter((c) => c.row > t.rows).map((c) => keepGeometry(c, { ...c, row: c.row - 1 }));
  }
  const firstNew = t.rows;
  t.rowPages = [...t.rowPages, ...u.rowPages.slice(skip)];
  t.cells = t.cells.concat(fillGaps(uCells, t.rowPages, firstNew, cols));
  t.rows += u.rows - skip;
  t.cols = cols;
  t.openBottom = u.openBottom;
  t.colX = union;
  for (const p of u.pages) if (!t.pages.includes(p)) t.pages.push(p);
}

/**
 * An empty row left by a page break: nothing in it (no cell starting there
 * holds text, shading or a mark), and open on the break's side, or lower than
 * every row of the table on its page that holds something (no line of the
 * table's text fits in it). Row heights come from the rows' one-row cells.
 */
function isStubRow(t: PageTable, row: number, open: boolean): boolean {
  if (row < 0 || row >= t.rows || t.rows < 2) return false;
  const page = t.rowPages[row];
  const empty = new Map<number, boolean>();
  const height = new Map<number, number>();
  for (const c of t.cells) {
    if (t.rowPages[c.row] !== page) continue;
    if (c.text.trim() !== "" || c.shaded || c.marked) empty.set(c.row, false);
    else if (!empty.has(c.row)) empty.set(c.row, true);
    if (c.rowSpan === 1 && c.bbox) height.set(c.row, Math.min(height.get(c.row) ?? Infinity, c.bbox.y1 - c.bbox.y0));
  }
  if (empty.get(row) !== true) return false;
  if (open) return true;
  const h = height.get(row);
  if (h === undefined) return false;
  let least = Infinity;
  for (const [r, hr] of height) if (r !== row && empty.get(r) === false) least = Math.min(least, hr);
  return h < least && least < Infinity;
}

/** Removes t's last row (cells spanning into it from above get shorter). */
function dropLastRow(t: PageTable): void {
  const last = t.rows - 1;
  t.cells = t.cells.filter((c) => c.row !== last);
  for (const c of t.cells) if (c.row + c.rowSpan > last) c.rowSpan = last - c.row;
  t.rows--;
  t.rowPages = t.rowPages.slice(0, last);
  t.openBottom = false;
}

/** A moved cell's copy keeps what side tables hold about it: its lines' geometry, the message about a hole it closes. */
function keepGeometry(from: Cell, to: Cell): Cell {
  const g = cellLineGeometry.get(from);
  if (g) cellLineGeometry.set(to, g);
  const m = holeMessage.get(from);
  if (m) holeMessage.set(to, m);
  return to;
}

function geometryOf(c: Cell): CellLine[] {
  return c.text === "" ? [] : (cellLineGeometry.get(c) ?? c.lines ?? []);
}

/**
 * Joins the cells of a split row's rest (`rest`, one row) into the cells of the
 * row `row` of `cells` that have the same columns (mutating them). Nothing is
 * joined, and false returned, unless every cell of the rest has its match.
 */
function joinSplitRow(cells: Cell[], row: number, rest: Cell[]): boolean {
  if (rest.length === 0) return false;
  const at = (c: Cell) => cells.find((x) => x.row <= row && row < x.row + x.rowSpan && x.col === c.col && x.colSpan === c.colSpan);
  const targets = rest.map(at);
  if (targets.some((x) => x === undefined)) return false;
  rest.forEach((c, i) => {
    const x = targets[i]!;
    const lines = [...geometryOf(x), ...geometryOf(c)];
    x.text = [x.text, c.text].filter((t) => t !== "").join("\n");
    if (lines.length > 1 && lines.length === x.text.split("\n").length) x.lines = lines;
    else delete x.lines;
    cellLineGeometry.set(x, lines);
    x.rowSpan += c.rowSpan - 1;
    x.shaded ||= c.shaded;
    x.fill ??= c.fill;
    x.marked ||= c.marked;
  });
  return true;
}

/**
 * After re-gridding, positions of rows from `firstRow` on that the cells do not
 * cover (new boundaries) extend the cell on their left or get empty cells.
 */
function fillGaps(cells: Cell[], rowPages: number[], firstRow: number, cols: number): Cell[] {
  const rows = rowPages.length;
  const taken = new Set<number>();
  const rightEdge = new Map<number, Cell>(); // r * (cols + 1) + right edge → the 1-row cell ending there
  for (const c of cells) {
    for (let r = c.row; r < c.row + c.rowSpan; r++) for (let k = c.col; k < c.col + c.colSpan; k++) taken.add(r * cols + k);
    if (c.rowSpan === 1) rightEdge.set(c.row * (cols + 1) + c.col + c.colSpan, c);
  }
  const out = [...cells];
  for (let r = firstRow; r < rows; r++) {
    for (let k = 0; k < cols; k++) {
      if (taken.has(r * cols + k)) continue;
      const left = rightEdge.get(r * (cols + 1) + k);
      if (left) {
        rightEdge.delete(r * (cols + 1) + k);
        left.colSpan++;
        rightEdge.set(r * (cols + 1) + k + 1, left);
      } else {
        const cell: Cell = {
          row: r,
          col: k,
          rowSpan: 1,
          colSpan: 1,
          text: "",
          shaded: false,
          fill: null,
          marked: false,
          page: rowPages[r] ?? null,
          bbox: null,
        };
        out.push(cell);
        rightEdge.set(r * (cols + 1) + k + 1, cell);
      }
      taken.add(r * cols + k);
    }
  }
  return out.sort((a, b) => a.row - b.row || a.col - b.col);
}
