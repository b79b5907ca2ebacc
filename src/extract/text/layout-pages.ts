/**
 * Pages of a layout-preserving conversion (`pdftotext -layout`): the
 * converter ends every page of the PDF with a form feed, so page k is the
 * k-th form-feed segment — blank pages included, which keeps the numbering
 * the PDF's. A bare page number printed alone at the foot (or head) of the
 * pages is dropped: the numbers it carries run with the pages, which tells
 * them from a value that happens to end a page.
 */
import type { TextSettings } from "../settings.js";

export function splitLayoutPages(text: string, settings: TextSettings): string[][] {
  const segments = text.replace(/\r\n?/g, "\n").split("\f");
  // The converter ends its last page with a form feed too.
  if (segments.length > 1 && (segments[segments.length - 1] as string).trim() === "") segments.pop();
  const pages = segments.map((s) => s.split("\n").map((l) => l.replace(/\s+$/, "")));
  dropPageNumbers(pages, settings, true);
  dropPageNumbers(pages, settings, false);
  return pages;
}

const isBlank = (line: string): boolean => line.trim() === "";

/**
 * Removes the bare numbers at the page edge (`fromEnd`: the foot) that run
 * with the page order (number − page index the same on most of them).
 */
function dropPageNumbers(pages: string[][], settings: TextSettings, fromEnd: boolean): void {
  const bare = new RegExp(`^\\s*[-–—]?\\s*(\\d{1,${settings.layoutPageNumberDigits}})\\s*[-–—]?\\s*$`);
  const found: { page: number; line: number; offset: number }[] = [];
  pages.forEach((lines, page) => {
    let i = fromEnd ? lines.length - 1 : 0;
    while (i >= 0 && i < lines.length && isBlank(lines[i] as string)) i += fromEnd ? -1 : 1;
    const m = i >= 0 && i < lines.length ? bare.exec(lines[i] as string) : null;
    if (m) found.push({ page, line: i, offset: Number(m[1]) - (page + 1) });
  });
  if (found.length === 0) return;
  const counts = new Map<number, number>();
  for (const f of found) counts.set(f.offset, (counts.get(f.offset) ?? 0) + 1);
  let offset = 0;
  let top = 0;
  for (const [o, n] of counts) if (n > top) [offset, top] = [o, n];
  // One page number proves nothing on a longer document.
  if (top < Math.min(settings.layoutPageNumberMinPages, pages.length)) return;
  for (const f of found) if (f.offset === offset) (pages[f.page] as string[])[f.line] = "";
}
