import { describe, expect, it } from "vitest";
import { markRunEnds, runEndSpaces } from "../../../src/extract/pdf/run-end-spaces.js";
import type { Word } from "../../../src/extract/pdf/page-model.js";
import { readerSettings } from "../../../src/extract/settings.js";

/** A text-showing operation as pdf.js lists it: [glyphs], spacing numbers among them. */
const show = (text: string, isSpaceCode = "") => [[...text].flatMap((u, i) => [{ unicode: u, isSpace: u === isSpaceCode }, ...(i === 1 ? [-10] : [])])];

describe("run-end spaces", () => {
  it("tells runs ending with a drawn space (a wrap) from runs without (a paragraph end)", () => {
    const items = [{ str: "Controllo della" }, { str: "" }, { str: "Territorio Urbanizzato" }, { str: "Predisposizione," }];
    const ops = { argsArray: [null, show("Controllo della "), [1, 2], show("Territorio Urbanizzato"), show("Predisposizione,  ")] };
    expect(runEndSpaces(items, ops)).toEqual([true, undefined, false, true]);
  });

  it("judges blanks by their text, not by pdf.js's isSpace (code 0x20 may be any glyph in a subset font)", () => {
    expect(runEndSpaces([{ str: "2024" }], { argsArray: [show("2024", "4")] })).toEqual([false]);
  });

  it("gives up when the text layer and the glyphs do not align", () => {
    expect(runEndSpaces([{ str: "Pagina 1" }], { argsArray: [show("Pagina 2 ")] })).toBeNull();
  });

  it("marks the word that ends each run, found by the run's end point in viewport space", () => {
    const word = (text: string, x0: number, x1: number): Word => ({ text, x0, x1, top: 90, bottom: 102, baseline: 100, size: 10, bold: false, upright: true });
    const words = [word("Mappatura", 10, 55), word("procedimenti", 58, 115), word("URP", 10, 30)];
    // Viewport flips y: PDF y=742 is viewport y=100 on a 842 pt page.
    const items = [{ str: "Mappatura procedimenti", transform: [10, 0, 0, 10, 10, 742], width: 105 }];
    markRunEnds(words, items, [true], [1, 0, 0, -1, 0, 842], readerSettings().pdf);
    expect(words.map((w) => w.spaceAfter)).toEqual([undefined, true, undefined]);
  });
});
