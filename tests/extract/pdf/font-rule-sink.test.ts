/**
 * The reader opens PDFs with disableFontFace: false and a stand-in document for
 * pdf.js's font loader (src/extract/pdf/font-rule-sink.ts): pdf.js must then
 * build no glyph outline, and still hand over every font with its facts.
 */
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { getDocument, loadPdfWorker } from "../../../src/extract/pdf/pdfjs.js";
import { documentParams } from "../../../src/extract/pdf/open-pdf.js";

async function fontObjects(params: Record<string, unknown>): Promise<{ fonts: { name?: string; disableFontFace?: boolean }[]; paths: number }> {
  await loadPdfWorker();
  const bytes = new Uint8Array(readFileSync(new URL("../../../fixtures/producers/ateneo-2025.chrome.pdf", import.meta.url)));
  const doc = await getDocument({ ...documentParams(bytes), ...params }).promise;
  try {
    const page = await doc.getPage(1);
    await page.getOperatorList();
    const fonts: { name?: string; disableFontFace?: boolean }[] = [];
    let paths = 0;
    for (const [id, obj] of page.commonObjs as unknown as Iterable<[string, { name?: string; disableFontFace?: boolean }]>) {
      if (id.includes("_path_")) paths++;
      else if (obj && typeof obj === "object" && "loadedName" in obj) fonts.push(obj);
    }
    return { fonts, paths };
  } finally {
    await doc.destroy();
  }
}

it("builds no glyph outline, and every embedded font arrives with its name, as with pdf.js's Node default", async () => {
  const reader = await fontObjects({});
  const stock = await fontObjects({ disableFontFace: undefined, ownerDocument: undefined });
  expect(stock.paths).toBeGreaterThan(50); // pdf.js's default in Node: one outline per glyph shown
  expect(reader.paths).toBe(0);
  expect(reader.fonts.length).toBeGreaterThan(0);
  expect(reader.fonts.map((f) => f.name)).toEqual(stock.fonts.map((f) => f.name));
  // No font fell back to outlines (the font loader did not fail).
  expect(reader.fonts.every((f) => f.disableFontFace === false)).toBe(true);
});
