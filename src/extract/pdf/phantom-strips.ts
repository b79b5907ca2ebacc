/**
 * Folds away a ruled grid's empty slivers: a column or row no wider than
 * phantomStripMax that holds no word and no drawn mark. Double borders (two
 * lines a few points apart) and shaded spacer bands between rows make such
 * slivers, which would otherwise come out as empty phantom columns and rows.
 * An inner sliver closes onto its middle; one at the grid's edge is cut off.
 */
import type { PdfSettings } from "../settings.js";
import type { GridTable } from "./lattice.js";
import type { BBox, Word } from "./page-model.js";
import { centreX, centreY, relay, ruledBoxes } from "./grid-geometry.js";

type Axis = "x" | "y";

export function foldPhantomStrips(g: GridTable, words: readonly Word[], marks: readonly BBox[], s: PdfSettings): GridTable {
  const inside = words.filter((w) => centreX(w) >= g.bbox.x0 && centreX(w) <= g.bbox.x1 && centreY(w) >= g.bbox.y0 && centreY(w) <= g.bbox.y1);
  const xs = [...inside.map(centreX), ...marks.map(centreX)];
  const ys = [...inside.map(centreY), ...marks.map((m) => (m.y0 + m.y1) / 2)];
  let boxes = ruledBoxes(g);
  let colX = g.colX,
    rowY = g.rowY;
  let changed = false;
  for (const axis of ["x", "y"] as Axis[]) {
    for (;;) {
      const edges = axis === "x" ? colX : rowY;
      const held = axis === "x" ? xs : ys;
      if (edges.length <= 2) break;
      const k = edges.findIndex((e, i) => i + 1 < edges.length && edges[i + 1]! - e <= s.phantomStripMax && !held.some((v) => v >= e && v <= edges[i + 1]!));
      if (k < 0) break;
      const a = edges[k]!,
        b = edges[k + 1]!;
      // Inner strip: both edges move to the middle; an edge strip is cut off.
      const to = k === 0 ? b : k + 2 === edges.length ? a : (a + b) / 2;
      const move = (v: number) => (v === a || v === b ? to : v);
      boxes = boxes
        .map((c) => (axis === "x" ? { ...c, x0: move(c.x0), x1: move(c.x1) } : { ...c, y0: move(c.y0), y1: move(c.y1) }))
        .filter((c) => c.x1 > c.x0 && c.y1 > c.y0);
      const next = [...new Set(edges.map(move))].sort((p, q) => p - q);
      if (axis === "x") colX = next;
      else rowY = next;
      changed = true;
    }
  }
  if (!changed || boxes.length === 0) return g;
  return relay(g, dedupe(boxes));
}

/** Boxes made equal by folding (the two halves of a double border's cell) are one. */
function dedupe(boxes: BBox[]): BBox[] {
  const seen = new Set<string>();
  return boxes.filter((b) => {
    const k = `${b.x0},${b.y0},${b.x1},${b.y1}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
