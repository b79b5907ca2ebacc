/**
 * What loading pdf.js and reading a page leave out of the process: its optional
 * canvas binding (@napi-rs/canvas, src/extract/pdf/no-canvas.ts) and Node's fetch
 * implementation (undici, src/extract/pdf/no-fetch.ts); both are still handed out
 * for real to whoever asks afterwards. Checked in one fresh Node process on dist/
 * (module caches and Node's builtin modules are per process), reading a real page.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../../..");

interface Fresh {
  ops: number;
  items: number;
  canvasWhileReading: string[];
  undiciWhileReading: boolean;
  canvasAfter: string;
  bytes: number[];
  undiciAfter: boolean;
}

let out: Fresh;
let stdout: string;

beforeAll(() => {
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
    const text = await page.getTextContent();
    const require = createRequire(${JSON.stringify(pathToFileURL(path.join(ROOT, "node_modules/pdfjs-dist/package.json")).href)});
    const canvasWhileReading = Object.keys(require.cache).filter((k) => k.includes("@napi-rs"));
    const undiciWhileReading = process.moduleLoadList.some((m) => m.includes("undici"));
    let canvasAfter = "missing";
    try { canvasAfter = typeof require("@napi-rs/canvas").createCanvas; } catch {}
    const bytes = await new Response("abc").bytes();
    const undiciAfter = process.moduleLoadList.some((m) => m.includes("undici"));
    console.log(JSON.stringify({ ops: ops.fnArray.length, items: text.items.length, canvasWhileReading, undiciWhileReading, canvasAfter, bytes: [...bytes], undiciAfter }));`;
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", script, path.join(ROOT, "fixtures/valle-2023/valle-2023.pdf")], { encoding: "utf8" });
  expect(r.status, r.stderr).toBe(0);
  stdout = r.stdout;
  out = JSON.parse(r.stdout.trim().split("\n").pop()!) as Fresh;
});

describe("pdf.js in a fresh process reading a real page", () => {
  it("reads its operator list and text without a warning", () => {
    expect(out.ops).toBeGreaterThan(0);
    expect(out.items).toBeGreaterThan(0);
    expect(stdout).not.toMatch(/Warning/);
  });

  it("loads no canvas binding, and a later require gets the real module, not the stand-in", () => {
    expect(out.canvasWhileReading).toEqual([]);
    expect(["function", "missing"]).toContain(out.canvasAfter);
  });

  it("loads no undici, and Response is Node's own (with bytes) once someone asks for it", () => {
    expect(out.undiciWhileReading).toBe(false);
    expect(out.bytes).toEqual([97, 98, 99]);
    expect(out.undiciAfter).toBe(true);
  });
});
