/** Small geometry shared by the grid refinements (refine-grids.ts). */
import type { BBox, Word } from "./page-model.js";
import { layOnGrid, type GridTable } from "./lattice.js";

export const centreX = (b: { x0: number; x1: number }): number => (b.x0 + b.x1) / 2;
export const centreY = (w: Word): number => (w.top + w.bottom) / 2;

/** Words whose centre lies in the box. */
export function wordsInBox(words: readonly Word[], b: BBox): Word[] {
  return words.filter((w) => {
    const x = centreX(w),
      y = centreY(w);
    return x >= b.x0 && x <= b.x1 && y >= b.y0 && y <= b.y1;
  });
}

/** The grid's ruled cells (not the empty ones closing its holes), as boxes. */
export function ruledBoxes(g: GridTable): BBox[] {
  return g.cells.filter((c) => !c.hole).map((c) => ({ ...c.bbox }));
}

/** Lays cell boxes on a grid again, keeping the grid's open edges. */
export function relay(g: GridTable, boxes: BBox[]): GridTable {
  const out = layOnGrid(boxes);
  if (g.openBottom) out.openBottom = true;
  if (g.openTop) out.openTop = true;
  return out;
}
