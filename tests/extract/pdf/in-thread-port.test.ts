/**
 * The reader's pdf.js worker runs over an InThreadPort (src/extract/pdf/
 * in-thread-port.ts), which copies operator lists shallowly: the operator lists
 * must come out as over pdf.js's own LoopbackPort (deep copies), page by page.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { getDocument, loadPdfWorker } from "../../../src/extract/pdf/pdfjs.js";
import { documentParams } from "../../../src/extract/pdf/open-pdf.js";
import { InThreadPort, inThreadWorker } from "../../../src/extract/pdf/in-thread-port.js";

const FILES = ["asl-2024/asl-2024.pdf", "producers/ateneo-2025.chrome.pdf", "producers/luzzara-2024.chrome.pdf", "valle-2023/valle-2023.pdf"];

async function operatorLists(file: string, inThread: boolean): Promise<string[]> {
  await loadPdfWorker();
  const bytes = new Uint8Array(readFileSync(new URL(`../../../fixtures/${file}`, import.meta.url)));
  const worker = inThread ? await inThreadWorker() : undefined;
  const doc = await getDocument({ ...documentParams(bytes), ...(worker ? { worker } : {}) }).promise;
  try {
    const out: string[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const ops = await page.getOperatorList();
      // Plain data, as a deep copy gives it (class instances become plain objects); ids without the
      // document's number. Compared as JSON text: a deep comparison of a long PDF's lists costs seconds.
      out.push(JSON.stringify({ fnArray: ops.fnArray, argsArray: ops.argsArray }).replace(/"(g|img|mask)_d\d+_/g, '"$1_d_'));
      page.cleanup();
    }
    return out;
  } finally {
    await doc.destroy();
    worker?.destroy();
  }
}

describe("InThreadPort", () => {
  for (const file of FILES) {
    it(`gives the operator lists pdf.js's own port gives, on every page of ${file}`, async () => {
      const mine = await operatorLists(file, true);
      const theirs = await operatorLists(file, false);
      expect(mine.length).toBeGreaterThan(0);
      expect(mine).toEqual(theirs);
    });
  }

  it("hands over new fnArray and argsArray (the sender empties its own), and deep-copies other messages", async () => {
    const port = new InThreadPort();
    const got: unknown[] = [];
    port.addEventListener("message", ({ data }) => got.push(data));
    const args = [1, 2];
    const chunk = { fnArray: [7], argsArray: [args], lastChunk: false };
    port.postMessage({ stream: 4, chunk });
    chunk.fnArray.length = 0;
    chunk.argsArray.length = 0;
    const other = { action: "GetPage", data: { pageIndex: 0 } };
    port.postMessage(other);
    await Promise.resolve();
    await Promise.resolve();
    const [first, second] = got as [{ chunk: { fnArray: number[]; argsArray: unknown[][] } }, typeof other];
    expect(first.chunk.fnArray).toEqual([7]);
    expect(first.chunk.argsArray[0]).toBe(args); // the arguments themselves are shared
    expect(second).toEqual(other);
    expect(second).not.toBe(other);
  });
});
