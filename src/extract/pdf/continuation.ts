/**
 * Whether a table opening a page continues the table that ended the page
 * before, or is a new box that merely meets it at the page break (pdfplumber
 * #871, tabula #752: adjacent tables read as one, or one read as two).
 *
 * A continuation repeats the table's header row, or goes on from a last row
 * the break left open, or has the table's column edges — unless its first row
 * reads like the first row of a new box: the same numbered heading the table
 * opened with ("OBIETTIVO N. 1" … "OBIETTIVO N. 2", "DESCRIZIONE OBIETTIVO 3"),
 * a title row across all columns where the table also opened with one, or a
 * numbered heading across all columns where the table has no such rows.
 */
import type { Cell } from "../layout.js";
import type { PdfSettings } from "../settings.js";
import type { PageTable } from "./page-table.js";

/** The non-empty cells of one row, left to right (cells in any order). */
export function rowCells(cells: readonly Cell[], row: number): Cell[] {
  return cells.filter((c) => c.row === row && c.text.trim() !== "").sort((a, b) => a.col - b.col);
}

/** A cell's text on one line, blanks collapsed. */
function flat(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** Texts of one row's non-empty cells, each keeping its visual lines (blanks collapsed within them). */
export function rowTexts(cells: readonly Cell[], row: number): string[] {
  return rowCells(cells, row).map((c) => c.text.split("\n").map(flat).join("\n").trim());
}

/**
 * A repeated header row: the same non-empty cells, each equal to the first
 * part's or missing only its last visual lines (a repeated header row can be
 * drawn lower, its last wrapped line clipped).
 */
export function repeatsRow(u: readonly Cell[], uRow: number, t: readonly Cell[], tRow: number): boolean {
  const a = rowTexts(u, uRow),
    b = rowTexts(t, tRow);
  return a.length > 0 && a.length === b.length && a.every((x, i) => x === b[i] || b[i]!.startsWith(x + "\n"));
}

/** How many leading rows of u repeat t's leading rows (a header repeated on the continuation). */
export function repeatedHeaderRows(t: PageTable, u: PageTable): number {
  let n = 0;
  while (n < u.rows && n < t.rows && repeatsRow(u.cells, n, t.cells, n)) n++;
  return n;
}

/**
 * The numbered heading a row opens with: the first cell's text up to its
 * first number, the number masked ("Obiettivo n. 2 – …" → "OBIETTIVO N. #").
 * Null when the text holds no number or no letter before it (a row number).
 */
export function headingKey(cells: readonly Cell[]): string | null {
  const first = cells[0];
  if (!first) return null;
  const m = /^(\D*?)\s*\d+(?:[.,/]\d+)*/.exec(flat(first.text));
  if (!m || !/\p{L}/u.test(m[1]!)) return null;
  return `${m[1]!.toUpperCase()} #`;
}

/** One non-empty cell across every column of the table. */
function isFullWidth(cells: readonly Cell[], cols: number): boolean {
  return cols >= 2 && cells.length === 1 && cells[0]!.col === 0 && cells[0]!.colSpan === cols;
}

/** Every row's non-empty cells, left to right, in one pass over the cells. */
function rowsOf(t: PageTable): Cell[][] {
  const rows: Cell[][] = Array.from({ length: t.rows }, () => []);
  for (const c of t.cells) if (c.text.trim() !== "") rows[c.row]?.push(c);
  for (const r of rows) r.sort((a, b) => a.col - b.col);
  return rows;
}

/** Whether u, opening the next page with t's columns and no repeated header, starts a new box. */
export function opensNewBox(t: PageTable, u: PageTable): boolean {
  const tRows = rowsOf(t);
  const t0 = tRows[0] ?? [],
    u0 = rowCells(u.cells, 0);
  const key = headingKey(u0);
  // Another instance of the heading (or label row) the table opened with, which
  // the table does not repeat inside: a new sheet of the same form.
  if (key !== null && key === headingKey(t0) && !tRows.some((r, i) => i > 0 && headingKey(r) === key)) return true;
  if (!isFullWidth(u0, u.cols)) return false;
  // Rows of t after the first that are one cell across the table (section rows).
  const sections = tRows.some((r, i) => i > 0 && isFullWidth(r, t.cols));
  // A title row across the box where the table opened with one too (and has no section rows).
  if (isFullWidth(t0, t.cols) && !sections) return true;
  // A numbered heading across the box (with rows under it) where the table has no such rows.
  return key !== null && u.rows > 1 && !sections;
}

/**
 * u's column boundaries in t's coordinates, or null when they do not fit: most
 * boundaries at t's positions, or there once shifted by the difference of the
 * left edges (mirrored margins on facing pages); for the rest of a row the break
 * split (t open at the bottom), every boundary one of t's and the outer edges
 * t's; by index when `byCount` and the counts are equal (the page's margins or
 * orientation changed, the header repeated).
 */
export function placeColumns(t: PageTable, u: PageTable, s: PdfSettings, byCount: boolean): number[] | null {
  const tol = s.stitchColumnTolerance;
  const near = (a: number, b: number) => Math.abs(a - b) <= tol;
  const fits = (xs: number[]) => {
    if (u.cols === 1) return near(xs[0]!, t.colX[0]!) && near(xs[1]!, t.colX.at(-1)!);
    const hits = xs.filter((x) => t.colX.some((y) => near(x, y))).length;
    return hits / Math.max(t.colX.length, xs.length) >= s.stitchColumnMatch;
  };
  if (fits(u.colX)) return u.colX;
  const shift = u.colX[0]! - t.colX[0]!;
  const shifted = u.colX.map((x) => x - shift);
  if (fits(shifted)) return shifted;
  if (t.openBottom === true && near(t.colX[0]!, u.colX[0]!) && near(t.colX.at(-1)!, u.colX.at(-1)!) && u.colX.every((x) => t.colX.some((y) => near(x, y))))
    return u.colX;
  if (byCount && t.cols === u.cols) return u.colX.map((_, k) => t.colX[k]!);
  return null;
}

/**
 * Where u's columns fall in t when u continues t, else null. A repeated header
 * or a last row left open settle it (columns matched by count if need be);
 * otherwise the columns must be t's and u must not open a new box.
 */
export function continuationColumns(t: PageTable, u: PageTable, s: PdfSettings): number[] | null {
  if (repeatedHeaderRows(t, u) > 0 || t.openBottom === true) return placeColumns(t, u, s, true);
  const xs = placeColumns(t, u, s, false);
  return xs && !opensNewBox(t, u) ? xs : null;
}
