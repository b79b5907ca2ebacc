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
  private readonly pieces: Segment[][] = [];
  /** Cells (segments) of each line taken. */
  private readonly cells: number[] = [];

  constructor(private readonly settings: TextSettings) {}

  /** Gaps no line covers, used by enough lines to part two columns. */
  gutters(): Gutter[] {
    const all = this.pieces.flat();
    if (all.length === 0) return [];
    const lo = Math.min(...all.map((s) => s.start));
    const hi = Math.max(...all.map((s) => s.end));
    const covered = new Uint8Array(hi + 1);
    for (const s of all) covered.fill(1, s.start, s.end);
    const out: Gutter[] = [];
    for (let x = lo; x < hi; ) {
      if (covered[x]) {
        x++;
        continue;
      }
      const a = x;
      while (x < hi && !covered[x]) x++;
      const support = this.pieces.filter((p) => p.some((s) => s.end <= a) && p.some((s) => s.start >= x)).length;
      if (support >= this.settings.layoutGutterSupport) out.push({ a, b: x });
    }
    return out;
  }

  /** Whether a line fits; `below`: it comes after the lines taken (not a header above them). */
  fits(segments: Segment[], below = true): boolean {
    const tol = this.settings.layoutIntrusion;
    // A regular table (every line of several cells has as many) does not go on into a wider one.
    const multi = this.cells.filter((n) => n >= 2);
    if (below && multi.length >= this.settings.layoutGutterSupport && multi.every((n) => n === multi[0])) {
      if (segments.length >= (multi[0] as number) + this.settings.layoutNewHeaderCells) return false;
    }
    for (const g of this.gutters()) {
      for (const s of segments) {
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
    this.cells.push(segments.length);
    const gutters = this.gutters();
    const pieces: Segment[] = [];
    for (const s of segments) {
      let from = 0;
      for (let k = 1; k < s.words.length; k++) {
        const gap = (s.words[k - 1] as { end: number }).end;
        if (gutters.some((g) => gap >= g.a - 1 && gap <= g.b)) {
          pieces.push(segmentOf(s.words.slice(from, k)));
          from = k;
        }
      }
      pieces.push(segmentOf(s.words.slice(from)));
    }
    this.pieces.push(
      pieces.flatMap((p) => {
        const g = gutters.find((x) => p.start >= x.a && p.start < x.b);
        if (!g) return [p];
        return p.end > g.b ? [{ ...p, start: g.b }] : [];
      }),
    );
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
    const mutual =
      below.some((l) => l.segments.length >= 2) &&
      below.every((l) => table.fits(l.segments)) &&
      above.every((l) => after.fits(l.segments, false));
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
