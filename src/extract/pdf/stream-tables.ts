/**
 * Borderless ("stream") tables from text alignment alone.
 *
 * A region of closely spaced lines, at least streamMinRows of which split into
 * two or more segments, whose segments line up in at least streamMinCols
 * columns. Columns are x-intervals grown from the narrowest segments first, so
 * a header spanning several columns (a year over twelve months, tabula #540)
 * does not merge them: it becomes a spanning cell. Wrapped lines join the row
 * above (pdf-tables.md "multi-line cells").
 */
import type { Cell } from "../layout.js";
import type { PdfSettings } from "../settings.js";
import { roundBox } from "./page-model.js";
import type { PageTable } from "./page-table.js";
import { splitSegments, type Line } from "./text-lines.js";
import type { Ruling } from "./page-model.js";

interface Interval {
  x0: number;
  x1: number;
  lines: Set<number>;
}

export interface StreamResult {
  tables: PageTable[];
  rest: Line[];
}

/**
 * `rules` are the page's horizontal rulings: when a borderless table has rules
 * between its rows (a Word style with horizontal borders only), they decide
 * where rows start instead of the text heuristics.
 */
export interface StreamOptions {
  /** Inside a page column of prose: a table of two columns (aligned, streamTwoColMinRows rows) is taken too. */
  twoColumns?: boolean;
}

export function findStreamTables(lines: Line[], page: number, s: PdfSettings, rules: readonly Ruling[] = [], opts: StreamOptions = {}): StreamResult {
  const cellGap = { ...s, segmentGapEm: s.streamGapEm };
  const segs = lines.map((l) => (l.words.every((w) => w.upright) ? splitSegments(l, cellGap) : [l]));
  const tables: PageTable[] = [];
  const used = new Set<number>();
  let i = 0;
  while (i < lines.length) {
    // A run of closely spaced lines.
    let j = i + 1;
    while (j < lines.length && lines[j]!.top - lines[j - 1]!.bottom <= s.streamMaxRowGap * lineHeight(lines[j - 1]!)) j++;
    const region = trimToRows(i, j, segs);
    if (region) {
      for (const [ra, rb, end] of splitAtTitles(region[0], region[1], j, segs, s)) {
        const t = buildTable(lines, segs, ra, rb, end, page, s, rules, opts);
        if (t) {
          tables.push(t.table);
          for (let k = ra; k < t.end; k++) used.add(k);
        }
      }
    }
    i = j;
  }
  return { tables, rest: lines.filter((_, k) => !used.has(k)) };
}

function lineHeight(l: Line): number {
  return Math.max(l.bottom - l.top, l.size);
}

/** From the first to the last multi-segment line of the run. */
function trimToRows(i: number, j: number, segs: Line[][]): [number, number] | null {
  let a = i;
  while (a < j && segs[a]!.length < 2) a++;
  let b = j;
  while (b > a && segs[b - 1]!.length < 2) b--;
  return b > a ? [a, b] : null;
}

/**
 * Two borderless tables one above the other, a title line between them: the
 * region is cut at a line of one segment starting at the tables' left edge
 * when the lines above and below it
 * each have streamMinRows rows of several cells or more and their columns
 * differ (another number of them, or one that does not overlap its match). Returns [start, end, run end] triples.
 */
function splitAtTitles(a: number, b: number, runEnd: number, segs: Line[][], s: PdfSettings): [number, number, number][] {
  const rowsIn = (from: number, to: number) => segs.slice(from, to).filter((ss) => ss.length >= 2).length;
  for (let k = a + 1; k < b - 1; k++) {
    if (segs[k]!.length >= 2 || rowsIn(a, k) < s.streamMinRows || rowsIn(k + 1, b) < s.streamMinRows) continue;
    const above = buildColumns(a, k, segs),
      below = buildColumns(k + 1, b, segs);
    // A title starts at the tables' left edge; a line starting further right is a cell's wrapped text.
    const left = Math.min(above[0]!.x0, below[0]!.x0);
    if (segs[k]![0]!.x0 > left + s.streamAlignTolerance) continue;
    const same = above.length === below.length && above.every((c, n) => c.x0 <= below[n]!.x1 && below[n]!.x0 <= c.x1);
    if (same) continue;
    const rest = trimToRows(k + 1, b, segs);
    return [[a, trimToRows(a, k, segs)![1], k], ...(rest ? splitAtTitles(rest[0], rest[1], runEnd, segs, s) : [])];
  }
  return [[a, b, runEnd]];
}

