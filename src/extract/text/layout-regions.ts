/**
 * Where a table of a layout conversion starts and ends. A table starts at a
 * line of two or more cells and takes the lines below while they fit its
 * columns so far: every line may reach into a gutter or narrow it (cells
 * wrap, header text is centred, converters misplace text by a character),
 * but a line ends the table when a word runs right across a gutter that at
 * least `layoutGutterSupport` of its lines use (text on both sides), or when
 * a cell starts in the middle of such a gutter — prose under a table, the
 * next table with other columns — or when it has clearly more cells than
 * the lines above it, which all have as many (the header of the next table
 * under a list of label | value pairs). Blank lines end a table unless the lines
 * after them (up to `layoutMaxBlankLines` of them) fit it and it fits them
 * (a header row printed apart from its rows).
 */
import type { TextSettings } from "../settings.js";
import { segmentOf, type Segment } from "./layout-line.js";

export interface RegionLine {
  segments: Segment[];
  rule: boolean;
  blank: boolean;
}

interface Gutter {
  a: number;
  b: number;
}

/** The columns of the lines taken so far, as far as ending a table needs them. */
class TableSoFar {
  /** How many lines cover each character position. */
  private coverage: number[] = [];
  private lo = Infinity;
  private hi = -Infinity;
  /** For each line of two or more pieces: where its first piece ends and its last starts. */
  private readonly spans: { firstEnd: number; lastStart: number }[] = [];
  /** Cells of the first line of two or more, and whether every such line has as many. */
  private cellsOf: number | null = null;
  private regular = true;
  private multiLines = 0;
  private cached: Gutter[] | null = null;

  constructor(private readonly settings: TextSettings) {}

  /** Gaps no line covers, used (text on both sides) by enough lines to part two columns. */
  gutters(): Gutter[] {
    if (this.cached) return this.cached;
    const out: Gutter[] = [];
    for (let x = this.lo; x < this.hi; ) {
      if ((this.coverage[x] ?? 0) > 0) {
        x++;
        continue;
      }
      const a = x;
      while (x < this.hi && (this.coverage[x] ?? 0) === 0) x++;
      let support = 0;
      for (const l of this.spans) {
        if (l.firstEnd <= a && l.lastStart >= x && ++support >= this.settings.layoutGutterSupport) {
          out.push({ a, b: x });
          break;
        }
      }
    }
    return (this.cached = out);
  }

  /** The gutters overlapping [start, end), by binary search over the sorted gutters. */
  private near(start: number, end: number): Gutter[] {
    const gutters = this.gutters();
    let lo = 0;
    let hi = gutters.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((gutters[mid] as Gutter).b <= start) lo = mid + 1;
      else hi = mid;
    }
    const out: Gutter[] = [];
    for (let i = lo; i < gutters.length && (gutters[i] as Gutter).a < end; i++) out.push(gutters[i] as Gutter);
    return out;
  }

  /** Whether a line fits; `below`: it comes after the lines taken (not a header above them). */
  fits(segments: Segment[], below = true): boolean {
    const tol = this.settings.layoutIntrusion;
    // A regular table (every line of several cells has as many) does not go on into a wider one.
    if (below && this.regular && this.cellsOf !== null && this.multiLines >= this.settings.layoutGutterSupport) {
      if (segments.length >= this.cellsOf + this.settings.layoutNewHeaderCells) return false;
    }
    for (const s of segments) {
      for (const g of this.near(s.start - tol, s.end + tol)) {
        if (s.start >= g.a + tol && s.start < g.b - tol) return false;
        // A word across the gutter, beyond the converter's slack on its left (runs it wrote one space apart).
        if (s.words.some((w) => w.start < g.a - tol && w.end > g.b)) return false;
      }
    }
    return true;
  }

  /**
   * Adds a line. Text that reaches into a gutter from its right-hand column
   * (a cell run on from the row number with one space, a misplaced start)
   * does not close it: such pieces count from the gutter's end.
   */
  add(segments: Segment[]): void {
    if (segments.length >= 2) {
      this.multiLines++;
      if (this.cellsOf === null) this.cellsOf = segments.length;
      else if (segments.length !== this.cellsOf) this.regular = false;
    }
    const pieces: Segment[] = [];
    for (const s of segments) {
      let from = 0;
      for (let k = 1; k < s.words.length; k++) {
        const gap = (s.words[k - 1] as { end: number }).end;
        if (this.near(gap - 1, gap + 2).some((g) => gap >= g.a - 1 && gap <= g.b)) {
          pieces.push(segmentOf(s.words.slice(from, k)));
          from = k;
        }
      }
      pieces.push(segmentOf(s.words.slice(from)));
    }
    const kept = pieces.flatMap((p) => {
      const g = this.near(p.start, p.start + 1).find((x) => p.start >= x.a && p.start < x.b);
      if (!g) return [p];
      return p.end > g.b ? [{ ...p, start: g.b }] : [];
    });
    for (const p of kept) {
      for (let x = p.start; x < p.end; x++) this.coverage[x] = (this.coverage[x] ?? 0) + 1;
      this.lo = Math.min(this.lo, p.start);
      this.hi = Math.max(this.hi, p.end);
    }
    const first = kept[0];
    const last = kept[kept.length - 1];
    if (first && last && kept.length >= 2) this.spans.push({ firstEnd: first.end, lastStart: last.start });
    this.cached = null;
  }
}

/** The end (exclusive) of the table that starts at line `start`. */
export function tableEnd(lines: RegionLine[], start: number, settings: TextSettings): number {
  const table = new TableSoFar(settings);
  let end = grow(lines, start, table);
  for (;;) {
    let next = end;
    while (next < lines.length && (lines[next] as RegionLine).blank) next++;
    const blanks = next - end;
    if (blanks === 0 || blanks > settings.layoutMaxBlankLines || next >= lines.length) return end;
    const after = new TableSoFar(settings);
    const afterEnd = grow(lines, next, after);
    const below = lines.slice(next, afterEnd);
    const above = lines.slice(start, end);
    const mutual = below.some((l) => l.segments.length >= 2) && below.every((l) => table.fits(l.segments)) && above.every((l) => after.fits(l.segments, false));
    if (!mutual) return end;
    for (const l of below) table.add(l.segments);
    end = afterEnd;
  }
}

/** Takes lines from `start` while they fit, up to the first blank line. */
function grow(lines: RegionLine[], start: number, table: TableSoFar): number {
  let i = start;
  for (; i < lines.length; i++) {
    const line = lines[i] as RegionLine;
    if (line.blank) break;
    if (line.rule) continue;
    if (i > start && !table.fits(line.segments)) break;
    table.add(line.segments);
  }
  // A rule line closing the table stays outside it.
  while (i > start + 1 && (lines[i - 1] as RegionLine).rule) i--;
  return i;
}
