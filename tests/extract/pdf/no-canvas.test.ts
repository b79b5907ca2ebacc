/**
 * pdf.js's optional canvas binding (@napi-rs/canvas) is not loaded for text and
 * geometry (src/extract/pdf/no-canvas.ts). Checked in a fresh Node process on
 * dist/ (module caches are per process), reading a real page.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../../..");

describe("pdf.js without its canvas binding", () => {
  it("reads a page's operator list without loading @napi-rs/canvas, and hands out the real binding afterwards", () => {
    const dist = (p: string) => pathToFileURL(path.join(ROOT, "dist", p)).href;
    const script = `
      import { createRequire } from "node:module";
      import { readFileSync } from "node:fs";
      const { getDocument, loadPdfWorker } = await import(${JSON.stringify(dist("extract/pdf/pdfjs.js"))});
      const { documentParams } = await import(${JSON.stringify(dist("extract/pdf/open-pdf.js"))});
      await loadPdfWorker();
      const doc = await getDocument(documentParams(new Uint8Array(readFileSync(process.argv[1])))).promise;
      const page = await doc.getPage(1);
      const ops = await page.getOperatorList();
      const require = createRequire(${JSON.stringify(pathToFileURL(path.join(ROOT, "node_modules/pdfjs-dist/package.json")).href)});
      const loaded = Object.keys(require.cache).filter((k) => k.includes("@napi-rs"));
      let later = "missing";
      try { later = typeof require("@napi-rs/canvas").createCanvas; } catch {}
      console.log(JSON.stringify({ ops: ops.fnArray.length, loaded, later }));`;
    const r = spawnSync(process.execPath, ["--input-type=module", "-e", script, path.join(ROOT, "fixtures/valle-2023/valle-2023.pdf")], { encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout.trim().split("\n").pop()!) as { ops: number; loaded: string[]; later: string };
    expect(out.ops).toBeGreaterThan(0);
    // Nothing of the binding in the require cache while reading…
    expect(out.loaded).toEqual([]);
    // …and a later require gets the real module, not the stand-in.
    expect(["function", "missing"]).toContain(out.later);
    expect(r.stdout).not.toMatch(/Warning/);
  });
});
