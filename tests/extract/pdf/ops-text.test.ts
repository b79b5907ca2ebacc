/**
 * The text items read from the operator list (src/extract/pdf/ops-text.ts)
 * against pdf.js's own getTextContent on the same pages: the reference is
 * pdf.js itself, page by page.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getDocument, loadPdfWorker } from "../../../src/extract/pdf/pdfjs.js";
import { documentParams } from "../../../src/extract/pdf/open-pdf.js";
import { textFromOperatorList, unFloat32, type OpsFont } from "../../../src/extract/pdf/ops-text.js";

const ROOT = path.resolve(import.meta.dirname, "../../..");
// Word, LibreOffice and Chrome (Skia) output: the writers of the fixtures.
const FILES = ["fixtures/borgoverde-2024", "fixtures/valle-2023", "fixtures/producers"].flatMap((dir) => {
  const full = path.join(ROOT, dir);
  return readdirPdfs(full);
});

function readdirPdfs(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".pdf"))
    .map((f) => path.join(dir, f));
}

interface Item {
  str?: string;
  dir?: string;
  width?: number;
  height?: number;
  transform?: number[];
  fontName?: string;
  hasEOL?: boolean;
}

const plain = (it: Item) => ({
  str: it.str,
  dir: it.dir,
  width: it.width,
  height: it.height,
  transform: it.transform && Array.from(it.transform),
  fontName: it.fontName,
  hasEOL: it.hasEOL,
});

describe("text from the operator list", () => {
  it("recovers the numbers writers put in a text matrix from pdf.js's float32 copy", () => {
    for (const s of ["72.024", "709.54", "0.5", "-12.25", "841.89", "1189", "529.42188", "12.828125", "175.51563"]) {
      expect(unFloat32(Math.fround(Number(s)))).toBe(Number(s));
    }
  });

  it.each(FILES.map((f) => [path.relative(ROOT, f), f]))("gives getTextContent's items on every page of %s", async (_name, file) => {
    await loadPdfWorker();
    const doc = await getDocument(documentParams(new Uint8Array(readFileSync(file)))).promise;
    try {
      for (let n = 1; n <= doc.numPages; n++) {
        const page = await doc.getPage(n);
        const ops = await page.getOperatorList();
        const text = await page.getTextContent();
        const fontOf = (id: string) => {
          try {
            return page.commonObjs.get(id) as OpsFont;
          } catch {
            return undefined;
          }
        };
        const mine = textFromOperatorList(ops, fontOf, page.view);
        expect(mine, `page ${n}`).not.toBeNull();
        const want = (text.items as Item[]).map(plain);
        const got = mine!.items.map(plain);
        // Text, fonts and item boundaries exactly; numbers exactly but for the few
        // text matrices a writer printed with more digits than float32 keeps (Chrome).
        expect(
          got.map((i) => [i.str, i.fontName, i.hasEOL, i.dir]),
          `page ${n}`,
        ).toEqual(want.map((i) => [i.str, i.fontName, i.hasEOL, i.dir]));
        // Every item compared; one assertion per page naming the items that differ (an expect()
        // per number of a long PDF's thousands of items cost about a second).
        const off: string[] = [];
        const near = (a: number | undefined, b: number | undefined) => Math.abs(a! - b!) < 1e-4;
        got.forEach((g, k) => {
          const w = want[k]!;
          if (!near(g.width, w.width)) off.push(`item ${k} width ${g.width} (pdf.js ${w.width})`);
          if (!Object.is(g.height, w.height)) off.push(`item ${k} height ${g.height} (pdf.js ${w.height})`);
          if (g.transform?.some((v, j) => !near(v, w.transform![j]))) off.push(`item ${k} transform ${g.transform} (pdf.js ${w.transform})`);
        });
        expect(off, `page ${n}`).toEqual([]);
        expect(JSON.parse(JSON.stringify(mine!.styles))).toEqual(JSON.parse(JSON.stringify(text.styles)));
        page.cleanup();
      }
    } finally {
      await doc.destroy();
    }
  });
});

describe("text from the operator list, where it leaves the text to pdf.js", () => {
  const font: OpsFont = {
    name: "ABCDEF+Arial",
    vertical: false,
    fontMatrix: [0.001, 0, 0, 0.001, 0, 0],
    ascent: 0.9,
    descent: -0.2,
    fallbackName: "sans-serif",
  };
  const view = [0, 0, 595, 842];
  const glyphs = [{ unicode: "A", width: 667, originalCharCode: 65 }];
  // Real OPS numbers: setFont 37, showText 44, setGState 9.
  it("reads a plain Tf / Tj", () => {
    const out = textFromOperatorList({ fnArray: [37, 44], argsArray: [["f1", 10], [glyphs]] }, () => font, view);
    expect(out?.items.map((i) => i.str)).toEqual(["A"]);
  });
  it("returns null for a Type3 font, a font it cannot see, a font set by an ExtGState and right-to-left text", () => {
    expect(textFromOperatorList({ fnArray: [37, 44], argsArray: [["f1", 10], [glyphs]] }, () => ({ ...font, isType3Font: true }), view)).toBeNull();
    expect(textFromOperatorList({ fnArray: [37, 44], argsArray: [["f1", 10], [glyphs]] }, () => undefined, view)).toBeNull();
    expect(textFromOperatorList({ fnArray: [9], argsArray: [[[["Font", ["f1", 10]]]]] }, () => font, view)).toBeNull();
    expect(textFromOperatorList({ fnArray: [37, 44], argsArray: [["f1", 10], [[{ unicode: "ש", width: 500 }]]] }, () => font, view)).toBeNull();
  });
});
