/**
 * pdf.js's legacy build bundles core-js, which replaces Array.prototype.push and
 * JSON.stringify/parse with slow JS versions (src/extract/pdf/native-builtins.ts):
 * the reader must leave the engine's own in place, also after pdf.js's worker
 * module has loaded (it is loaded on the first PDF opened).
 */
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";

// Captured before anything imports pdf.js: the test file's only static imports are above.
const native = { push: Array.prototype.push, stringify: JSON.stringify, parse: JSON.parse };

it("leaves the engine's Array.prototype.push and JSON.stringify/parse in place after opening a PDF", async () => {
  const { readPdf } = await import("../../../src/extract/pdf/read-pdf.js");
  const { readerSettings } = await import("../../../src/extract/settings.js");
  expect(Array.prototype.push).toBe(native.push);
  const bytes = new Uint8Array(readFileSync(new URL("../../../fixtures/asl-2024/asl-2024.pdf", import.meta.url)));
  const doc = await readPdf(bytes, "asl-2024.pdf", readerSettings());
  expect(doc.pageCount).toBeGreaterThan(0);
  expect((globalThis as { pdfjsWorker?: unknown }).pdfjsWorker).toBeDefined();
  expect(Array.prototype.push).toBe(native.push);
  expect(JSON.stringify).toBe(native.stringify);
  expect(JSON.parse).toBe(native.parse);
  expect(Object.getOwnPropertyDescriptor(Array.prototype, "push")).toMatchObject({ writable: true, enumerable: false, configurable: true });
});

it("imports pdf.js only through src/extract/pdf/pdfjs.ts (so the builtins are captured before pdf.js loads)", async () => {
  const { readdirSync } = await import("node:fs");
  const src = new URL("../../../src/", import.meta.url);
  const offenders = (readdirSync(src, { recursive: true }) as string[])
    .filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts") && !f.endsWith("pdf/pdfjs.ts"))
    .filter((f) => /^\s*(?:import|export)\s+(?!type\b)[^;]*from\s+["']pdfjs-dist\//m.test(readFileSync(new URL(f, src), "utf8")));
  expect(offenders).toEqual([]);
});
