/**
 * Finds running headers and footers: lines in the top/bottom bands that repeat
 * (digits ignored) at the same height on most pages, and page-number lines.
 * Only a contiguous run from the page edge counts, so body text that happens
 * to repeat further in is left alone.
 */
import type { PdfSettings } from "../settings.js";
import type { Line } from "./text-lines.js";

export interface PageLines {
  height: number;
  lines: Line[];
}

export interface RunningLines {
  header: Line[];
  footer: Line[];
}

// A bare number is a page number up to 3 digits (a lone "2024" is a year).
const PAGE_NUMBER = /^(?:(?:pag(?:ina|\.|g\.)?|page|p\.)\s*)?[-–—]?\s*\d{1,3}\s*[-–—]?(?:\s*(?:di|of|\/|su)\s*\d{1,4})?$/i;

export function isPageNumberLine(text: string): boolean {
  return PAGE_NUMBER.test(text.trim());
}

/** Digits ignored (page numbers, dates); case kept ("COMUNE DI X" is not the body's "Comune di X"). */
function keyOf(text: string): string {
  return text.replace(/\d+/g, "#").replace(/\s+/g, " ").trim();
}

export function findRunningLines(pages: readonly PageLines[], s: PdfSettings): RunningLines[] {
  // key → y positions of occurrences, one per page and band
  const seen = new Map<string, { page: number; y: number }[]>();
  const bandLines = pages.map((p) => {
    const top = p.lines.filter((l) => l.bottom <= p.height * s.marginBand).sort((a, b) => a.top - b.top);
    const bottom = p.lines.filter((l) => l.top >= p.height * (1 - s.marginBand)).sort((a, b) => b.bottom - a.bottom);
    return { top, bottom };
  });
  bandLines.forEach((b, pi) => {
    for (const [band, lines] of [
      ["t", b.top],
      ["b", b.bottom],
    ] as const) {
      const done = new Set<string>();
      for (const l of lines) {
        const k = band + keyOf(l.text);
        if (done.has(k)) continue;
        done.add(k);
        const list = seen.get(k) ?? seen.set(k, []).get(k)!;
        // y from the page edge it belongs to, so pages of different heights compare
        list.push({ page: pi, y: band === "t" ? l.top : pages[pi]!.height - l.bottom });
      }
    }
  });
  const minPages = Math.max(2, Math.ceil(s.repeatFraction * pages.length));
  /** On how many pages the line recurs at the same distance from the edge. */
  const repeats = (band: "t" | "b", l: Line, height: number): number => {
    const list = seen.get(band + keyOf(l.text));
    if (!list || pages.length < 2) return 0;
    const y = band === "t" ? l.top : height - l.bottom;
    return list.filter((o) => Math.abs(o.y - y) <= s.repeatYTolerance).length;
  };
  /**
   * Lines from the page edge inwards while they repeat; a running header repeats
   * as a block, so a line recurring on clearly fewer pages than the line before
   * it (a sheet title under the header) ends the block.
   */
  const take = (band: "t" | "b", lines: Line[], height: number): Line[] => {
    const out: Line[] = [];
    let prev = 0;
    for (const l of lines) {
      if (isPageNumberLine(l.text)) {
        out.push(l);
        continue;
      }
      const n = repeats(band, l, height);
      if (n < minPages || n < s.repeatBlockRatio * prev) break;
      out.push(l);
      prev = n;
    }
    return out;
  };
  return bandLines.map((b, pi) => {
    const h = pages[pi]!.height;
    return { header: take("t", b.top, h), footer: take("b", b.bottom, h).reverse() };
  });
}
