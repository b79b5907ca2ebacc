import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { getDocument, OPS } from "pdfjs-dist/legacy/build/pdf.mjs";
import { decodePath, DRAW_OPS, PathDecodeError } from "../../../src/extract/pdf/decode-path.js";
import { buildPdf } from "./pdf-builder.js";

describe("decodePath", () => {
  it("splits subpaths at every moveTo and keeps curve end points", () => {
    const d = [0, 1, 2, 1, 3, 4, 4, 0, 10, 10, 2, 11, 11, 12, 12, 13, 13, 3, 14, 14, 15, 15];
    const subs = decodePath(d);
    expect(subs).toEqual([
      { points: [1, 2, 3, 4], closed: true, curved: false },
      { points: [10, 10, 13, 13, 15, 15], closed: false, curved: true },
    ]);
  });

  it("rejects an unknown drawing code instead of misreading coordinates", () => {
    expect(() => decodePath([9, 1, 2])).toThrow(PathDecodeError);
    expect(() => decodePath([0, 1])).toThrow(PathDecodeError);
  });

  it("uses the DrawOPS values of the installed pdf.js (fails loudly on an upgrade that changes them)", () => {
    const require = createRequire(import.meta.url);
    const src = readFileSync(require.resolve("pdfjs-dist/legacy/build/pdf.mjs"), "utf8");
    const m = /const DrawOPS = \{([^}]*)\}/.exec(src);
    expect(m, "DrawOPS not found in pdf.mjs").not.toBeNull();
    const found = Object.fromEntries([...m![1]!.matchAll(/(\w+):\s*(\d+)/g)].map((x) => [x[1], Number(x[2])]));
    expect(found).toEqual({ ...DRAW_OPS });
  });

  it("decodes a known rectangle drawn by a real PDF (re + f)", async () => {
    const bytes = buildPdf([{ content: "0.5 0.5 0.5 rg 10 20 100 50 re f\n" }]);
    const doc = await getDocument({ data: bytes, isEvalSupported: false, verbosity: 0 }).promise;
    try {
      const ops = await (await doc.getPage(1)).getOperatorList();
      const i = Array.from(ops.fnArray).indexOf(OPS.constructPath);
      expect(i).toBeGreaterThanOrEqual(0);
      const args = ops.argsArray[i] as [number, [Float32Array], Float32Array];
      expect(args[0]).toBe(OPS.fill);
      const subs = decodePath(args[1][0]);
      expect(subs).toHaveLength(1);
      expect(subs[0]!.closed).toBe(true);
      expect(Array.from(subs[0]!.points)).toEqual([10, 20, 110, 20, 110, 70, 10, 70]);
    } finally {
      await doc.destroy();
    }
  });
});