function buildColumns(a: number, b: number, segs: Line[][]): Interval[] {
  const all: { seg: Line; line: number }[] = [];
  for (let k = a; k < b; k++) if (segs[k]!.length >= 2) for (const seg of segs[k]!) all.push({ seg, line: k });
  all.sort((p, q) => p.seg.x1 - p.seg.x0 - (q.seg.x1 - q.seg.x0));
  const cols: Interval[] = [];
  const bridging: Line[] = [];
  for (const { seg, line } of all) {
    const hit = cols.filter((c) => seg.x0 <= c.x1 && seg.x1 >= c.x0);
    if (hit.length > 1) {
      bridging.push(seg); // spans several columns: not a column of its own
      continue;
    }
    if (hit.length === 1) {
      const c = hit[0]!;
      c.x0 = Math.min(c.x0, seg.x0);
      c.x1 = Math.max(c.x1, seg.x1);
      c.lines.add(line);
    } else cols.push({ x0: seg.x0, x1: seg.x1, lines: new Set([line]) });
  }
  cols.sort((p, q) => p.x0 - q.x0);
  // Growing may have made neighbours overlap: merge them.
  // Neighbours that never hold text on the same line but are bridged by a wider
  // segment are one column seen in pieces (a short header over longer values).
  const merged: Interval[] = [];
  for (const c of cols) {
    const last = merged[merged.length - 1];
    const bridged = last !== undefined && ![...c.lines].some((l) => last.lines.has(l)) && bridging.some((seg) => seg.x0 <= last.x1 && seg.x1 >= c.x0);
    if (last && (c.x0 <= last.x1 || bridged)) {
      last.x1 = Math.max(last.x1, c.x1);
      for (const l of c.lines) last.lines.add(l);
    } else merged.push(c);
  }
  return merged;
}

