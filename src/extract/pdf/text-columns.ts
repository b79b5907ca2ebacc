/**
 * Columns from text alignment inside a ruled grid that has rows but no inner
 * vertical rule (Word's "Plain table" / "Grid table light" styles inside a
 * frame: a rule under each row, none between columns). Without this each row
 * is one cell spanning the table. A column boundary is a gap that no text of
 * row of several cells crosses, in the middle of the space between the text
 * on its two sides; it needs two rows or more with text on both sides of it.
 * A row of one piece of text running across boundaries (a title row) spans
 * the columns it covers.
 */
import type { PdfSettings } from "../settings.js";
import type { GridTable } from "./lattice.js";
import type { BBox, Word } from "./page-model.js";
import { relay, wordsInBox } from "./grid-geometry.js";
import { splitSegments, wordsToLines, type Line } from "./text-lines.js";

export function textColumnsInRows(g: GridTable, words: readonly Word[], s: PdfSettings): GridTable {
  const rows = g.rowY.length - 1;
  if (g.colX.length !== 2 || rows < 2) return g;
  const gap = { ...s, segmentGapEm: s.streamGapEm };
  const rowSegs: Line[][] = [];
  for (let r = 0; r < rows; r++) {
    const inRow = wordsInBox(words, { x0: g.bbox.x0, y0: g.rowY[r]!, x1: g.bbox.x1, y1: g.rowY[r + 1]! });
    if (inRow.some((w) => !w.upright)) return g;
    rowSegs.push(wordsToLines(inRow, s).flatMap((l) => splitSegments(l, gap)));
  }
  // Gaps: x-ranges no segment of a row of several cells covers.
  const segs = rowSegs
    .filter((ss) => ss.length >= 2)
    .flat()
    .sort((a, b) => a.x0 - b.x0);
  if (segs.length === 0) return g;
  const gaps: { x0: number; x1: number }[] = [];
  let reach = segs[0]!.x1;
  for (const seg of segs.slice(1)) {
    if (seg.x0 > reach) gaps.push({ x0: reach, x1: seg.x0 });
    reach = Math.max(reach, seg.x1);
  }
  // A boundary needs text on both sides of it in two rows or more.
  const bounds = gaps
    .filter((gp) => rowSegs.filter((ss) => ss.some((x) => x.x1 <= gp.x0) && ss.some((x) => x.x0 >= gp.x1)).length >= 2)
    .map((gp) => (gp.x0 + gp.x1) / 2);
  if (bounds.length === 0) return g;
  const colX = [g.colX[0]!, ...bounds, g.colX[1]!];
  const boxes: BBox[] = [];
  const cols = colX.length - 1;
  rowSegs.forEach((ss, r) => {
    const y0 = g.rowY[r]!,
      y1 = g.rowY[r + 1]!;
    // Each column of the row starts a cell, unless a segment from a column to its left runs over it.
    const joined = new Array<boolean>(cols).fill(false);
    for (const seg of ss) {
      for (let k = 1; k < cols; k++) if (seg.x0 < colX[k]! && seg.x1 > colX[k]!) joined[k] = true;
    }
    let k = 0;
    while (k < cols) {
      let e = k + 1;
      while (e < cols && joined[e]) e++;
      boxes.push({ x0: colX[k]!, y0, x1: colX[e]!, y1 });
      k = e;
    }
  });
  return relay(g, boxes);
}
