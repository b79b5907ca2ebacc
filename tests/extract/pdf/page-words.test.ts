import { describe, expect, it } from "vitest";
import { isBoldFont } from "../../../src/extract/pdf/page-words.js";
import { isPageNumberLine } from "../../../src/extract/pdf/running-lines.js";

describe("font and glyph helpers", () => {
  it("tells bold fonts by the PDF font name", () => {
    expect(isBoldFont("BAAAAA+LiberationSans-Bold", "sans-serif")).toBe(true);
    expect(isBoldFont("ABCDEE+Calibri,Bold", undefined)).toBe(true);
    expect(isBoldFont("Arial-BlackItalic", undefined)).toBe(true);
    expect(isBoldFont("SourceSansPro-Semibold", undefined)).toBe(true);
    expect(isBoldFont("CAAAAA+LiberationSans", "sans-serif")).toBe(false);
    expect(isBoldFont("TimesNewRomanPSMT", undefined)).toBe(false);
  });
});

describe("page number lines", () => {
  it.each(["Pag. 4 di 27", "pag. 4 / 27", "Pagina 4", "4", "- 4 -", "– 12 –", "Page 3 of 9", "4/27"])("%s is a page number", (t) => {
    expect(isPageNumberLine(t)).toBe(true);
  });
  it.each(["2024", "Pag. 4 di 27 del Piano", "Obiettivo 4", "4 obiettivi", "N. 4"])("%s is not", (t) => {
    expect(isPageNumberLine(t)).toBe(false);
  });
});
