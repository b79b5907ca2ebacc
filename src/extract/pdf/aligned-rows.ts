/**
 * Splits a ruled row holding several text rows under one rule: when the
 * row has three non-empty cells or more, its first non-empty cell has lines
 * on two or more baselines, another cell has a line on each of them too,
 * every other cell's lines sit on those baselines, and no line is a wrap (the next line's
 * first word would have fitted after it, so the producer broke the line on
 * purpose), each baseline is a row of its own. A cell whose text wraps keeps
 * its row whole: that is one multi-line cell, not several rows. Two-column
 * boxes of "Label:" over a value (forms drawn as tables) keep their rows.
 */
import type { PdfSettings } from "../settings.js";
import type { GridTable } from "./lattice.js";
import type { BBox, Word } from "./page-model.js";
import { relay, ruledBoxes, wordsInBox } from "./grid-geometry.js";
import { wordsToLines, type Line } from "./text-lines.js";

export function splitAlignedRows(g: GridTable, words: readonly Word[], s: PdfSettings): GridTable {
  const rows = g.rowY.length - 1;
  const cuts = new Map<number, number[]>();
  for (let r = 0; r < rows; r++) {
    if (g.cells.some((c) => c.row <= r && c.row + c.rowSpan > r && c.rowSpan > 1)) continue;
    const cells = g.cells.filter((c) => c.row === r).sort((a, b) => a.col - b.col);
    const lines = cells.map((c) => ({ box: c.bbox, lines: wordsToLines(wordsInBox(words, c.bbox), s) })).filter((c) => c.lines.length > 0);
    if (lines.length < 3) continue;
    const key = lines[0]!.lines;
    if (key.length < 2 || key.some((l) => !l.words.every((w) => w.upright))) continue;
    const near = (l: Line, b: Line) => Math.abs(l.baseline - b.baseline) <= s.lineBaselineEm * Math.min(l.size, b.size);
    if (!lines.every((c) => c.lines.every((l) => key.some((k) => near(l, k))))) continue;
    const complete = lines.filter((c) => key.every((k) => c.lines.some((l) => near(l, k))));
    if (complete.length < 2) continue;
    if (lines.some((c) => hasWrap(c.box, c.lines, s))) continue;
    // A cut half-way between each baseline's text and the next's.
    const at: number[] = [];
    for (let i = 0; i + 1 < key.length; i++) {
      const above = lines.flatMap((c) => c.lines.filter((l) => near(l, key[i]!)));
      const below = lines.flatMap((c) => c.lines.filter((l) => near(l, key[i + 1]!)));
      at.push((Math.max(...above.map((l) => l.bottom)) + Math.min(...below.map((l) => l.top))) / 2);
    }
    cuts.set(r, at);
  }
  if (cuts.size === 0) return g;
  const boxes: BBox[] = [];
  for (const b of ruledBoxes(g)) {
    const r = g.rowY.indexOf(b.y0);
    const at = cuts.get(r);
    if (!at || g.rowY[r + 1] !== b.y1) {
      boxes.push(b);
      continue;
    }
    const ys = [b.y0, ...at, b.y1];
    for (let i = 0; i + 1 < ys.length; i++) boxes.push({ ...b, y0: ys[i]!, y1: ys[i + 1]! });
  }
  return relay(g, boxes);
}

/** True when a line of the cell ends because its next word did not fit (wrapped text). */
function hasWrap(box: BBox, lines: Line[], s: PdfSettings): boolean {
  const pad = Math.max(0, Math.min(...lines.map((l) => l.x0)) - box.x0);
  const limit = box.x1 - pad;
  for (let i = 0; i + 1 < lines.length; i++) {
    const next = lines[i + 1]!.words[0]!;
    // The next line's first word: up to its first space (word pieces joined in a Word are one word).
    const first = next.text.split(/\s/)[0] ?? next.text;
    const width = (next.x1 - next.x0) * (first.length / Math.max(1, next.text.length));
    if (lines[i]!.x1 + s.wrapSpaceEm * lines[i]!.size + width > limit) return true;
  }
  return false;
}