function buildTable(
  lines: Line[],
  segs: Line[][],
  a: number,
  b0: number,
  runEnd: number,
  page: number,
  s: PdfSettings,
  allRules: readonly Ruling[],
  opts: StreamOptions,
): { table: PageTable; end: number } | null {
  let b = b0;
  let rowLines = 0;
  for (let k = a; k < b; k++) if (segs[k]!.length >= 2) rowLines++;
  if (rowLines < s.streamMinRows) return null;
  const cols = buildColumns(a, b, segs);
  if (cols.filter((c) => c.lines.size >= 2).length < s.streamMinCols && !(opts.twoColumns && twoAligned(a, b, segs, cols, rowLines, s))) return null;
  const bounds = [cols[0]!.x0];
  for (let k = 1; k < cols.length; k++) bounds.push((cols[k - 1]!.x1 + cols[k]!.x0) / 2);
  bounds.push(cols[cols.length - 1]!.x1);
  // Every line in the region must fit the columns; a line crossing a boundary
  // while the columns are well supported is fine (a spanning cell).
  const colRange = (seg: Line): [number, number] => {
    let c0 = -1,
      c1 = -1;
    for (let k = 0; k < cols.length; k++) {
      const lo = bounds[k]!,
        hi = bounds[k + 1]!;
      const ov = Math.min(seg.x1, hi) - Math.max(seg.x0, lo);
      const mid = (seg.x0 + seg.x1) / 2;
      if (ov > 0.5 * Math.min(hi - lo, seg.x1 - seg.x0) || (mid >= lo && mid < hi)) {
        if (c0 < 0) c0 = k;
        c1 = k;
      }
    }
    if (c0 < 0) c0 = c1 = seg.x0 < bounds[0]! ? 0 : cols.length - 1;
    return [c0, c1];
  };
  const multi = [];
  for (let k = a; k < b; k++) if (segs[k]!.length >= 2) multi.push(...segs[k]!);
  const spanning = multi.filter((seg) => {
    const r = colRange(seg);
    return r[1] > r[0];
  }).length;
  if (spanning > s.streamMaxSpanning * multi.length) return null;
  // Key column: the leftmost column filled on at least half the multi-segment lines.
  const key = cols.findIndex((c) => c.lines.size * 2 >= rowLines);
  // Wrapped lines after the last multi-cell line (the last row's continuation) belong to the table.
  while (b < runEnd) {
    const prevLine = lines[b - 1]!,
      line = lines[b]!;
    const tight = line.baseline - prevLine.baseline <= s.streamWrapGap * Math.max(line.size, prevLine.size);
    const fits = segs[b]!.every((seg) => {
      const r = colRange(seg);
      return r[0] === r[1] && r[0] !== key;
    });
    if (!tight || !fits) break;
    b++;
  }
  for (let k = a; k < b; k++)
    for (const seg of segs[k]!) {
      bounds[0] = Math.min(bounds[0]!, seg.x0);
      bounds[bounds.length - 1] = Math.max(bounds[bounds.length - 1]!, seg.x1);
    }
  interface Entry {
    c0: number;
    c1: number;
    lines: Line[];
  }
  const rows: { top: number; bottom: number; entries: Entry[] }[] = [];
  let prevCols = new Set<number>();
  let prev: Line | null = null;
  // Horizontal rules across most of the table, between its first and last line.
  const width = bounds[bounds.length - 1]! - bounds[0]!;
  const rules = allRules
    .filter((r) => r.dir === "h" && r.pos > lines[a]!.bottom && r.pos < lines[b - 1]!.top)
    .filter((r) => Math.min(r.end, bounds[bounds.length - 1]!) - Math.max(r.start, bounds[0]!) >= s.streamRuleCover * width)
    .map((r) => r.pos);
  const ruled = rules.length >= 2;
  const ownRows = ruled ? bandsOfRows(lines, segs, a, b, rules, key, colRange, cols, bounds, s) : new Set<number>();
  for (let k = a; k < b; k++) {
    const line = lines[k]!;
    const ranges = segs[k]!.map((seg) => ({ seg, r: colRange(seg) }));
    const cur = rows[rows.length - 1];
    const tight = prev !== null && line.baseline - prev.baseline <= s.streamWrapGap * Math.max(line.size, prev.size);
    const hasKey = ranges.some(({ r }) => r[0] <= key && key <= r[1]);
    const wrapped = ranges.every(({ seg, r }) => /^\p{Ll}/u.test(seg.text) && prevCols.has(r[0]));
    const newRow = ruled ? !cur || rules.some((y) => y > prev!.baseline && y < line.top) || ownRows.has(k) : !cur || !tight || (hasKey && !wrapped);
    const row = newRow ? { top: line.top, bottom: line.bottom, entries: [] as Entry[] } : cur!;
    if (newRow) rows.push(row);
    row.bottom = Math.max(row.bottom, line.bottom);
    for (const { seg, r } of ranges) {
      const hit = row.entries.filter((e) => e.c0 <= r[1] && r[0] <= e.c1);
      if (hit.length === 0) row.entries.push({ c0: r[0], c1: r[1], lines: [seg] });
      else {
        const e = hit[0]!;
        for (const o of hit.slice(1)) {
          e.lines.push(...o.lines);
          row.entries.splice(row.entries.indexOf(o), 1);
        }
        e.c0 = Math.min(e.c0, r[0], ...hit.map((h) => h.c0));
        e.c1 = Math.max(e.c1, r[1], ...hit.map((h) => h.c1));
        e.lines.push(seg);
      }
    }
    prevCols = new Set(ranges.flatMap(({ r }) => range(r[0], r[1])));
    prev = line;
  }
  const cells: Cell[] = [];
  rows.forEach((row, ri) => {
    const y0 = row.top,
      y1 = ri + 1 < rows.length ? Math.max(row.bottom, rows[ri + 1]!.top) : row.bottom;
    const taken = new Set<number>();
    for (const e of row.entries) {
      for (let c = e.c0; c <= e.c1; c++) taken.add(c);
      const ls = [...e.lines].sort((p, q) => p.top - q.top || p.x0 - q.x0);
      cells.push(cell(ri, e.c0, e.c1 - e.c0 + 1, joinLines(ls), page, bounds[e.c0]!, y0, bounds[e.c1 + 1]!, y1));
    }
    for (let c = 0; c < cols.length; c++) if (!taken.has(c)) cells.push(cell(ri, c, 1, "", page, bounds[c]!, y0, bounds[c + 1]!, y1));
  });
  cells.sort((p, q) => p.row - q.row || p.col - q.col);
  const bbox = { x0: bounds[0]!, y0: rows[0]!.top, x1: bounds[bounds.length - 1]!, y1: rows[rows.length - 1]!.bottom };
  return {
    table: { method: "stream", page, pages: [page], bbox, colX: bounds, rows: rows.length, cols: cols.length, rowPages: rows.map(() => page), cells },
    end: b,
  };
}

