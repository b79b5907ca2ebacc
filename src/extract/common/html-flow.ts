/**
 * Walks an HTML (or HTML-fragment) tree in document order and turns its running
 * text into lines, the way a browser would break them: every block element
 * (p, div, li, h1…) and every <br> ends a line; whitespace collapses; bold comes
 * from <b>/<strong>/<th>/headings and `font-weight`. Used by the HTML and DOCX
 * readers for body text and cell text, and by the text reader for the HTML
 * fragments found inside tab-separated cells.
 *
 * Word's "Save as HTML" quirks handled here: `<o:p>` (an inline element),
 * conditional comments (parsed as comments, so their content vanishes), list
 * markers wrapped in `<![if !supportLists]>` or in a `mso-list:Ignore` span, or
 * — in "Web Page, Filtered" output, which has neither — written as a glyph
 * followed by a spacer span in a 7 pt font (dropped: bullets and numbers are
 * Word's rendering, not the author's text, as in DOCX list paragraphs),
 * `mso-hide:all` / `display:none` content, and text in a symbol font
 * (`font-family:Wingdings` "ü" is a tick: read as ✓).
 */
import type { AnyNode, Element } from "domhandler";
import { isSymbolFont, symbolFontText } from "./symbol-fonts.js";
import { INLINE_ONLY, type StyleSheet } from "./style-sheet.js";
import { LimitError } from "./limits.js";

export interface FlowLine {
  text: string;
  /** Every visible character of the line is bold. */
  bold: boolean;
  /** Font size in points of the line's first text, when declared. */
  fontSize: number | null;
}

interface Style {
  bold: boolean;
  size: number | null;
  /** A symbol font (Wingdings, Symbol) the text is set in. */
  symbolFont?: string;
}

/** What a list marker Word writes out looks like: a bullet glyph (as mapped from its font) or a number. */
const LIST_MARKER = /^(?:[·•▪◦§o\-–○●■□☐➢✓✗❖v*Ø]|\(?(?:\d{1,3}(?:\.\d{1,3})*|[a-zA-Z]|[ivxlcIVXLC]{1,6})[.)])$/;

interface Run extends Style {
  text: string;
}

/** Return true when the element was consumed (tables, header/footer regions). */
export type Intercept = (el: Element, style: Style) => boolean;

export interface FlowOptions {
  intercept?: Intercept;
  /** The document's own CSS rules (class-based bold, hidden text). */
  sheet?: StyleSheet;
  /** Elements nested deeper than this are refused (ReaderLimits.maxNestingDepth); MAX_HTML_DEPTH when absent. */
  maxDepth?: number;
}

const SKIP = new Set([
  "script",
  "style",
  "head",
  "title",
  "noscript",
  "template",
  "meta",
  "link",
  "object",
  "embed",
  "iframe",
  "svg",
  "math",
  "xml",
  "button",
  "select",
  "option",
  "input",
  "textarea",
  "img",
  "map",
  "area",
  "canvas",
  "audio",
  "video",
  "colgroup",
  "col",
]);

const BLOCK = new Set([
  "p",
  "div",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "li",
  "ul",
  "ol",
  "dl",
  "dt",
  "dd",
  "blockquote",
  "pre",
  "center",
  "section",
  "article",
  "header",
  "footer",
  "main",
  "nav",
  "aside",
  "address",
  "figure",
  "figcaption",
  "hr",
  "table",
  "caption",
  "thead",
  "tbody",
  "tfoot",
  "tr",
  "td",
  "th",
  "form",
  "fieldset",
  "legend",
  "details",
  "summary",
  "body",
  "html",
]);

const BOLD_TAGS = new Set(["b", "strong", "th", "h1", "h2", "h3", "h4", "h5", "h6"]);

/** `<font size=N>` → points, as browsers render the legacy sizes. */
const FONT_SIZE_PT: Record<string, number> = { "1": 7.5, "2": 10, "3": 12, "4": 13.5, "5": 18, "6": 24, "7": 36 };

/** Elements nested deeper than this are input no office tool writes (the default of ReaderLimits.maxNestingDepth). */
export const MAX_HTML_DEPTH = 400;

export class LineCollector {
  private lines: FlowLine[] = [];
  private runs: Run[] = [];

  add(text: string, style: Style): void {
    if (text !== "") this.runs.push({ text, ...style });
  }

  /** Forgets the current line's text when it is only a list marker (Word's written-out bullet or number). */
  dropListMarker(): void {
    if (LIST_MARKER.test(collapse(this.runs.map((r) => r.text).join("")))) this.runs = [];
  }

  /** Ends the current line (a block boundary or <br>); empty lines are dropped. */
  breakLine(): void {
    if (this.runs.length === 0) return;
    const text = collapse(this.runs.map((r) => r.text).join(""));
    if (text !== "") {
      const visible = this.runs.filter((r) => collapse(r.text) !== "");
      this.lines.push({
        text,
        bold: visible.length > 0 && visible.every((r) => r.bold),
        fontSize: visible[0]?.size ?? null,
      });
    }
    this.runs = [];
  }

  /** The finished lines so far (ends the current one first). */
  take(): FlowLine[] {
    this.breakLine();
    const out = this.lines;
    this.lines = [];
    return out;
  }
}

/** Collapses HTML whitespace (nbsp included) and drops soft hyphens / zero-width marks. */
export function collapse(s: string): string {
  return s
    .replace(/[\u00ad\u200b\u200c\u200d\ufeff]/g, "")
    .replace(/[\s\u00a0]+/g, " ")
    .trim();
}

export const PLAIN: Style = { bold: false, size: null };

