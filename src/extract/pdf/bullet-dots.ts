/**
 * List bullets drawn as shapes. Office suites write a list's bullet as a "•"
 * glyph; browsers' print to PDF (and some other producers) paint it as a small
 * filled circle or square with no text. A dot just left of the first word of a
 * text line, no taller than the text and centred on it, is that line's bullet:
 * it becomes a "•" word (so list items split as they do for other producers)
 * and stops being a candidate drawn mark.
 */
import type { PdfSettings } from "../settings.js";
import type { BBox, PageGraphics, Word } from "./page-model.js";

export function dotsToBullets(words: Word[], g: PageGraphics, s: PdfSettings): Word[] {
  if (g.dots.length === 0 || words.length === 0) return words;
  const bullets: Word[] = [];
  const keep: BBox[] = [];
  for (const d of g.dots) {
    const b = bulletFor(d, words, s);
    if (b) bullets.push(b);
    else keep.push(d);
  }
  if (bullets.length === 0) return words;
  g.dots = keep;
  return [...words, ...bullets];
}

function bulletFor(d: BBox, words: readonly Word[], s: PdfSettings): Word | null {
  const cy = (d.y0 + d.y1) / 2;
  const size = Math.max(d.x1 - d.x0, d.y1 - d.y0);
  let next: Word | null = null;
  for (const w of words) {
    if (!w.upright || cy < w.top || cy > w.bottom) continue;
    if (w.x1 <= d.x0 && d.x0 - w.x1 <= s.bulletGapEm * w.size) return null; // text just before it: not a line start
    if (w.x0 < d.x1) continue;
    if (next === null || w.x0 < next.x0) next = w;
  }
  if (!next || next.x0 - d.x1 > s.bulletGapEm * next.size || size > s.bulletMaxEm * next.size) return null;
  return { text: "•", x0: d.x0, x1: d.x1, top: next.top, bottom: next.bottom, baseline: next.baseline, size: next.size, bold: false, upright: true };
}
