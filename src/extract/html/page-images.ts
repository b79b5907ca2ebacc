/**
 * A page pasted into the source document as a picture (a scanned sheet) comes
 * out of "Save as HTML" as an <img> standing alone in its paragraph. HTML has
 * no pages: a picture is taken for a scanned page when its declared size
 * (width/height attributes or CSS, in px at 96 per inch, pt, in, cm, mm)
 * covers most of the text area of an A4 page with 2 cm margins, the page the
 * DOCX reader assumes when a section does not say. Reported as UNREADABLE,
 * as the PDF reader reports an image-only page.
 */
import type { CheerioAPI } from "cheerio/slim";
import type { AnyNode, Element } from "domhandler";
import type { ReaderMessage } from "../layout.js";
import { readerMessage } from "../common/pageless-document.js";

/** A4 (210 × 297 mm) less 2 cm margins, in CSS px. */
const TEXT_AREA = { w: (170 / 25.4) * 96, h: (257 / 25.4) * 96 };
const PX_PER: Record<string, number> = { px: 1, pt: 96 / 72, in: 96, cm: 96 / 2.54, mm: 96 / 25.4 };
/** Elements that make a paragraph of their own: the picture must be alone in one. */
const BLOCKS = new Set(["p", "div", "td", "th", "li", "figure", "center", "body", "section", "article", "h1", "h2", "h3", "h4", "h5", "h6"]);

export function scannedPageImages($: CheerioAPI, minShare: number, source: string): ReaderMessage[] {
  const out: ReaderMessage[] = [];
  $("img").each((_, img) => {
    const w = length(img, "width"),
      h = length(img, "height");
    if (w === null || h === null) return;
    const share = (Math.min(w, TEXT_AREA.w) * Math.min(h, TEXT_AREA.h)) / (TEXT_AREA.w * TEXT_AREA.h);
    if (share < minShare || hasText($, blockOf(img))) return;
    out.push(
      readerMessage(
        source,
        "UNREADABLE",
        "error",
        `a picture filling ${Math.round(share * 100)}% of a page's text area stands alone with no text (a scanned page? OCR it first)`,
      ),
    );
  });
  return out;
}

/** A size from the style (width:6.15in) or the attribute (591, "591px"), in CSS px. */
function length(img: Element, prop: "width" | "height"): number | null {
  const style = new RegExp(`(?:^|;)\\s*${prop}\\s*:\\s*([\\d.]+)\\s*(px|pt|in|cm|mm)\\b`, "i").exec(img.attribs["style"] ?? "");
  const m = style ?? /^\s*([\d.]+)\s*(px)?\s*$/i.exec(img.attribs[prop] ?? "");
  if (!m) return null;
  const v = Number(m[1]) * (PX_PER[(m[2] ?? "px").toLowerCase()] ?? 1);
  return v > 0 ? v : null;
}

function blockOf(node: Element): AnyNode {
  let cur: AnyNode = node;
  while (cur.parent && !(cur.type === "tag" && cur !== node && BLOCKS.has((cur as Element).name))) cur = cur.parent;
  return cur;
}

function hasText($: CheerioAPI, block: AnyNode): boolean {
  return $(block).text().trim() !== "";
}
