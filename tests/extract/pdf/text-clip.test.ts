/** hideClippedText on hand-made items and text runs. */
import { describe, expect, it } from "vitest";
import { hideClippedText } from "../../../src/extract/pdf/text-clip.js";
import { readerSettings } from "../../../src/extract/settings.js";

const s = readerSettings().pdf;
const page = { width: 595, height: 842 };
const viewport = [1, 0, 0, -1, 0, 842];
const glyphs = (text: string) => [...text].map((c) => ({ unicode: c }));
const item = (str: string, x: number, y: number, width: number) => ({ str, transform: [10, 0, 0, 10, x, y], width, fontName: "f" });

describe("hideClippedText", () => {
  it("blanks the characters outside their run's clip, across an item joining two runs", () => {
    // one item "ABCDEF" (10 pt a character from x = 100) drawn by two runs: ABC clipped to x ≤ 120, DEF unclipped
    const items = [item("ABCDEF", 100, 700, 60)];
    const runs = [
      { glyphs: glyphs("ABC"), clip: { x0: 0, y0: 0, x1: 120, y1: 842 } },
      { glyphs: glyphs("DEF"), clip: null },
    ];
    expect(hideClippedText(items, runs, {}, viewport, page, s).map((x) => x.str)).toEqual(["AB DEF"]);
  });

  it("leaves the items as they are when the glyphs do not align with them", () => {
    const items = [item("ABC", 100, 700, 30)];
    const runs = [{ glyphs: glyphs("XYZ"), clip: { x0: 0, y0: 0, x1: 1, y1: 1 } }];
    expect(hideClippedText(items, runs, {}, viewport, page, s)).toBe(items);
  });

  it("skips the work when the only clip is the page's own", () => {
    const items = [item("ABC", 100, 700, 30)];
    const runs = [{ glyphs: glyphs("ABC"), clip: { x0: 0, y0: 0.001, x1: 594.98, y1: 841.97 } }];
    expect(hideClippedText(items, runs, {}, viewport, page, s)).toBe(items);
  });

  it("aligns on visible characters: blanks in items, ligature glyphs, spacing numbers", () => {
    const items = [item("fi ne", 100, 700, 50)];
    const runs = [{ glyphs: [{ unicode: "ﬁ" }, -120, { unicode: " " }, { unicode: "n" }, { unicode: "e" }], clip: { x0: 0, y0: 0, x1: 140, y1: 842 } }];
    // 10 pt a character: "e" (centre 145) is past the clip, "n" (135) is not
    expect(hideClippedText(items, runs, {}, viewport, page, s).map((x) => x.str)).toEqual(["fi n "]);
  });
});
