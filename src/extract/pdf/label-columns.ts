/**
 * A column of row labels drawn outside a ruled grid (activity names left of a
 * ruled month grid, with no rules of their own) joins the grid: words beside
 * the grid, on no other grid, whose lines each sit inside one of the grid's
 * rows, in at least labelColumnShare of its rows (two at least). Without it
 * the labels fall out as loose text and the month columns lose their rows'
 * names. Works on both sides.
 */
import type { PdfSettings } from "../settings.js";
import type { GridTable } from "./lattice.js";
import type { BBox, Word } from "./page-model.js";
import { centreX, centreY, relay, ruledBoxes } from "./grid-geometry.js";
import { wordsToLines } from "./text-lines.js";

export function addLabelColumns(g: GridTable, words: readonly Word[], others: readonly GridTable[], s: PdfSettings): GridTable {
  let out = g;
  for (const side of ["left", "right"] as const) out = addLabelColumn(out, words, others, side, s);
  return out;
}

function addLabelColumn(g: GridTable, words: readonly Word[], others: readonly GridTable[], side: "left" | "right", s: PdfSettings): GridTable {
  const top = g.rowY[0]!,
    bottom = g.rowY[g.rowY.length - 1]!;
  const onOther = (w: Word) =>
    others.some((o) => o !== g && centreX(w) >= o.bbox.x0 && centreX(w) <= o.bbox.x1 && centreY(w) >= o.bbox.y0 && centreY(w) <= o.bbox.y1);
  // Words beside the grid, with no other grid between them and it.
  const beside = words.filter(
    (w) =>
      w.upright &&
      centreY(w) > top &&
      centreY(w) < bottom &&
      !onOther(w) &&
      (side === "left" ? w.x1 <= g.bbox.x0 : w.x0 >= g.bbox.x1) &&
      !others.some(
        (o) =>
          o !== g &&
          o.bbox.y0 < bottom &&
          o.bbox.y1 > top &&
          (side === "left" ? o.bbox.x0 >= w.x1 && o.bbox.x1 <= g.bbox.x0 : o.bbox.x1 <= w.x0 && o.bbox.x0 >= g.bbox.x1),
      ),
  );
  if (beside.length === 0) return g;
  const rows = g.rowY.length - 1;
  const labelled = new Set<number>();
  for (const l of wordsToLines(beside, s)) {
    // A line must lie inside one row (prose beside the grid, at its own pitch, straddles rules).
    const slack = s.intersectionTolerance;
    const r = g.rowY.findIndex((y, i) => i < rows && l.top >= y - slack && l.bottom <= g.rowY[i + 1]! + slack);
    if (r < 0) return g;
    labelled.add(r);
  }
  if (labelled.size < 2 || labelled.size < s.labelColumnShare * rows) return g;
  const edge = side === "left" ? Math.min(...beside.map((w) => w.x0)) : Math.max(...beside.map((w) => w.x1));
  // The column reaches from a little outside its text (as far as the text's gap to the grid, at most 3 pt) to the grid.
  const pad = Math.min(3, side === "left" ? g.bbox.x0 - Math.max(...beside.map((w) => w.x1)) : Math.min(...beside.map((w) => w.x0)) - g.bbox.x1);
  const outer = side === "left" ? edge - Math.max(0, pad) : edge + Math.max(0, pad);
  const inner = side === "left" ? g.bbox.x0 : g.bbox.x1;
  const boxes: BBox[] = ruledBoxes(g);
  for (let r = 0; r < rows; r++) {
    boxes.push(side === "left" ? { x0: outer, y0: g.rowY[r]!, x1: inner, y1: g.rowY[r + 1]! } : { x0: inner, y0: g.rowY[r]!, x1: outer, y1: g.rowY[r + 1]! });
  }
  return relay(g, boxes);
}
