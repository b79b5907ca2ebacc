/**
 * Puts page content into a grid: words by centre, fills by covered area
 * (shaded cells), diagonals/dots/small fills as drawn marks.
 */
import type { Cell, CellLine } from "../layout.js";
import type { PdfSettings } from "../settings.js";
import type { GridTable } from "./lattice.js";
import type { BBox, PageGraphics, Word } from "./page-model.js";
import { round2, roundBox } from "./page-model.js";
import { wordsToLines, type Line } from "./text-lines.js";

/**
 * Every filled cell's line geometry, one-line cells included (the layout lists
 * it only for cells of several lines): stitching needs it to join the two
 * parts of a row split by a page break.
 */
export const cellLineGeometry = new WeakMap<Cell, CellLine[]>();

/** Index of the grid interval [edges[i], edges[i+1]) holding v, or -1. */
export function intervalOf(edges: readonly number[], v: number): number {
  if (v < edges[0]! || v > edges[edges.length - 1]!) return -1;
  let lo = 0,
    hi = edges.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (edges[mid]! <= v) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export interface FilledGrid {
  cells: Cell[];
  /** Indices (into the words given) of the words placed in the table. */
  used: Set<number>;
}

export function fillGrid(grid: GridTable, words: readonly Word[], g: PageGraphics, page: number, s: PdfSettings): FilledGrid {
  const cols = grid.colX.length - 1;
  const owner = new Int32Array((grid.rowY.length - 1) * cols).fill(-1);
  grid.cells.forEach((c, i) => {
    for (let r = c.row; r < c.row + c.rowSpan; r++) for (let k = c.col; k < c.col + c.colSpan; k++) owner[r * cols + k] = i;
  });
  const cellAt = (x: number, y: number): number => {
    const r = intervalOf(grid.rowY, y),
      k = intervalOf(grid.colX, x);
    return r < 0 || k < 0 ? -1 : owner[r * cols + k]!;
  };
  const cellWords: Word[][] = grid.cells.map(() => []);
  const used = new Set<number>();
  words.forEach((w, i) => {
    const c = cellAt((w.x0 + w.x1) / 2, (w.top + w.bottom) / 2);
    if (c >= 0) {
      cellWords[c]!.push(w);
      used.add(i);
    }
  });
  const coverage = grid.cells.map(() => 0);
  const bestFill: { color: string; area: number }[] = grid.cells.map(() => ({ color: "", area: 0 }));
  const marked = grid.cells.map(() => false);
  const diag = grid.cells.map(() => 0);
  for (const f of g.fills) {
    const touched = new Set<number>();
    const r0 = Math.max(0, intervalOf(grid.rowY, Math.max(f.y0, grid.bbox.y0)));
    const r1 = intervalOf(grid.rowY, Math.min(f.y1, grid.bbox.y1));
    const k0 = Math.max(0, intervalOf(grid.colX, Math.max(f.x0, grid.bbox.x0)));
    const k1 = intervalOf(grid.colX, Math.min(f.x1, grid.bbox.x1));
    if (r1 < 0 || k1 < 0 || f.y1 <= grid.bbox.y0 || f.x1 <= grid.bbox.x0) continue;
    for (let r = r0; r <= r1; r++) for (let k = k0; k <= k1; k++) touched.add(owner[r * cols + k]!);
    for (const ci of touched) {
      if (ci < 0) continue;
      const b = grid.cells[ci]!.bbox;
      const a = overlap(b, f);
      if (a <= 0) continue;
      const area = (b.x1 - b.x0) * (b.y1 - b.y0);
      coverage[ci]! += a / area;
      if (a > bestFill[ci]!.area) bestFill[ci] = { color: f.color, area: a };
      const small = f.x1 - f.x0 <= s.markMaxSize && f.y1 - f.y0 <= s.markMaxSize;
      if (small && a / area < s.shadedCoverage && inside(f, b, 1)) marked[ci] = true;
    }
  }
  for (const d of g.diagonals) {
    const c = cellAt((d.x0 + d.x1) / 2, (d.y0 + d.y1) / 2);
    if (c < 0) continue;
    const box = { x0: Math.min(d.x0, d.x1), y0: Math.min(d.y0, d.y1), x1: Math.max(d.x0, d.x1), y1: Math.max(d.y0, d.y1) };
    if (inside(box, grid.cells[c]!.bbox, 1)) diag[c]!++;
  }
  for (const d of g.dots) {
    const c = cellAt((d.x0 + d.x1) / 2, (d.y0 + d.y1) / 2);
    if (c >= 0 && inside(d, grid.cells[c]!.bbox, 1)) marked[c] = true;
  }
  const cells: Cell[] = grid.cells.map((c, i) => {
    const shaded = coverage[i]! >= s.shadedCoverage;
    const lines = wordsToLines(cellWords[i]!, s);
    const cell: Cell = {
      row: c.row,
      col: c.col,
      rowSpan: c.rowSpan,
      colSpan: c.colSpan,
      text: lines.map((l) => l.text).join("\n"),
      shaded,
      fill: shaded ? bestFill[i]!.color : null,
      marked: (marked[i]! && !shaded) || diag[i]! > 0,
      page,
      bbox: roundBox(c.bbox),
      ...(lines.length > 1 ? { lines: cellLines(lines, s) } : {}),
    };
    cellLineGeometry.set(cell, cell.lines ?? cellLines(lines, s));
    return cell;
  });
  return { cells, used };
}

/**
 * Lines' geometry, with paragraph gaps: a line further below the one above
 * than paragraphGapRatio times the cell's closest line pitch. Needs two pitches
 * or more to compare (three lines).
 */
function cellLines(lines: Line[], s: PdfSettings): CellLine[] {
  const out = lines.map(cellLine);
  if (lines.length < 3) return out;
  const pitch = lines.slice(1).map((l, i) => l.baseline - lines[i]!.baseline);
  const min = Math.min(...pitch);
  if (!(min > 0)) return out;
  pitch.forEach((p, i) => {
    if (p > s.paragraphGapRatio * min) out[i + 1]!.paragraphGap = true;
  });
  return out;
}

/** A cell line's geometry; its first word is the text up to the first space, however many word pieces made it. */
function cellLine(l: Line): CellLine {
  const space = l.text.indexOf(" ");
  const firstLength = space < 0 ? l.text.length : space;
  let seen = 0;
  let firstX1 = l.x1;
  for (const w of l.words) {
    seen += w.text.length;
    if (seen >= firstLength) {
      firstX1 = w.x1;
      break;
    }
  }
  const last = l.words[l.words.length - 1];
  return { text: l.text, x0: round2(l.x0), x1: round2(l.x1), firstX1: round2(firstX1), endSpace: last?.spaceAfter ?? null };
}

function overlap(a: BBox, b: BBox): number {
  const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
  const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
  return w > 0 && h > 0 ? w * h : 0;
}

function inside(a: BBox, b: BBox, tol: number): boolean {
  return a.x0 >= b.x0 - tol && a.x1 <= b.x1 + tol && a.y0 >= b.y0 - tol && a.y1 <= b.y1 + tol;
}
