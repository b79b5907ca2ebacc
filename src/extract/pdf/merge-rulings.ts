/**
 * Snaps collinear rulings onto one line and joins pieces separated by small
 * gaps (pdfplumber's merge_edges: snap_tolerance, join_tolerance).
 */
import type { PdfSettings } from "../settings.js";
import type { Ruling } from "./page-model.js";

export interface MergedRulings {
  h: Ruling[];
  v: Ruling[];
}

export function mergeRulings(rulings: readonly Ruling[], s: PdfSettings): MergedRulings {
  return {
    h: mergeDir(
      rulings.filter((r) => r.dir === "h"),
      s,
    ),
    v: mergeDir(
      rulings.filter((r) => r.dir === "v"),
      s,
    ),
  };
}

function mergeDir(rs: Ruling[], s: PdfSettings): Ruling[] {
  const snapped = snap(rs, s.snapTolerance);
  const out: Ruling[] = [];
  // snapped is sorted by pos then start: join runs on each line.
  let cur: Ruling | null = null;
  for (const r of snapped) {
    if (cur && r.pos === cur.pos && r.start <= cur.end + s.joinTolerance) {
      if (r.end > cur.end) cur.end = r.end;
    } else {
      if (cur) out.push(cur);
      cur = { ...r };
    }
  }
  if (cur) out.push(cur);
  return out.filter((r) => r.end - r.start >= s.minRulingLength);
}

/** Clusters positions (consecutive differences ≤ tol) and moves each ruling to its cluster's mean. */
function snap(rs: Ruling[], tol: number): Ruling[] {
  const sorted = [...rs].sort((a, b) => a.pos - b.pos);
  const out: Ruling[] = [];
  let i = 0;
  while (i < sorted.length) {
    let j = i + 1;
    let sum = sorted[i]!.pos;
    while (j < sorted.length && sorted[j]!.pos - sorted[j - 1]!.pos <= tol && sorted[j]!.pos - sorted[i]!.pos <= 2 * tol) {
      sum += sorted[j]!.pos;
      j++;
    }
    const mean = sum / (j - i);
    for (let k = i; k < j; k++) out.push({ ...sorted[k]!, pos: mean });
    i = j;
  }
  return out.sort((a, b) => a.pos - b.pos || a.start - b.start);
}
