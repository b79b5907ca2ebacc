import { describe, expect, it } from "vitest";
import { cssBackground, ooxmlShading, parseCssColour, styleBackground, visibleFill } from "../../../src/extract/common/colour.js";

/** A fill as the readers take it: the background, white counting as none. */
const cssFill = (v: string) => visibleFill(cssBackground(v));
const styleFill = (s: string) => visibleFill(styleBackground(s));

describe("colour parsing", () => {
  it("normalises CSS colours to #rrggbb", () => {
    expect(parseCssColour("#C0C0C0")).toBe("#c0c0c0");
    expect(parseCssColour("#abc")).toBe("#aabbcc");
    expect(parseCssColour("rgb(217, 217, 217)")).toBe("#d9d9d9");
    expect(parseCssColour("silver")).toBe("#c0c0c0");
    expect(parseCssColour("rgba(0,0,0,0)")).toBeNull();
    expect(parseCssColour("rgb(300,0,0)")).toBeNull();
    expect(parseCssColour("url(x.png)")).toBeNull();
  });

  it("treats white, transparent and auto as no fill", () => {
    for (const v of ["#ffffff", "#FFF", "white", "transparent", "auto", "none", "inherit", ""]) {
      expect(cssFill(v)).toBeNull();
    }
  });

  it("finds the colour inside a background shorthand and prefers background-color", () => {
    expect(cssFill("#d9d9d9 url(a.png) no-repeat")).toBe("#d9d9d9");
    expect(styleFill("border: 1px solid #000000; background: silver; mso-pattern: gray-25 auto")).toBe("#c0c0c0");
    expect(styleFill("background-color: #FFFF00; background: #ff0000")).toBe("#ffff00");
    expect(styleFill("border: 1px solid #000000")).toBeNull();
    expect(cssFill("D9D9D9")).toBe("#d9d9d9"); // bgcolor without '#', as old exporters write it
  });

  it("reads OOXML shading: fill, solid and percentage patterns", () => {
    expect(ooxmlShading("clear", "auto", "D9D9D9")).toBe("#d9d9d9");
    expect(ooxmlShading("clear", "auto", "FFFFFF")).toBeNull();
    expect(ooxmlShading("clear", "auto", "auto")).toBeNull();
    expect(ooxmlShading(undefined, undefined, undefined)).toBeNull();
    expect(ooxmlShading("nil", "auto", "D9D9D9")).toBeNull();
    expect(ooxmlShading("solid", "808080", "auto")).toBe("#808080");
    expect(ooxmlShading("pct25", "auto", "auto")).toBe("#bfbfbf");
  });
});
