/**
 * The text of one tab-separated field or one line of a text conversion, which
 * may carry HTML fragments (<ul>, <li>, <p>, <br>, <i>, <u>, entities) left by
 * the converter: tags go, each paragraph / list item / <br> starts a line,
 * entities are decoded. Fields without markup are only trimmed and collapsed.
 */
import { LineCollector, MAX_HTML_DEPTH, PLAIN, collapse, walkChildren } from "../common/html-flow.js";
import { markupDepth } from "../common/markup-depth.js";
import { htmlFragment } from "../common/markup-dom.js";
import { LimitError } from "../common/limits.js";

const MARKUP = /<\/?[a-zA-Z][^>]*>|&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);/;

export function fieldLines(field: string): string[] {
  if (!MARKUP.test(field)) {
    const text = collapse(field);
    return text === "" ? [] : [text];
  }
  if (markupDepth(field, "html", MAX_HTML_DEPTH) > MAX_HTML_DEPTH) {
    // Absurd nesting in one field (checked before parsing: parse5 is quadratic in depth): keep its text without the markup.
    const text = collapse(field.replace(/<[^>]*>/g, " "));
    return text === "" ? [] : [text];
  }
  const root = htmlFragment(field);
  const out = new LineCollector();
  try {
    walkChildren(root, PLAIN, out);
  } catch (e) {
    if (!(e instanceof LimitError)) throw e;
    const text = collapse(field.replace(/<[^>]*>/g, " "));
    return text === "" ? [] : [text];
  }
  return out.take().map((l) => l.text);
}
