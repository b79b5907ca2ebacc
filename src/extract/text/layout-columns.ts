/**
 * The columns of a table in a layout conversion, from the character
 * positions its lines share (a whitespace "stream" detector on a character
 * grid):
 *
 * 1. Cells the converter ran together with a single space are split where
 *    the next word starts at a position where other lines start a cell
 *    ("…posizioni da Ufficio tributi" when "Ufficio" is where the other rows'
 *    Responsabile starts), and a row number is split from the text after it
 *    when other rows have their number alone.
 * 2. The coverage profile (how many lines have text at each position) has
 *    columns where it is high and gutters where it is zero. A header cell
 *    spanning sub-columns ("Stato di attuazione" over three dates) or a run
 *    reaching into the next column fills a gutter with a shallow valley:
 *    segments covering a valley crossed by few lines (`layoutMaxCrossing`,
 *    `layoutMaxCrossingShare` of the table) are set aside as crossing and
 *    the profile is taken again without them.
 * 3. Every segment goes to the column(s) it overlaps; a crossing segment
 *    spans them (colSpan), or is cut at the gutters when each piece then
 *    falls in one column.
 */
import type { TextSettings } from "../settings.js";
import { isBullet, segmentOf, segmentText, type Segment } from "./layout-line.js";

/** Character positions [start, end) of a column. */
export interface Column {
  start: number;
  end: number;
}

/** A segment's text placed in columns col … col+span-1. */
export interface Placed {
  col: number;
  span: number;
  text: string;
  /** Character position where the text starts. */
  start: number;
}

export interface ColumnModel {
  columns: Column[];
  /** Each line's cells, left to right. */
  lines: Placed[][];
}

/** A row number: "1", "12.", "3)". */
const ROW_NUMBER = /^\d{1,3}[.)°]?$/;

/** A list item's marker ("1.", "a)", "-", a bullet): its wrapped lines start under the text after it, not a column. */
const isListMarker = (text: string): boolean => isBullet(text) || /^(?:\d{1,2}[.)]|[a-z][.)]|[-–])$/.test(text);

export function columnModel(lines: Segment[][], settings: TextSettings): ColumnModel {
  const split = splitAtSharedStarts(splitRowNumbers(lines, settings), settings);
  const { columns, boundary } = findColumns(split, settings);
  return { columns, lines: split.map((segs) => segs.flatMap((s) => place(s, columns, boundary, settings))) };
}

/** "2 Controllo workflow" → "2" | "Controllo workflow" when other lines have their number alone there. */
function splitRowNumbers(lines: Segment[][], settings: TextSettings): Segment[][] {
  const isLoneNumber = (s: Segment): boolean => s.words.length === 1 && ROW_NUMBER.test((s.words[0] as { text: string }).text);
  const lone = lines.flatMap((segs) => segs.filter(isLoneNumber).map((s) => s.start));
  return lines.map((segs) =>
    segs.flatMap((s, i) => {
      const first = s.words[0];
      if (i > 0 || !first || s.words.length < 2 || !ROW_NUMBER.test(first.text)) return [s];
      if (!lone.some((x) => Math.abs(x - s.start) <= settings.layoutStartSlack)) return [s];
      return [segmentOf([first]), segmentOf(s.words.slice(1))];
    }),
  );
}

/**
 * A word one space after the previous one starts a new cell where at least
 * `layoutStartSupport` other lines start a cell (of text, not a one-letter
 * mark) at exactly its position, or `layoutStartSlackSupport` within
 * `layoutStartSlack` characters — unless what comes before it is a list marker, whose item
 * wraps under its text.
 */
function splitAtSharedStarts(lines: Segment[][], settings: TextSettings): Segment[][] {
  const starts = new Map<number, Set<number>>();
  lines.forEach((segs, li) => {
    for (const s of segs) {
      if (s.end - s.start < 2) continue;
      let set = starts.get(s.start);
      if (!set) starts.set(s.start, (set = new Set()));
      set.add(li);
    }
  });
  /** Whether at least `need` lines other than `li` start a cell within `slack` of x (counting stops there). */
  const enough = (x: number, li: number, slack: number, need: number): boolean => {
    const seen = new Set<number>();
    for (let d = -slack; d <= slack; d++) {
      for (const l of starts.get(x + d) ?? []) {
        if (l !== li) seen.add(l);
        if (seen.size >= need) return true;
      }
    }
    return false;
  };
  const shared = (x: number, li: number): boolean =>
    enough(x, li, 0, settings.layoutStartSupport) || enough(x, li, settings.layoutStartSlack, settings.layoutStartSlackSupport);
  return lines.map((segs, li) =>
    segs.flatMap((s) => {
      const out: Segment[] = [];
      let from = 0;
      s.words.forEach((w, k) => {
        if (k === 0 || !shared(w.start, li)) return;
        const left = s.words.slice(from, k);
        if (left.length === 1 && isListMarker((left[0] as { text: string }).text)) return;
        out.push(segmentOf(left));
        from = k;
      });
      out.push(segmentOf(s.words.slice(from)));
      return out;
    }),
  );
}

function profile(segs: Iterable<Segment>, size: number): Int32Array {
  const p = new Int32Array(size + 1);
  for (const s of segs) for (let x = s.start; x < s.end; x++) p[x]! += 1;
  return p;
}

interface Valley {
  a: number;
  b: number;
}

/** Runs of equal coverage, at most `maxLevel` lines deep, with higher coverage on both sides. */
function valleys(p: Int32Array, lo: number, hi: number, maxLevel: number): Valley[] {
  const out: Valley[] = [];
  let x = lo;
  while (x < hi) {
    const m = p[x] as number;
    const a = x;
    while (x < hi && p[x] === m) x++;
    if (m >= 1 && m <= maxLevel && a > lo && x < hi && (p[a - 1] as number) > m && (p[x] as number) > m) out.push({ a, b: x });
  }
  return out;
}

