/**
 * Pages of a text conversion. A converter marks a page break with a form feed
 * or with a run of blank lines longer than the single blank line it puts
 * between paragraphs; the running header is then a block of lines that opens
 * page after page. Both are found from the text's own regularities, never from
 * particular words.
 */
import type { Block, LayoutDocument, ReaderMessage } from "../layout.js";
import type { TextSettings } from "../settings.js";
import { DocumentError } from "../../shared/errors.js";
import { hasContent } from "../common/pageless-document.js";

export interface TextPage {
  /** 1-based, by breaks. */
  number: number;
  /** Lines without header/footer lines; "" for a blank line. */
  lines: string[];
  header: string[];
  footer: string[];
}

const isBlank = (line: string): boolean => /^[ \u00a0\u3000]*$/.test(line);

/** Splits the text at form feeds, or at runs of blank lines when there are none. */
export function splitPages(text: string, settings: TextSettings): string[][] {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const pages: string[][] = [[]];
  const current = (): string[] => pages[pages.length - 1] as string[];
  const hasFormFeed = text.includes("\f");
  let blankRun = 0;
  for (const raw of lines) {
    if (hasFormFeed) {
      const pieces = raw.split("\f");
      pieces.forEach((piece, i) => {
        if (i > 0) pages.push([]);
        if (piece !== "" || i === 0) current().push(piece.replace(/\s+$/, ""));
      });
      continue;
    }
    if (isBlank(raw)) {
      blankRun++;
      current().push("");
      continue;
    }
    if (blankRun >= settings.pageBreakBlankLines && current().some((l) => !isBlank(l))) {
      // The blank run ends the page before it.
      const page = current();
      page.splice(page.length - blankRun, blankRun);
      pages.push([]);
    }
    blankRun = 0;
    current().push(raw.replace(/[ \r]+$/, ""));
  }
  return pages.map(trimBlank).filter((p) => p.length > 0);
}

function trimBlank(lines: string[]): string[] {
  let a = 0;
  let b = lines.length;
  while (a < b && isBlank(lines[a] as string)) a++;
  while (b > a && isBlank(lines[b - 1] as string)) b--;
  return lines.slice(a, b);
}

/** Lines compared for repetition: trimmed, spaces collapsed, digits ignored (page numbers). */
const key = (line: string): string => line.trim().replace(/\s+/g, " ").replace(/\d+/g, "#").toLowerCase();

/**
 * Moves the running header (and footer) into each page's header/footer: the
 * longest run of opening (closing) non-blank, non-tabular lines shared by the
 * largest number of pages, when that number is at least two and at least
 * `headerMinShare` of the pages.
 */
export function separateRunningLines(pages: string[][], settings: TextSettings): TextPage[] {
  const openings = pages.map((p) => edgeLines(p, false));
  const closings = pages.map((p) => edgeLines(p, true));
  const headerKeys = commonEdge(openings, pages.length, settings);
  const footerKeys = commonEdge(closings, pages.length, settings);
  return pages.map((lines, i) => {
    let body = lines;
    let header: string[] = [];
    let footer: string[] = [];
    const open = openings[i] as Edge[];
    if (headerKeys.length > 0 && matches(open, headerKeys)) {
      header = open.slice(0, headerKeys.length).map((e) => e.text);
      body = body.slice((open[headerKeys.length - 1] as Edge).index + 1);
    }
    const close = closings[i] as Edge[];
    if (footerKeys.length > 0 && matches(close, footerKeys)) {
      const kept = close.slice(0, footerKeys.length);
      // The footer's topmost line: the body ends before it.
      const cut = (kept[kept.length - 1] as Edge).index;
      // Never let a footer eat into lines already taken as header.
      const offset = lines.length - body.length;
      if (cut >= offset) {
        footer = kept.map((e) => e.text).reverse();
        body = lines.slice(offset, cut);
      }
    }
    return { number: i + 1, lines: trimBlank(body), header, footer };
  });
}

interface Edge {
  text: string;
  key: string;
  /** Index in the page's lines. */
  index: number;
}

/** The non-blank lines at the top (or bottom) of a page, up to the first table row. */
function edgeLines(lines: string[], fromEnd: boolean): Edge[] {
  const out: Edge[] = [];
  for (let n = 0; n < lines.length; n++) {
    const index = fromEnd ? lines.length - 1 - n : n;
    const text = lines[index] as string;
    if (isBlank(text)) continue;
    if (text.includes("\t")) break;
    out.push({ text: text.trim(), key: key(text), index });
  }
  return out;
}

function matches(edge: Edge[], keys: string[]): boolean {
  return keys.every((k, i) => edge[i]?.key === k);
}

function commonEdge(edges: Edge[][], pageCount: number, settings: TextSettings): string[] {
  const needed = Math.max(2, Math.ceil(settings.headerMinShare * pageCount));
  let best: string[] = [];
  let bestCount = 0;
  for (let k = 1; ; k++) {
    // The most frequent k-line opening, and on how many pages it appears.
    const counts = new Map<string, number>();
    for (const e of edges) {
      if (e.length < k) continue;
      const sig = e
        .slice(0, k)
        .map((x) => x.key)
        .join("\n");
      counts.set(sig, (counts.get(sig) ?? 0) + 1);
    }
    let top = "";
    let topCount = 0;
    for (const [sig, n] of counts) if (n > topCount) [top, topCount] = [sig, n];
    // Longer is better only while no page is lost: content that happens to open
    // many pages (a sheet title) must not be swallowed with the header.
    if (topCount < needed || (bestCount > 0 && topCount < bestCount)) break;
    best = top.split("\n");
    bestCount = topCount;
  }
  return best;
}

/**
 * The layout of a text conversion: its pages (their running lines kept apart) with the
 * blocks each reader found; a conversion with no content left is refused as empty,
 * saying what was left out (`leftOut`: "blank lines or running headers").
 */
export function textLayout(
  file: string,
  pages: ReadonlyArray<Pick<TextPage, "number" | "header" | "footer">>,
  blocks: Block[][],
  messages: ReaderMessage[],
  leftOut: string,
): LayoutDocument {
  const layoutPages = pages.map((p, i) => ({ number: p.number, width: null, height: null, header: p.header, footer: p.footer, blocks: blocks[i] ?? [] }));
  if (!hasContent(layoutPages.flatMap((p) => p.blocks))) throw new DocumentError("empty", file, `has no text (only ${leftOut})`);
  return { format: "text", pageCount: layoutPages.length, pages: layoutPages, messages };
}
