/**
 * The one symbol-font table, as DOCX (w:sym, runs in a symbol font), HTML and PDF
 * (Wingdings text, private-use glyphs) use it. Expected glyphs are the fonts' own
 * glyph names: Wingdings 0xFB xmarkbld ✗, 0xFC checkbld ✓, 0xFD boxxmarkbld ☒, 0xFE boxcheckbld ☑.
 */
import { describe, expect, it } from "vitest";
import { privateUseText, symbolFontText, symbolGlyph, wingdingsFont } from "../../../src/extract/common/symbol-fonts.js";

describe("symbol fonts", () => {
  it("reads Wingdings' ticks and boxes by their glyph names, in every form a document stores them", () => {
    // w:sym with a private-use code, w:sym with the byte, text typed in the font, a PDF's private-use glyph
    expect(["F0FB", "F0FC", "F0FD", "F0FE"].map((c) => symbolGlyph("Wingdings", c))).toEqual(["✗", "✓", "☒", "☑"]);
    expect(["FB", "FC", "FD", "FE"].map((c) => symbolGlyph("Wingdings", c))).toEqual(["✗", "✓", "☒", "☑"]);
    expect(symbolFontText("Wingdings", "ûüýþ")).toBe("✗✓☒☑");
    expect(privateUseText("\uf0fb\uf0fc\uf0fd\uf0fe")).toBe("✗✓☒☑");
  });

  it("maps private-use bullets of an unknown font, Symbol's bullet included, and leaves other text alone", () => {
    expect(privateUseText("\uf0b7 Report finale")).toBe("• Report finale");
    expect(privateUseText("\uf0a7 voce \uf0d8 freccia")).toBe("▪ voce ➢ freccia");
    expect(privateUseText("più")).toBe("più");
  });

  it("knows Wingdings fonts by their PDF names, and Wingdings 2 apart", () => {
    expect(wingdingsFont("BAAAAA+Wingdings-Regular")).toBe("wingdings");
    expect(wingdingsFont("Wingdings2")).toBe("wingdings 2");
    expect(wingdingsFont("Arial")).toBeNull();
    expect(symbolFontText("wingdings 2", "PO")).toBe("✓✗");
    expect(symbolFontText("Arial", "ü")).toBe("ü"); // ü in ordinary fonts untouched
  });
});
