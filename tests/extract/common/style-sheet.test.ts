/** The CSS rule reader: simple selectors honoured, @-rules (print-only rules among them) not. */
import * as cheerio from "cheerio";
import type { Element } from "domhandler";
import { describe, expect, it } from "vitest";
import { StyleSheet } from "../../../src/extract/common/style-sheet.js";

const cell = (html: string): Element => cheerio.load(html)("td").get(0) as Element;

describe("StyleSheet", () => {
  it("applies class and tag rules, inline style last", () => {
    const sheet = StyleSheet.parse(["td { font-weight: bold } td.Table3_B4 { background-color: #7f7f7f }"]);
    const d = sheet.declarations(cell(`<table><tr><td class="Table3_B4" style="color: red">x</td></tr></table>`));
    expect(Object.fromEntries(d)).toEqual({ "font-weight": "bold", "background-color": "#7f7f7f", color: "red" });
  });

  it("ignores rules inside @-blocks (@media print, nested ones too) and @-statements", () => {
    const css = `@import url(x.css); td.a { color: blue }
      @media print { td.a { background-color: #ff0000 } @supports (display: grid) { td { font-weight: bold } } }
      @font-face { font-family: X; src: url(x.woff) } td.b { color: green }`;
    const sheet = StyleSheet.parse([css]);
    expect(Object.fromEntries(sheet.declarations(cell(`<table><tr><td class="a b">x</td></tr></table>`)))).toEqual({ color: "green" });
    expect(Object.fromEntries(sheet.declarations(cell(`<table><tr><td class="a">x</td></tr></table>`)))).toEqual({ color: "blue" });
  });
});