/**
 * Rows under one rule (sparse rules): the lines of a band between two rules
 * are rows of their own when every line has several cells, the key column
 * among them, and no cell's line is a wrap of the one above it in its column
 * (its first word would have fitted after it). Returns the lines that start a
 * row although no rule is above them.
 */
function bandsOfRows(
  lines: Line[],
  segs: Line[][],
  a: number,
  b: number,
  rules: number[],
  key: number,
  colRange: (seg: Line) => [number, number],
  cols: Interval[],
  bounds: number[],
  s: PdfSettings,
): Set<number> {
  const out = new Set<number>();
  let k = a;
  while (k < b) {
    let e = k + 1;
    while (e < b && !rules.some((y) => y > lines[e - 1]!.baseline && y < lines[e]!.top)) e++;
    const band = range(k, e - 1);
    const ok =
      band.length >= 2 &&
      band.every(
        (i) =>
          segs[i]!.length >= 2 &&
          segs[i]!.some((seg) => {
            const r = colRange(seg);
            return r[0] <= key && key <= r[1];
          }),
      ) &&
      band.slice(1).every(
        (i) =>
          !segs[i]!.some((seg) => {
            // The segment above in the same column, if any: would this segment's first word have fitted after it?
            const c = colRange(seg)[0];
            const above = segs[i - 1]!.find((p) => colRange(p)[0] === c);
            if (!above) return false;
            const first = seg.words[0]!;
            // A cell reaches to where the next column's text starts.
            const limit = c + 1 < cols.length ? cols[c + 1]!.x0 : bounds[bounds.length - 1]!;
            return above.x1 + s.wrapSpaceEm * above.size + (first.x1 - first.x0) > limit;
          }),
      );
    if (ok) for (const i of band.slice(1)) out.add(i);
    k = e;
  }
  return out;
}

/**
 * Two columns, each filled on every multi-segment line, every such line of
 * two segments, and each column's text aligned on its left or its right edge.
 */
function twoAligned(a: number, b: number, segs: Line[][], cols: Interval[], rowLines: number, s: PdfSettings): boolean {
  if (cols.length !== 2 || rowLines < s.streamTwoColMinRows) return false;
  const multi = segs.slice(a, b).filter((ss) => ss.length >= 2);
  if (multi.some((ss) => ss.length !== 2)) return false;
  const aligned = (v: number[]) => Math.max(...v) - Math.min(...v) <= s.streamAlignTolerance;
  return [0, 1].every((k) => aligned(multi.map((ss) => ss[k]!.x0)) || aligned(multi.map((ss) => ss[k]!.x1)));
}

/** Segments of one visual line are joined by a space, visual lines by "\n". */
function joinLines(ls: Line[]): string {
  const out: string[] = [];
  let last: Line | null = null;
  for (const l of ls) {
    if (last && Math.abs(l.baseline - last.baseline) < 0.5 * l.size) out[out.length - 1] += " " + l.text;
    else out.push(l.text);
    last = l;
  }
  return out.join("\n");
}

function range(a: number, b: number): number[] {
  const r: number[] = [];
  for (let k = a; k <= b; k++) r.push(k);
  return r;
}

function cell(row: number, col: number, colSpan: number, text: string, page: number, x0: number, y0: number, x1: number, y1: number): Cell {
  return { row, col, rowSpan: 1, colSpan, text, shaded: false, fill: null, marked: false, page, bbox: roundBox({ x0, y0, x1, y1 }) };
}