function findColumns(lines: Segment[][], settings: TextSettings): { columns: Column[]; boundary: Uint8Array } {
  const all = lines.flat();
  const lo = Math.min(...all.map((s) => s.start));
  const hi = Math.max(...all.map((s) => s.end));
  const active = new Set(all);
  // One round: taking crossing segments away again would make valleys of the dips inside columns
  // (wrapped lines shorter than a centred header line).
  const soft: Valley[] = [];
  const maxLevel = Math.min(settings.layoutMaxCrossing, Math.max(1, Math.floor(settings.layoutMaxCrossingShare * lines.length)));
  const p0 = profile(active, hi);
  for (const v of valleys(p0, lo, hi, maxLevel)) {
    const crossing = new Set(all.filter((s) => s.start <= v.a && s.end >= v.b));
    // A valley no single segment fills (runs reaching in from both sides) still parts two columns.
    if (crossing.size === 0) soft.push(v);
    // It parts two columns only if some other line has text on both sides of it, next to it: a
    // header centred over a column of wider values ("Target" over "Meno 15% sul 2025") makes a
    // dip inside the column, which no line has text on both sides of.
    const level = p0[v.a] as number;
    let la = v.a;
    while (la > lo && (p0[la - 1] as number) > level) la--;
    let rb = v.b;
    while (rb < hi && (p0[rb] as number) > level) rb++;
    const used = lines.some(
      (segs) => !segs.some((s) => crossing.has(s)) && segs.some((s) => s.end <= v.a && s.end > la) && segs.some((s) => s.start >= v.b && s.start < rb),
    );
    if (used) for (const s of crossing) active.delete(s);
  }
  const p = profile(active, hi);
  const boundary = new Uint8Array(hi + 1);
  for (let x = 0; x <= hi; x++) if (x < lo || x >= hi || p[x] === 0) boundary[x] = 1;
  for (const v of soft) boundary.fill(1, v.a, v.b);
  const columns: Column[] = [];
  for (let x = lo; x < hi; ) {
    if (boundary[x]) {
      x++;
      continue;
    }
    const start = x;
    while (x < hi && !boundary[x]) x++;
    columns.push({ start, end: x });
  }
  return { columns, boundary };
}

const overlap = (s: { start: number; end: number }, c: Column): number => Math.max(0, Math.min(s.end, c.end) - Math.max(s.start, c.start));

/** Index of the first column ending after `x` (columns are sorted and apart). */
function firstEndingAfter(x: number, columns: Column[]): number {
  let lo = 0;
  let hi = columns.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((columns[mid] as Column).end <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function overlapped(s: { start: number; end: number }, columns: Column[]): number[] {
  const out: number[] = [];
  for (let i = firstEndingAfter(s.start, columns); i < columns.length && (columns[i] as Column).start < s.end; i++) out.push(i);
  return out;
}

function nearest(s: Segment, columns: Column[]): number {
  // The column the segment's gap lies in front of, or the one behind it, whichever is closer.
  const after = firstEndingAfter(s.start, columns);
  const candidates = [after - 1, after].filter((i) => i >= 0 && i < columns.length);
  let best = candidates[0] ?? 0;
  let bestDist = Infinity;
  for (const i of candidates) {
    const c = columns[i] as Column;
    const d = Math.max(c.start - s.end, s.start - c.end, 0);
    if (d < bestDist) [best, bestDist] = [i, d];
  }
  return best;
}

function place(s: Segment, columns: Column[], boundary: Uint8Array, settings: TextSettings): Placed[] {
  const hit = overlapped(s, columns);
  if (hit.length === 0) return [{ col: nearest(s, columns), span: 1, text: segmentText(s), start: s.start }];
  if (hit.length === 1) return [{ col: hit[0] as number, span: 1, text: segmentText(s), start: s.start }];
  const pieces = cutAtGutters(s, columns, boundary, settings);
  if (pieces) return pieces;
  // Spanning: the columns it really reaches into (a character or two is the converter's slack,
  // unless the column is hardly wider).
  const reached = hit.filter((i) => {
    const c = columns[i] as Column;
    const o = overlap(s, c);
    return o > settings.layoutIntrusion || o >= settings.layoutSpanShare * (c.end - c.start);
  });
  const cols = reached.length > 0 ? reached : [hit.reduce((a, b) => (overlap(s, columns[b] as Column) > overlap(s, columns[a] as Column) ? b : a))];
  const first = cols[0] as number;
  return [{ col: first, span: (cols[cols.length - 1] as number) - first + 1, text: segmentText(s), start: s.start }];
}

/**
 * The segment cut at every space that falls in a gutter, when each piece then
 * lies in one column, not running on into the next gutter (cells run together
 * by the converter; a header centred over sub-columns runs on past them).
 */
function cutAtGutters(s: Segment, columns: Column[], boundary: Uint8Array, settings: TextSettings): Placed[] | null {
  const groups: Segment[] = [];
  let from = 0;
  for (let k = 1; k < s.words.length; k++) {
    const prev = s.words[k - 1] as { end: number };
    if (boundary[prev.end]) {
      groups.push(segmentOf(s.words.slice(from, k)));
      from = k;
    }
  }
  groups.push(segmentOf(s.words.slice(from)));
  if (groups.length < 2) return null;
  const out: Placed[] = [];
  for (const g of groups) {
    const hit = overlapped(g, columns);
    if (hit.length !== 1) return null;
    const col = hit[0] as number;
    if (g.end > (columns[col] as Column).end + settings.layoutIntrusion) return null;
    out.push({ col, span: 1, text: segmentText(g), start: g.start });
  }
  return out;
}
