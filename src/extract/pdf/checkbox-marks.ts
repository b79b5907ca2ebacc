/**
 * Check boxes drawn outside tables: a small ruled square holding no text,
 * crossed by two diagonals ("X", ticked) or empty, becomes a "☒" or "☐" word
 * at its place, so it reads in its text line ("☒ Obiettivo raggiunto").
 * Inside a table the same drawing marks its cell (fill-cells.ts). A square
 * filled with colour is a legend swatch, not a box.
 */
import type { PdfSettings } from "../settings.js";
import type { GridTable } from "./lattice.js";
import type { BBox, PageGraphics, Word } from "./page-model.js";
import { centreX, centreY } from "./grid-geometry.js";

export const TICKED = "☒";
export const EMPTY_BOX = "☐";

/** `grids` are all the page's ruled grids, one-cell boxes included. */
export function checkboxWords(grids: readonly GridTable[], words: readonly Word[], g: PageGraphics, s: PdfSettings): Word[] {
  const out: Word[] = [];
  const tables = grids.filter((t) => t.cells.length >= 2);
  for (const box of grids) {
    if (box.cells.length !== 1) continue;
    const b = box.bbox;
    const w = b.x1 - b.x0,
      h = b.y1 - b.y0;
    if (Math.min(w, h) < s.checkboxMinSize || Math.max(w, h) > s.markMaxSize) continue;
    if (Math.abs(w - h) > s.checkboxSquareness * Math.max(w, h)) continue;
    if (tables.some((t) => within(b, t.bbox, 1))) continue;
    if (words.some((x) => centreX(x) >= b.x0 && centreX(x) <= b.x1 && centreY(x) >= b.y0 && centreY(x) <= b.y1)) continue;
    if (g.fills.some((f) => overlapArea(f, b) >= s.shadedCoverage * w * h)) continue;
    const crossing = g.diagonals.filter((d) =>
      within({ x0: Math.min(d.x0, d.x1), y0: Math.min(d.y0, d.y1), x1: Math.max(d.x0, d.x1), y1: Math.max(d.y0, d.y1) }, b, 1),
    );
    const ticked = crossing.length >= 2;
    // On the baseline of the text beside it, when there is some, so the two make one line.
    const cy = (b.y0 + b.y1) / 2;
    const beside = words.filter((x) => x.upright && x.top <= cy && x.bottom >= cy).sort((p, q) => Math.abs(centreX(p) - b.x1) - Math.abs(centreX(q) - b.x1))[0];
    out.push({
      text: ticked ? TICKED : EMPTY_BOX,
      x0: b.x0,
      x1: b.x1,
      top: beside ? Math.min(beside.top, b.y0) : b.y0,
      bottom: beside ? Math.max(beside.bottom, b.y1) : b.y1,
      baseline: beside ? beside.baseline : b.y1,
      size: beside ? beside.size : h,
      bold: false,
      upright: true,
    });
  }
  return out;
}

function within(a: BBox, b: BBox, tol: number): boolean {
  return a.x0 >= b.x0 - tol && a.x1 <= b.x1 + tol && a.y0 >= b.y0 - tol && a.y1 <= b.y1 + tol;
}

function overlapArea(a: BBox, b: BBox): number {
  const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
  const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
  return w > 0 && h > 0 ? w * h : 0;
}
