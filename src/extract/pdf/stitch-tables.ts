/**
 * Joins a table that runs into the page bottom with the table that opens the
 * next page (after the running header) when their columns line up — by
 * x-position, or by count when the page margins differ. A repeated header row
 * on the continuation is dropped. Cells keep their own page and bbox. A row
 * the page break split (drawn with no bottom rule: PageTable.openBottom) is
 * joined with its rest, the continuation's first row.
 */
import type { Cell, CellLine } from "../layout.js";
import { cellLineGeometry } from "./fill-cells.js";
import type { PdfSettings } from "../settings.js";
import type { PageTable } from "./page-table.js";
import type { Line } from "./text-lines.js";

export interface StitchPage {
  bodyTop: number;
  bodyBottom: number;
  tables: PageTable[];
  lines: Line[];
}

/** Per page, the tables that start there (continuations folded into their first part). */
export function stitchTables(pages: readonly StitchPage[], s: PdfSettings): PageTable[][] {
  const out = pages.map((p) => [...p.tables].sort((a, b) => a.bbox.y0 - b.bbox.y0));
  // The table a page's last table belongs to (itself, or an earlier one it was folded into).
  let carry: PageTable | null = null;
  for (let i = 0; i < pages.length; i++) {
    const p = pages[i]!;
    const tables = out[i]!;
    const first = tables[0];
    if (carry && first && opensPage(first, p, s) && columnsFit(carry, first, s)) {
      appendRows(carry, first, s);
      tables.shift();
      // The continuation may run on into the next page too.
      if (tables.length === 0 && endsPage(first, p, s)) continue;
    }
    const last = tables[tables.length - 1];
    carry = last && endsPage(last, p, s) ? last : null;
  }
  return out;
}

function endsPage(t: PageTable, p: StitchPage, s: PdfSettings): boolean {
  const bottom = t.bbox.y1;
  return p.bodyBottom - bottom <= s.stitchEdgeDistance && !p.lines.some((l) => l.top >= bottom - 1);
}

function opensPage(t: PageTable, p: StitchPage, s: PdfSettings): boolean {
  const top = t.bbox.y0;
  return top - p.bodyTop <= s.stitchEdgeDistance && !p.lines.some((l) => l.bottom <= top + 1);
}

function matchFraction(a: number[], b: number[], tol: number): number {
  const hits = b.filter((x) => a.some((y) => Math.abs(x - y) <= tol)).length;
  return hits / Math.max(a.length, b.length);
}

function columnsFit(t: PageTable, u: PageTable, s: PdfSettings): boolean {
  return fitsByPosition(t, u, s) || t.cols === u.cols;
}

/**
 * The continuation's column boundaries are the table's: most of them match, or
 * — for the rest of a row the page break split, whose cells span columns so
 * fewer rules are drawn — every one of them is one of the table's, outer edges included.
 */
function fitsByPosition(t: PageTable, u: PageTable, s: PdfSettings): boolean {
  if (matchFraction(t.colX, u.colX, s.stitchColumnTolerance) >= s.stitchColumnMatch) return true;
  const near = (a: number, b: number) => Math.abs(a - b) <= s.stitchColumnTolerance;
  return t.openBottom === true && near(t.colX[0]!, u.colX[0]!) && near(t.colX.at(-1)!, u.colX.at(-1)!) &&
    u.colX.every((x) => t.colX.some((y) => near(x, y)));
}

/** Texts of one row's non-empty cells; `cells` sorted by row, so the scan stops early. */
function rowTexts(cells: Cell[], row: number): string[] {
  const out: Cell[] = [];
  for (const c of cells) {
    if (c.row > row) break;
    if (c.row === row) out.push(c);
  }
  return out
    .sort((a, b) => a.col - b.col)
    .map((c) => c.text.split("\n").map((l) => l.replace(/\s+/g, " ").trim()).join("\n").trim())
    .filter((x) => x !== "");
}

/**
 * A repeated header row: the same non-empty cells, each equal to the first
 * part's or missing only its last visual lines (a repeated header row can be
 * drawn lower, its last wrapped line clipped).
 */
function repeatsRow(u: Cell[], uRow: number, t: Cell[], tRow: number): boolean {
  const a = rowTexts(u, uRow), b = rowTexts(t, tRow);
  return a.length > 0 && a.length === b.length && a.every((x, i) => x === b[i] || b[i]!.startsWith(x + "\n"));
}

/**
 * Folds u's rows into t (mutating t). Both are laid on the union of their
 * column boundaries; t's cells are re-gridded only when u brings new
 * boundaries, so a long chain of continuations stays linear.
 */
export function appendRows(t: PageTable, u: PageTable, s: PdfSettings): void {
  const byPosition = fitsByPosition(t, u, s);
  const uX = byPosition ? u.colX : u.colX.map((_, k) => t.colX[k]!);
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
      const a = idx(colX[c.col]!), b = idx(colX[c.col + c.colSpan]!);
      return keepGeometry(c, { ...c, col: a, colSpan: Math.max(1, b - a) });
    });
  const regrid = union.length !== t.colX.length;
  const cols = union.length - 1;
  if (regrid) t.cells = fillGaps(remap(t.cells, t.colX), t.rowPages, 0, cols);
  let uCells = remap(u.cells, uX).sort((a, b) => a.row - b.row || a.col - b.col);
  // Drop the continuation's leading rows that repeat the table's header rows.
  let skip = 0;
  while (skip < u.rows && skip < t.rows && repeatsRow(uCells, skip, t.cells, skip)) skip++;
  uCells = uCells.filter((c) => c.row >= skip).map((c) => keepGeometry(c, { ...c, row: c.row - skip + t.rows }));
  // The rest of a row the page break split goes into that row.
  if (t.openBottom && u.rows > skip && joinSplitRow(t.cells, t.rows - 1, uCells.filter((c) => c.row === t.rows))) {
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

function keepGeometry(from: Cell, to: Cell): Cell {
  const g = cellLineGeometry.get(from);
  if (g) cellLineGeometry.set(to, g);
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
        const cell: Cell = { row: r, col: k, rowSpan: 1, colSpan: 1, text: "", shaded: false, fill: null, marked: false, page: rowPages[r] ?? null, bbox: null };
        out.push(cell);
        rightEdge.set(r * (cols + 1) + k + 1, cell);
      }
      taken.add(r * cols + k);
    }
  }
  return out.sort((a, b) => a.row - b.row || a.col - b.col);
}
