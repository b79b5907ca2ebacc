/**
 * Closes ruled grids whose outer rule is missing. A table row split by a page
 * break is drawn by some producers (browsers' print to PDF) with its side and
 * column rules running down to the page's content bottom and no bottom rule —
 * the row goes on on the next page. Without a closing rule the lattice finds no
 * cell there and the row's text falls out of its table. Here, verticals that
 * run on past the last horizontal they cross, and end together, get a
 * horizontal rule joining their ends (and the same at the top, for a row
 * continued from the page before).
 */
import type { PdfSettings } from "../settings.js";
import type { MergedRulings } from "./merge-rulings.js";
import type { Ruling } from "./page-model.js";

interface OpenEnd {
  v: Ruling;
  /** Where the vertical ends, past its last crossing. */
  at: number;
  /** Indices of the horizontals it crosses. */
  crosses: Set<number>;
}

export interface ClosedRulings extends MergedRulings {
  /** The closing rules added at the bottom of open grids. */
  bottomClosers: Ruling[];
  /** The closing rules added at the top of open grids (a row continued from the page before). */
  topClosers: Ruling[];
}

export function closeOpenGrids(r: MergedRulings, s: PdfSettings): ClosedRulings {
  if (r.v.length < 2 || r.h.length === 0) return { ...r, bottomClosers: [], topClosers: [] };
  const tol = s.intersectionTolerance;
  const bottoms: OpenEnd[] = [];
  const tops: OpenEnd[] = [];
  for (const v of r.v) {
    const crosses = new Set<number>();
    let first = Infinity, last = -Infinity;
    r.h.forEach((h, i) => {
      if (h.pos < v.start - tol || h.pos > v.end + tol || v.pos < h.start - tol || v.pos > h.end + tol) return;
      crosses.add(i);
      if (h.pos < first) first = h.pos;
      if (h.pos > last) last = h.pos;
    });
    if (crosses.size === 0) continue;
    if (v.end - last >= s.openGridMin) bottoms.push({ v, at: v.end, crosses });
    if (first - v.start >= s.openGridMin) tops.push({ v, at: v.start, crosses });
  }
  const bottomClosers = closers(bottoms, s, Math.max);
  const topClosers = closers(tops, s, Math.min);
  const added = [...bottomClosers, ...topClosers];
  if (added.length === 0) return { ...r, bottomClosers, topClosers };
  return { h: [...r.h, ...added].sort((a, b) => a.pos - b.pos || a.start - b.start), v: r.v, bottomClosers, topClosers };
}

/**
 * Open ends at one height (within snapTolerance) that belong to one table
 * (neighbours cross a common horizontal) get one rule from the first to the last.
 */
function closers(ends: OpenEnd[], s: PdfSettings, pick: (a: number, b: number) => number): Ruling[] {
  const out: Ruling[] = [];
  const byHeight = [...ends].sort((a, b) => a.at - b.at);
  let i = 0;
  while (i < byHeight.length) {
    let j = i + 1;
    while (j < byHeight.length && byHeight[j]!.at - byHeight[j - 1]!.at <= s.snapTolerance) j++;
    const level = byHeight.slice(i, j).sort((a, b) => a.v.pos - b.v.pos);
    let run: OpenEnd[] = [];
    const flush = () => {
      if (run.length >= 2) {
        const pos = run.map((e) => e.at).reduce((a, b) => pick(a, b));
        out.push({ dir: "h", pos, start: run[0]!.v.pos, end: run[run.length - 1]!.v.pos });
      }
      run = [];
    };
    for (const e of level) {
      const prev = run[run.length - 1];
      if (prev && ![...e.crosses].some((k) => prev.crosses.has(k))) flush();
      run.push(e);
    }
    flush();
    i = j;
  }
  return out;
}
