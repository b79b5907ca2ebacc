/**
 * Splits a page of text set in columns (two columns of prose) at its gutter,
 * so that borderless tables are sought in each column on its own: otherwise
 * the prose beside a small table joins its rows as one more column, and the
 * two columns of prose look like a table of two columns. A gutter is an
 * x-range at least segmentGapEm wide that at most pageColumnCrossing of the
 * lines cross, with text on both sides in pageColumnMinLines lines or more,
 * and prose on both sides: at least pageColumnFullShare of each side's lines
 * fill pageColumnFullWidth of that side's width (table columns do not).
 * Lines crossing the gutter (a heading over both columns) stay whole.
 */
import type { PdfSettings } from "../settings.js";
import type { Word } from "./page-model.js";
import { wordsToLines, type Line } from "./text-lines.js";

/** Word groups to read on their own: the columns, left to right, then the lines across them. */
export function splitPageColumns(words: readonly Word[], s: PdfSettings, depth = 0): Word[][] {
  const lines = wordsToLines(words, s).filter((l) => l.words.every((w) => w.upright));
  if (lines.length < s.pageColumnMinLines || depth > 1) return [words.slice()];
  const x0 = Math.floor(Math.min(...lines.map((l) => l.x0))),
    x1 = Math.ceil(Math.max(...lines.map((l) => l.x1)));
  // How many lines cover each point of x: each line's words merged into runs, added as +1/-1 steps.
  const cover = new Int32Array(Math.max(0, x1 - x0) + 2);
  for (const l of lines) {
    let runA = -1,
      runB = -1;
    for (const w of l.words) {
      const a = Math.max(0, Math.floor(w.x0) - x0),
        b = Math.min(cover.length - 2, Math.ceil(w.x1) - x0);
      if (runB >= 0 && a <= runB + 1) runB = Math.max(runB, b);
      else {
        if (runB >= 0) {
          cover[runA]!++;
          cover[runB + 1]!--;
        }
        runA = a;
        runB = b;
      }
    }
    if (runB >= 0) {
      cover[runA]!++;
      cover[runB + 1]!--;
    }
  }
  for (let x = 1; x < cover.length; x++) cover[x]! += cover[x - 1]!;
  const size = median(lines.map((l) => l.size));
  const maxCross = Math.floor(s.pageColumnCrossing * lines.length);
  let best: { a: number; b: number; both: number } | null = null;
  const n = cover.length - 1;
  let x = 0;
  while (x < n) {
    if (cover[x]! > maxCross) {
      x++;
      continue;
    }
    let e = x;
    while (e < n && cover[e]! <= maxCross) e++;
    const a = x + x0,
      b = e + x0;
    if (b - a >= s.segmentGapEm * size && x > 0 && e < n) {
      const both = lines.filter((l) => l.words.some((w) => w.x1 <= a) && l.words.some((w) => w.x0 >= b)).length;
      if (!best || both > best.both) best = { a, b, both };
    }
    x = e;
  }
  if (!best || best.both < s.pageColumnMinLines) return [words.slice()];
  const { a, b } = best;
  const across = new Set<Word>();
  for (const l of lines) if (l.words.some((w) => w.x0 < b && w.x1 > a)) for (const w of l.words) across.add(w);
  const left = words.filter((w) => !across.has(w) && w.upright && w.x1 <= b);
  const right = words.filter((w) => !across.has(w) && w.upright && w.x0 >= a && w.x1 > b);
  if (!isProse(left, s) || !isProse(right, s)) return [words.slice()];
  const rest = words.filter((w) => across.has(w) || !w.upright);
  return [...splitPageColumns(left, s, depth + 1), ...splitPageColumns(right, s, depth + 1), ...(rest.length ? [rest] : [])];
}

function isProse(words: readonly Word[], s: PdfSettings): boolean {
  const lines: Line[] = wordsToLines(words, s);
  if (lines.length === 0) return false;
  const lo = Math.min(...lines.map((l) => l.x0)),
    hi = Math.max(...lines.map((l) => l.x1));
  const full = lines.filter((l) => l.x1 - l.x0 >= s.pageColumnFullWidth * (hi - lo)).length;
  return full >= s.pageColumnFullShare * lines.length;
}

function median(v: number[]): number {
  const a = [...v].sort((p, q) => p - q);
  return a[a.length >> 1] ?? 0;
}
