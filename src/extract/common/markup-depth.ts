/**
 * How deep the elements of an HTML or XML text nest, measured on the text
 * itself in one linear pass, before any parser sees it: parse5 slows down
 * quadratically with depth (200,000 nested elements took over two minutes)
 * and the readers walk the tree recursively, so a document nested deeper than
 * `maxNestingDepth` is refused up front.
 *
 * The count is what a parser would build, not an exact DOM depth: void
 * elements and `<x/>` (XML) open nothing; in HTML, elements whose end tag is
 * optional (p, li, td, tr, …) are not counted at all, since a parser closes
 * them implicitly rather than nesting them; the content of raw-text elements
 * (script, style …), comments, CDATA and processing instructions is skipped.
 */
import { LimitError } from "./limits.js";

const HTML_VOID = new Set([
  "area",
  "base",
  "br",
  "col",
  "embed",
  "hr",
  "img",
  "input",
  "link",
  "meta",
  "param",
  "source",
  "track",
  "wbr",
  "basefont",
  "bgsound",
  "frame",
  "keygen",
  "image",
  "isindex",
]);
const HTML_IMPLIED = new Set([
  "p",
  "li",
  "dt",
  "dd",
  "tr",
  "td",
  "th",
  "thead",
  "tbody",
  "tfoot",
  "option",
  "optgroup",
  "rb",
  "rt",
  "rtc",
  "rp",
  "colgroup",
  "caption",
  "html",
  "head",
  "body",
]);
const HTML_RAW = new Set(["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext"]);

const isNameStart = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 58 || c > 127;
const isNameChar = (c: number): boolean => isNameStart(c) || (c >= 48 && c <= 57) || c === 45 || c === 46;

/** Throws LimitError(maxNestingDepth) when elements of `text` nest deeper than `maxDepth`. */
export function checkMarkupDepth(text: string, kind: "html" | "xml", maxDepth: number): void {
  const depth = markupDepth(text, kind, maxDepth);
  if (depth > maxDepth) throw new LimitError("maxNestingDepth", maxDepth, `elements nested more than ${maxDepth} deep`);
}

/** The deepest nesting found, or the first depth past `stopAbove`. */
export function markupDepth(text: string, kind: "html" | "xml", stopAbove = Infinity): number {
  const html = kind === "html";
  let depth = 0;
  let deepest = 0;
  let i = text.indexOf("<");
  while (i >= 0 && i < text.length) {
    const next = text.charCodeAt(i + 1);
    if (text.startsWith("<!--", i)) {
      i = skipPast(text, "-->", i + 4);
    } else if (text.startsWith("<![CDATA[", i)) {
      i = skipPast(text, "]]>", i + 9);
    } else if (next === 33 /* ! */ || next === 63 /* ? */) {
      i = skipPast(text, ">", i + 2);
    } else if (next === 47 /* / */) {
      const [name] = readName(text, i + 2, html);
      if (name !== "" && !(html && (HTML_IMPLIED.has(name) || HTML_VOID.has(name)))) depth = Math.max(0, depth - 1);
      i = skipPast(text, ">", i + 2);
    } else if (isNameStart(next)) {
      const [name, afterName] = readName(text, i + 1, html);
      const end = tagEnd(text, afterName);
      const selfClosing = text.charCodeAt(end - 1) === 47;
      i = end + 1;
      if (html) {
        if (HTML_RAW.has(name)) {
          i = rawTextEnd(text, name, i);
          continue;
        }
        if (HTML_VOID.has(name) || HTML_IMPLIED.has(name)) {
          i = text.indexOf("<", i);
          continue;
        }
      } else if (selfClosing) {
        i = text.indexOf("<", i);
        continue;
      }
      depth++;
      if (depth > deepest) {
        deepest = depth;
        if (deepest > stopAbove) return deepest;
      }
    } else {
      i += 1;
    }
    i = i < 0 ? -1 : text.indexOf("<", i);
  }
  return deepest;
}

function skipPast(text: string, marker: string, from: number): number {
  const at = text.indexOf(marker, from);
  return at < 0 ? -1 : at + marker.length;
}

function readName(text: string, from: number, lower: boolean): [string, number] {
  let j = from;
  while (j < text.length && isNameChar(text.charCodeAt(j))) j++;
  const name = text.slice(from, j);
  return [lower ? name.toLowerCase() : name, j];
}

/** The index of the ">" closing a start tag, quoted attribute values (a quote right after "=") skipped. */
function tagEnd(text: string, from: number): number {
  let quote = 0;
  let afterEquals = false;
  for (let j = from; j < text.length; j++) {
    const c = text.charCodeAt(j);
    if (quote !== 0) {
      if (c === quote) quote = 0;
      continue;
    }
    if ((c === 34 || c === 39) && afterEquals) quote = c;
    else if (c === 62) return j;
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) afterEquals = c === 61;
  }
  return text.length;
}

/** Past the end tag of a raw-text element (or the end of the text). */
function rawTextEnd(text: string, name: string, from: number): number {
  const re = new RegExp(`</${name}[\\s/>]`, "ig");
  re.lastIndex = from;
  const m = re.exec(text);
  return m ? m.index + m[0].length : text.length;
}
