/**
 * The readers parse markup without cheerio's main entry point (src/extract/common/markup-dom.ts):
 * the trees must be the ones `cheerio.load` builds, node for node (a serializer could hide a
 * difference: `<noscript>` read as text or as elements prints the same).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import * as cheerio from "cheerio";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { htmlFragment, loadHtml, loadXml } from "../../../src/extract/common/markup-dom.js";
import type { AnyNode } from "domhandler";
import { repoRoot } from "./golden.js";

/** A tree as plain data: each node's type, name, attributes, text and children. */
function shape(node: AnyNode): unknown {
  if (node.type === "text" || node.type === "comment" || node.type === "directive") return [node.type, node.data];
  const children = "children" in node ? node.children.map(shape) : [];
  return "attribs" in node ? [node.type, node.name, node.attribs, children] : [node.type, children];
}

/** Two real plans of each kind (the parsers are the same code as cheerio's: it is the options that could differ). */
const REAL = ["colleverde-2025", "roccabella-2026"].map((id) => path.join(repoRoot, "fixtures", id, id));

/** Markup real exporters write that parsers disagree on: implied elements, foster-parented table text, noscript, entities, CDATA. */
const TRICKY_HTML = [
  "<p>senza html né body",
  "<table><tr><td>a<td>b</table>testo dopo",
  "<table>fuori<tr><td>dentro</td></tr></table>",
  "<html><head><noscript><p>nascosto</p></noscript></head><body><p>A&amp;B &egrave; &#8364; &nbsp;x</p></body></html>",
  "<!DOCTYPE html><title>T</title><p>uno<p>due<ul><li>tre<li>quattro</ul><br><b><i>annidati</b></i>",
  "<svg><![CDATA[dato]]><text>svg</text></svg><template><td>t</td></template>",
];

describe("markup-dom builds the trees cheerio.load builds", () => {
  it("whole HTML documents: real plans, and markup parsers disagree on", () => {
    const docs = [...REAL.map((f) => readFileSync(`${f}.html`, "utf8")), ...TRICKY_HTML];
    for (const html of docs) expect(shape(loadHtml(html).root()[0]!)).toEqual(shape(cheerio.load(html).root()[0]!));
  });

  it("HTML fragments (a text conversion's fields): nothing added around them", () => {
    const fields = [
      ...TRICKY_HTML,
      "<ul><li>Fase 1</li><li>Fase 2</li></ul>",
      "Peso &gt; 10<br/>seconda riga",
      "<td>cella sola</td>",
      "testo <i>corsivo</i> e <u>sottolineato</u>",
      "<noscript><p>senza script</p></noscript>",
    ];
    for (const field of fields) expect(shape(htmlFragment(field))).toEqual(shape(cheerio.load(field, null, false).root()[0]!));
  });

  it("XML parts: the main document part of real DOCX plans, entities and CDATA", async () => {
    const parts = await Promise.all(REAL.map(async (f) => (await JSZip.loadAsync(readFileSync(`${f}.docx`))).file("word/document.xml")!.async("string")));
    for (const xml of [...parts, `<?xml version="1.0"?><w:document xmlns:w="x"><w:t xml:space="preserve"> a &amp; b <![CDATA[c]]></w:t></w:document>`])
      expect(shape(loadXml(xml).root()[0]!)).toEqual(shape(cheerio.load(xml, { xml: true }).root()[0]!));
  });
});
