/**
 * The text of one tab-separated field or one line of a text conversion, which
 * may carry HTML fragments (<ul>, <li>, <p>, <br>, <i>, <u>, entities) left by
 * the converter: tags go, each paragraph / list item / <br> starts a line,
 * entities are decoded. Fields without markup are only trimmed and collapsed.
 */
import * as cheerio from "cheerio";
import { LineCollector, PLAIN, TooDeepError, collapse, walkChildren } from "../common/html-flow.js";

const MARKUP = /<\/?[a-zA-Z][^>]*>|&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);/;

export function fieldLines(field: string): string[] {
  if (!MARKUP.test(field)) {
    const text = collapse(field);
    return text === "" ? [] : [text];
  }
  const $ = cheerio.load(field, null, false);
  const out = new LineCollector();
  try {
    for (const node of $.root().toArray()) walkChildren(node, PLAIN, out);
  } catch (e) {
    if (!(e instanceof TooDeepError)) throw e;
    // Absurd nesting in one field: keep its text without the markup.
    return [collapse(field.replace(/<[^>]*>/g, " "))];
  }
  return out.take().map((l) => l.text);
}
