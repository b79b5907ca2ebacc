/**
 * Loading pdf.js does not load Node's fetch implementation (undici)
 * (src/extract/pdf/no-fetch.ts), and Response works as before once someone asks
 * for it. Checked in a fresh Node process on dist/ (Node's builtin modules are
 * loaded once per process), reading a real page.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../../..");

it("reads a page without loading undici, and hands out the real Response (with bytes) afterwards", () => {
  const dist = (p: string) => pathToFileURL(path.join(ROOT, "dist", p)).href;
  const script = `
    import { readFileSync } from "node:fs";
    const { getDocument, loadPdfWorker } = await import(${JSON.stringify(dist("extract/pdf/pdfjs.js"))});
    const { documentParams } = await import(${JSON.stringify(dist("extract/pdf/open-pdf.js"))});
    await loadPdfWorker();
    const doc = await getDocument(documentParams(new Uint8Array(readFileSync(process.argv[1])))).promise;
    const text = await (await doc.getPage(1)).getTextContent();
    const undiciWhileReading = process.moduleLoadList.some((m) => m.includes("undici"));
    const bytes = await new Response("abc").bytes();
    console.log(JSON.stringify({ items: text.items.length, undiciWhileReading, bytes: [...bytes], undiciAfter: process.moduleLoadList.some((m) => m.includes("undici")) }));`;
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", script, path.join(ROOT, "fixtures/valle-2023/valle-2023.pdf")], { encoding: "utf8" });
  expect(r.status, r.stderr).toBe(0);
  const out = JSON.parse(r.stdout.trim().split("\n").pop()!) as { items: number; undiciWhileReading: boolean; bytes: number[]; undiciAfter: boolean };
  expect(out.items).toBeGreaterThan(0);
  expect(out.undiciWhileReading).toBe(false);
  // The stand-in is gone: Response is Node's own, loaded on first use.
  expect(out.bytes).toEqual([97, 98, 99]);
  expect(out.undiciAfter).toBe(true);
});
