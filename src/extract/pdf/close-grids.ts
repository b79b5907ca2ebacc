/**
 * Closes ruled grids whose outer rule is missing. A table row split by a page
 * break is drawn by some producers (browsers' print to PDF) with its side and
 * column rules running down to the page's content bottom and no bottom rule —
 * the row goes on on the next page. Without a closing rule the lattice finds no
 * cell there and the row's text falls out of its table. Here, verticals that
 * run on past the last horizontal they cross, and end together, get a
 * horizontal rule joining their ends (and the same at the top, for a row
 * continued from the page before).
 *
 * Sideways the same holds for tables drawn with open outer borders (Word
 * styles with inner rules only): horizontals running on past the outermost
 * vertical they cross, and ending together, get a vertical rule joining their
 * ends, so the outer columns stay in the table instead of falling out of it.
 */
import type { PdfSettings } from "../settings.js";
import type { MergedRulings } from "./merge-rulings.js";
import type { Ruling } from "./page-model.js";

interface OpenEnd {
  /** The ruling left open (a vertical at the bottom or top, a horizontal at a side). */
  v: Ruling;
  /** Where it ends, past its last crossing. */
  at: number;
  /** Indices of the rulings it crosses. */
  crosses: Set<number>;
}

export interface ClosedRulings extends MergedRulings {
  /** The closing rules added at the bottom of open grids. */
  bottomClosers: Ruling[];
  /** The closing rules added at the top of open grids (a row continued from the page before). */
  topClosers: Ruling[];
  /** The vertical rules added at the open left and right sides of grids. */
  sideClosers: Ruling[];
}

export function closeOpenGrids(r: MergedRulings, s: PdfSettings): ClosedRulings {
  const sideClosers = closeSides(r, s);
  if (r.v.length < 2 || r.h.length === 0) return withSides({ ...r, bottomClosers: [], topClosers: [], sideClosers: [] }, sideClosers);
  const tol = s.intersectionTolerance;
  const bottoms: OpenEnd[] = [];
  const tops: OpenEnd[] = [];
  for (const v of r.v) {
    const crosses = new Set<number>();
    let first = Infinity,
      last = -Infinity;
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
  const bottomClosers = closers(bottoms, s, Math.max, "h");
  const topClosers = closers(tops, s, Math.min, "h");
  const added = [...bottomClosers, ...topClosers];
  const closed =
    added.length === 0
      ? { ...r, bottomClosers, topClosers, sideClosers: [] }
      : { h: [...r.h, ...added].sort((a, b) => a.pos - b.pos || a.start - b.start), v: r.v, bottomClosers, topClosers, sideClosers: [] };
  return withSides(closed, sideClosers);
}

function withSides(c: ClosedRulings, sides: Ruling[]): ClosedRulings {
  if (sides.length === 0) return c;
  return { ...c, v: [...c.v, ...sides].sort((a, b) => a.pos - b.pos || a.start - b.start), sideClosers: sides };
}

/** Left and right closing rules: horizontals that run on past the outermost vertical they cross, ending together. */
function closeSides(r: MergedRulings, s: PdfSettings): Ruling[] {
  if (r.h.length < 2 || r.v.length === 0) return [];
  const tol = s.intersectionTolerance;
  const rights: OpenEnd[] = [];
  const lefts: OpenEnd[] = [];
  for (const h of r.h) {
    const crosses = new Set<number>();
    let first = Infinity,
      last = -Infinity;
    r.v.forEach((v, i) => {
      if (v.pos < h.start - tol || v.pos > h.end + tol || h.pos < v.start - tol || h.pos > v.end + tol) return;
      crosses.add(i);
      if (v.pos < first) first = v.pos;
      if (v.pos > last) last = v.pos;
    });
    if (crosses.size === 0) continue;
    if (h.end - last >= s.openGridMin) rights.push({ v: h, at: h.end, crosses });
    if (first - h.start >= s.openGridMin) lefts.push({ v: h, at: h.start, crosses });
  }
  return [...closers(rights, s, Math.max, "v"), ...closers(lefts, s, Math.min, "v")];
}

/**
 * Open ends at one level (within snapTolerance) that belong to one table
 * (neighbours cross a common ruling) get one rule of direction `dir` from the first to the last.
 */
function closers(ends: OpenEnd[], s: PdfSettings, pick: (a: number, b: number) => number, dir: "h" | "v"): Ruling[] {
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
        out.push({ dir, pos, start: run[0]!.v.pos, end: run[run.length - 1]!.v.pos });
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
