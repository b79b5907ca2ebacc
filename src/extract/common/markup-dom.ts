/**
 * Markup parsed into cheerio's DOM (domhandler nodes) the way `cheerio.load` does it,
 * without loading cheerio's main entry point: that one also brings its network and
 * stream helpers (undici for `fromURL`, encoding-sniffer and iconv-lite for
 * `loadBuffer`), which no reader uses and which tripled the cost of loading it
 * (about 300 ms of CPU on these machines, against 145 ms for what is used here), paid
 * by every process and worker thread that reads an HTML, DOCX or text document.
 *
 * HTML goes through parse5 with the htmlparser2 tree adapter, with the options cheerio
 * gives it (scripting enabled, as a browser parses); XML through htmlparser2 in XML mode;
 * `cheerio/slim` queries the tree. Same parsers, same trees as `cheerio.load`
 * (tests/extract/common/markup-dom.test.ts compares them).
 */
import { type CheerioAPI, load } from "cheerio/slim";
import type { Document } from "domhandler";
import { parse, parseFragment } from "parse5";
import { adapter } from "parse5-htmlparser2-tree-adapter";

const HTML_OPTIONS = { treeAdapter: adapter, scriptingEnabled: true } as const;

/** A whole HTML document (html, head and body added where missing), as `cheerio.load(html)`. */
export function loadHtml(html: string): CheerioAPI {
  return load(parse(html, HTML_OPTIONS));
}

/** An HTML fragment (no html, head or body added), as the root of `cheerio.load(html, null, false)`. */
export function htmlFragment(html: string): Document {
  return parseFragment(html, HTML_OPTIONS);
}

/** An XML part, as `cheerio.load(xml, { xml: true })`. */
export function loadXml(xml: string): CheerioAPI {
  return load(xml, { xml: true });
}