/** Walks `node`'s children (not the node itself) into `out`. */
export function walkChildren(node: AnyNode, style: Style, out: LineCollector, opts: FlowOptions = {}, depth = 0): void {
  const children = "children" in node ? node.children : [];
  for (let i = 0; i < children.length; i++) {
    const child = children[i] as AnyNode;
    if (child.type === "comment" && /^\[if !supportLists\]/i.test(child.data)) {
      // Word's rendered list marker (bullet glyph or "1."): generated, not the author's text.
      i = findEndif(children, i + 1);
      continue;
    }
    walkNode(child, style, out, opts, depth + 1);
  }
}

function findEndif(children: AnyNode[], from: number): number {
  for (let k = from; k < children.length; k++) {
    const c = children[k] as AnyNode;
    if (c.type === "comment" && /^\[endif\]/i.test(c.data)) return k;
  }
  return from - 1; // no [endif]: do not swallow the rest
}

export function walkNode(node: AnyNode, style: Style, out: LineCollector, opts: FlowOptions = {}, depth = 0): void {
  const maxDepth = opts.maxDepth ?? MAX_HTML_DEPTH;
  if (depth > maxDepth) throw new LimitError("maxNestingDepth", maxDepth, `elements nested more than ${maxDepth} deep`);
  if (node.type === "text") {
    out.add(style.symbolFont !== undefined ? symbolFontText(style.symbolFont, node.data) : node.data, style);
    return;
  }
  if (node.type === "cdata") {
    walkChildren(node, style, out, opts, depth);
    return;
  }
  if (node.type !== "tag") return; // comments, directives, script/style nodes
  const el = node;
  const name = el.name.toLowerCase();
  if (SKIP.has(name) || name.startsWith("v:")) return;
  const decls = (opts.sheet ?? INLINE_ONLY).declarations(el);
  if (isHidden(el, decls) || isListLabel(el, decls) || decls.get("mso-list")?.trim().toLowerCase() === "ignore") return;
  if (isListGap(el, decls)) {
    out.dropListMarker();
    return;
  }
  const own = styleOf(el, name, style, decls);
  if (opts.intercept?.(el, own)) return;
  if (name === "br") {
    out.breakLine();
    return;
  }
  const block = BLOCK.has(name);
  if (block) out.breakLine();
  walkChildren(el, own, out, opts, depth);
  if (block) out.breakLine();
}

/**
 * A list label an exporter wrote out as text (LibreOffice XHTML:
 * `<span class="ListLabel_20_4" style="float:left">1.</span>`): generated
 * numbering, dropped like the bullets of <ul>, so that only markers the author
 * typed remain.
 */
function isListLabel(el: Element, decls: Map<string, string>): boolean {
  if (el.name !== "span") return false;
  const label = /(^|\s)ListLabel/.test(el.attribs["class"] ?? "");
  const floated = decls.get("float")?.toLowerCase() === "left";
  if (!label && !floated) return false;
  const text = collapse(el.children.map((c) => (c.type === "text" ? c.data : "")).join(""));
  return /^(\(?(\d{1,3}|[a-zA-Z]|[ivxlcIVXLC]{1,6})[.)]|[•·▪◦§\-–○●■□➢✓]|o)$/.test(text);
}

/**
 * The spacer Word puts between a list item's marker and its text
 * (`<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span>`): blank,
 * in a font shorthand of a few points.
 */
function isListGap(el: Element, decls: Map<string, string>): boolean {
  if (el.name !== "span" || !/^\s*[\d.]+pt\b/i.test(decls.get("font") ?? "")) return false;
  return el.children.every((c) => c.type === "text" && collapse(c.data) === "");
}

function isHidden(el: Element, decls: Map<string, string>): boolean {
  if (el.attribs["hidden"] !== undefined) return true;
  return decls.get("display")?.toLowerCase() === "none" || decls.get("mso-hide")?.toLowerCase() === "all";
}

function styleOf(el: Element, name: string, parent: Style, decls: Map<string, string>): Style {
  let bold = parent.bold || BOLD_TAGS.has(name);
  let size = parent.size;
  if (name === "font" && el.attribs["size"] && FONT_SIZE_PT[el.attribs["size"].trim()] !== undefined) {
    size = FONT_SIZE_PT[el.attribs["size"].trim()] ?? size;
  }
  {
    const weight = decls.get("font-weight")?.toLowerCase();
    if (weight !== undefined) {
      if (weight === "bold" || weight === "bolder" || Number(weight) >= 600) bold = true;
      else if (weight === "normal" || weight === "lighter" || Number(weight) < 600) bold = false;
    }
    const fs = decls.get("font-size");
    if (fs !== undefined) size = cssSizePt(fs) ?? size;
  }
  // Word's own HTML marks a symbol as mso-char-type:symbol with its font in mso-symbol-font-family.
  const family =
    decls.get("mso-char-type")?.trim().toLowerCase() === "symbol"
      ? (decls.get("mso-symbol-font-family") ?? decls.get("font-family"))
      : decls.get("font-family");
  if (family === undefined) return { bold, size, ...(parent.symbolFont !== undefined ? { symbolFont: parent.symbolFont } : {}) };
  const first = (family.split(",")[0] ?? "").trim().replace(/^["']|["']$/g, "");
  return { bold, size, ...(isSymbolFont(first) ? { symbolFont: first } : {}) };
}

function cssSizePt(v: string): number | null {
  const m = /^([\d.]+)\s*(pt|px)$/i.exec(v.trim());
  if (!m) return null;
  const n = Number(m[1]);
  if (!Number.isFinite(n) || n <= 0) return null;
  return Math.round((m[2]?.toLowerCase() === "px" ? n * 0.75 : n) * 100) / 100;
}
