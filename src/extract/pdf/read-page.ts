/**
 * Reads one page's raw geometry: words and classified graphics, both from the
 * page's operator list (one parse of its content streams) and both through the
 * page viewport so rotated and landscape pages come out upright.
 */
import type { PDFDocumentProxy } from "./pdfjs.js";
import type { PdfSettings } from "../settings.js";
import { withDeadline } from "./deadline.js";
import { readPageGraphics, type OperatorListLike, type TextRun } from "./page-graphics.js";
import type { PageGraphics, Word } from "./page-model.js";
import { itemsToWords, type FontStyleLike, type TextItemLike } from "./page-words.js";
import { markRunEnds, runEndSpaces } from "./run-end-spaces.js";
import { dotsToBullets } from "./bullet-dots.js";
import { hideClippedText } from "./text-clip.js";
import { textFromOperatorList, type OpsFont } from "./ops-text.js";

export interface RawPage {
  number: number;
  width: number;
  height: number;
  words: Word[];
  graphics: PageGraphics;
}

export function emptyPage(number: number, width: number, height: number): RawPage {
  return { number, width, height, words: [], graphics: { rulings: [], fills: [], diagonals: [], dots: [], imageCount: 0 } };
}

export async function readRawPage(doc: PDFDocumentProxy, number: number, s: PdfSettings, deadline: number, file: string): Promise<RawPage> {
  const page = await withDeadline(doc.getPage(number), deadline, file);
  try {
    const vp = page.getViewport({ scale: 1 });
    const transform = Array.from(vp.transform as ArrayLike<number>);
    // Operator list first: it loads the fonts, whose PDF names tell bold apart.
    const ops = (await withDeadline(page.getOperatorList(), deadline, file)) as unknown as OperatorListLike;
    const fontOf = (id: string): OpsFont | undefined => {
      try {
        return page.commonObjs.get(id) as OpsFont | undefined;
      } catch {
        return undefined; // not loaded (a failed font)
      }
    };
    const fontNameOf = (id: string): string | undefined => fontOf(id)?.name;
    // The text items from the same parse (see ./ops-text.ts); pdf.js parses again only where that replay would not match.
    const text = textFromOperatorList(ops, fontOf, page.view) ?? (await withDeadline(page.getTextContent(), deadline, file));
    const runs: TextRun[] = [];
    const graphics = readPageGraphics(ops, transform, s, runs);
    const items = text.items as TextItemLike[];
    const styles = text.styles as Record<string, FontStyleLike>;
    // Characters a clipping path hides are blanked out before words are made.
    const shown = hideClippedText(items, runs, styles, transform, vp, s);
    const words = itemsToWords(shown, styles, transform, fontNameOf, s);
    const ends = runEndSpaces(items, ops);
    if (ends) markRunEnds(words, items, ends, transform, s);
    // Text placed off the page (outside the crop box) is not shown: leave it out.
    const onPage = words.filter((w) => w.x1 > 0 && w.x0 < vp.width && w.bottom > 0 && w.top < vp.height);
    return { number, width: vp.width, height: vp.height, words: dotsToBullets(onPage, graphics, s), graphics };
  } finally {
    page.cleanup();
  }
}
