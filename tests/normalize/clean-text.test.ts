import { describe, expect, it } from "vitest";
import { cleanBlock, cleanInline, isBlankValue, labelKey } from "../../src/normalize/clean-text.js";

describe("clean text", () => {
  it("joins hyphenation across line breaks and turns line breaks into spaces", () => {
    expect(cleanInline("Responsabil-\ne della fase")).toBe("Responsabile della fase");
    expect(cleanInline("una riga\nspezzata  in due")).toBe("una riga spezzata in due");
  });
  it("keeps paragraphs in blocks, removes HTML fragments", () => {
    expect(cleanBlock("<p>Primo.</p><p>Secondo.</p>")).toBe("Primo.\nSecondo.");
    expect(cleanBlock("Primo.\n\n\nSecondo.")).toBe("Primo.\nSecondo.");
  });
  it("label keys ignore case, accents and punctuation", () => {
    expect(labelKey("N.° obiett.")).toBe("n obiett");
    expect(labelKey("Criticità:")).toBe("criticita");
  });
  it("blank values", () => {
    expect(isBlankValue(" - ")).toBe(true);
    expect(isBlankValue("•")).toBe(true);
    expect(isBlankValue("x")).toBe(false);
  });
});
