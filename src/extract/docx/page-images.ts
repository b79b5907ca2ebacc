/**
 * A page pasted into a Word file as a picture (a scanned sheet) holds content
 * no reader can see. DOCX has no pages, so such a picture is recognised by its
 * size: a drawing in a body paragraph with no text of its own, covering most of
 * the text area of its section's page (w:pgSz less w:pgMar). It is reported as
 * UNREADABLE, as the PDF reader reports an image-only page.
 */
import type { AnyNode, Element } from "domhandler";
import type { ReaderMessage } from "../layout.js";
import type { DocxSettings } from "../settings.js";
import { readerMessage } from "../common/pageless-document.js";
import type { DocxContext } from "./docx-blocks.js";

/** 1 twip = 635 EMU; 1 pt = 20 twips. */
const EMU_PER_TWIP = 635;
const TWIPS_PER_PT = 20;
/** Word's default page (A4) and margins when a section does not say. */
const DEFAULT_AREA = { w: 11906 - 2 * 1134, h: 16838 - 2 * 1134 };
/** Elements whose block children are read in place (as the body reader does). */
const CONTAINERS = new Set(["sdt", "sdtContent", "customXml", "ins", "moveTo"]);

interface Size {
  w: number;
  h: number;
}

export function scannedPageImages(ctx: DocxContext, body: Element, s: DocxSettings, source: string): ReaderMessage[] {
  const { w } = ctx;
  const found: number[] = [];
  // Pictures wait for the section they belong to: its w:sectPr comes after them.
  let pending: Size[] = [];
  const closeSection = (sectPr: Element | undefined): void => {
    const area = textArea(ctx, sectPr);
    for (const img of pending) {
      const share = (Math.min(img.w, area.w) * Math.min(img.h, area.h)) / (area.w * area.h);
      if (share >= s.scannedImageShare) found.push(share);
    }
    pending = [];
  };
  const walk = (container: Element): void => {
    for (const child of container.children) {
      if (child.type !== "tag") continue;
      const local = w.local(child);
      if (local === "p") {
        if (!hasText(ctx, child)) pending.push(...pictureSizes(child));
        const sectPr = w.child(w.child(child, "pPr"), "sectPr");
        if (sectPr) closeSection(sectPr);
      } else if (local === "sectPr") closeSection(child);
      else if (local !== null && CONTAINERS.has(local)) walk(child);
    }
  };
  walk(body);
  if (pending.length) closeSection(undefined);
  return found.map((share) =>
    readerMessage(
      source,
      "UNREADABLE",
      "error",
      `a picture filling ${Math.round(share * 100)}% of a page's text area stands alone with no text (a scanned page? OCR it first)`,
    ),
  );
}

/** Text area of a section's page in twips (page size less margins). */
function textArea(ctx: DocxContext, sectPr: Element | undefined): Size {
  const { w } = ctx;
  const pgSz = w.child(sectPr, "pgSz");
  const pgMar = w.child(sectPr, "pgMar");
  const num = (el: Element | undefined, a: string): number | undefined => {
    const v = Number(w.attr(el, a));
    return Number.isFinite(v) && w.attr(el, a) !== undefined ? v : undefined;
  };
  const pw = num(pgSz, "w"),
    ph = num(pgSz, "h");
  if (pw === undefined || ph === undefined) return DEFAULT_AREA;
  const margin = (a: string): number => Math.max(0, num(pgMar, a) ?? 1134);
  const area = { w: pw - margin("left") - margin("right"), h: ph - margin("top") - margin("bottom") };
  return area.w > 0 && area.h > 0 ? area : { w: pw, h: ph };
}

/** Sizes (twips) of the pictures in a paragraph: DrawingML extents and VML shape styles. */
function pictureSizes(p: Element): Size[] {
  const out: Size[] = [];
  const visit = (node: AnyNode): void => {
    if (node.type !== "tag") return;
    const local = node.name.slice(node.name.indexOf(":") + 1);
    if (local === "extent" && /(^|:)(inline|anchor)$/.test((node.parent as Element | null)?.name ?? "")) {
      const cx = Number(node.attribs["cx"]),
        cy = Number(node.attribs["cy"]);
      if (cx > 0 && cy > 0) out.push({ w: cx / EMU_PER_TWIP, h: cy / EMU_PER_TWIP });
      return;
    }
    if (local === "shape" && node.name.includes(":") && /imagedata/.test(childNames(node))) {
      const size = vmlSize(node.attribs["style"] ?? "");
      if (size) out.push(size);
      return;
    }
    for (const c of node.children) visit(c);
  };
  visit(p);
  return out;
}

function childNames(el: Element): string {
  return el.children.map((c) => (c.type === "tag" ? c.name : "")).join(" ");
}

/** "width:443pt;height:626pt" → twips. */
function vmlSize(style: string): Size | null {
  const get = (k: string): number | null => {
    const m = new RegExp(`(?:^|;)\\s*${k}\\s*:\\s*([\\d.]+)\\s*(pt|in|cm|mm)?`, "i").exec(style);
    if (!m) return null;
    const v = Number(m[1]);
    const unit = (m[2] ?? "pt").toLowerCase();
    const perPt = unit === "in" ? 72 : unit === "cm" ? 72 / 2.54 : unit === "mm" ? 72 / 25.4 : 1;
    return v * perPt * TWIPS_PER_PT;
  };
  const w = get("width"),
    h = get("height");
  return w && h ? { w, h } : null;
}

/** Any visible text in the paragraph (runs, symbols, text boxes). */
function hasText(ctx: DocxContext, p: Element): boolean {
  const visit = (node: AnyNode): boolean => {
    if (node.type !== "tag") return false;
    const local = ctx.w.local(node);
    if (local === "t" && node.children.some((c) => c.type === "text" && c.data.trim() !== "")) return true;
    if (local === "sym") return true;
    return node.children.some(visit);
  };
  return visit(p);
}
