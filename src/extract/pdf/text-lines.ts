/**
 * Groups words into visual lines and lines into segments (runs of words with
 * no wide gap), the units for running text, cell text and stream tables.
 */
import type { PdfSettings } from "../settings.js";
import type { TextExtent, Word } from "./page-model.js";

export interface Line extends TextExtent {
  words: Word[];
  text: string;
}

/** Lines top to bottom; words of a line left to right. Rotated words form lines of their own. */
export function wordsToLines(words: readonly Word[], s: PdfSettings): Line[] {
  const upright = words.filter((w) => w.upright).sort((a, b) => a.baseline - b.baseline);
  const lines: Line[] = [];
  let group: Word[] = [];
  let ref = 0;
  const flush = () => {
    if (group.length) lines.push(makeLine(group, s));
    group = [];
  };
  for (const w of upright) {
    if (group.length && Math.abs(w.baseline - ref) > s.lineBaselineEm * Math.min(w.size, group[0]!.size)) flush();
    if (!group.length) ref = w.baseline;
    group.push(w);
  }
  flush();
  for (const w of words) if (!w.upright) lines.push(makeLine([w], s));
  return lines.sort((a, b) => a.top - b.top || a.x0 - b.x0);
}

export function makeLine(words: Word[], s: PdfSettings): Line {
  const ws = [...words].sort((a, b) => a.x0 - b.x0);
  let text = "";
  let prev: Word | null = null;
  let sizeSum = 0;
  // One pass, no temporary arrays (this runs for every line and segment of every page).
  let x0 = Infinity,
    x1 = -Infinity,
    top = Infinity,
    bottom = -Infinity,
    bold = true;
  for (const w of ws) {
    if (prev) text += w.x0 - prev.x1 > s.wordJoinEm * Math.min(w.size, prev.size) ? " " : "";
    text += w.text;
    prev = w;
    sizeSum += w.size;
    x0 = Math.min(x0, w.x0);
    x1 = Math.max(x1, w.x1);
    top = Math.min(top, w.top);
    bottom = Math.max(bottom, w.bottom);
    bold &&= w.bold;
  }
  return { words: ws, text, x0, x1, top, bottom, baseline: ws[0]!.baseline, size: sizeSum / ws.length, bold };
}

/** Splits a line where the gap between words exceeds segmentGapEm. */
export function splitSegments(line: Line, s: PdfSettings): Line[] {
  const out: Line[] = [];
  let cur: Word[] = [];
  for (const w of line.words) {
    const prev = cur[cur.length - 1];
    if (prev && w.x0 - prev.x1 > s.segmentGapEm * Math.max(w.size, prev.size)) {
      out.push(makeLine(cur, s));
      cur = [];
    }
    cur.push(w);
  }
  if (cur.length) out.push(makeLine(cur, s));
  return out;
}
