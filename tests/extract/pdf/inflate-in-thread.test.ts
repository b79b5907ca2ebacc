/**
 * pdf.js inflates FlateDecode streams through DecompressionStream; the reader
 * gives it one that inflates in the thread (src/extract/pdf/inflate-in-thread.ts).
 * It must give what the engine's own gives: the same bytes, or an error where
 * that one errors (pdf.js then falls back to its own inflater). Checked on every
 * FlateDecode stream of the fixture PDFs, whole and damaged.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { flateStreams } from "../../../src/extract/pdf/preflight.js";
import { DecompressionStreamInThread, installInflateInThread, nativeDecompressionStream } from "../../../src/extract/pdf/inflate-in-thread.js";

const FIXTURES = new URL("../../../fixtures/", import.meta.url).pathname;

function pdfFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).filter((f) => f.toLowerCase().endsWith(".pdf")).map((f) => path.join(dir, f));
}

/** Inflates as pdf.js does (FlateStream.asyncGetBytesFromDecompressionStream): the bytes, or "error". */
async function inflateAsPdfjs(
  Stream: new (format: string) => { readable: ReadableStream<Uint8Array>; writable: WritableStream<ArrayBufferView | ArrayBuffer> },
  bytes: Uint8Array,
): Promise<Uint8Array | "error"> {
  try {
    const { readable, writable } = new Stream("deflate");
    const writer = writable.getWriter();
    await writer.ready;
    writer
      .write(bytes)
      .then(async () => {
        await writer.ready;
        await writer.close();
      })
      .catch(() => {});
    const chunks: Uint8Array[] = [];
    for await (const chunk of readable as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk);
    return new Uint8Array(Buffer.concat(chunks));
  } catch {
    return "error";
  }
}

function fingerprint(out: Uint8Array | "error"): string {
  return out === "error" ? out : `${out.length} bytes, sha256 ${createHash("sha256").update(out).digest("hex")}`;
}

/** The variants of one stream: whole, cut short, a byte changed in the middle, its checksum changed, trailing bytes, nothing. */
function variants(data: Uint8Array): [string, Uint8Array][] {
  const flipped = new Uint8Array(data);
  if (flipped.length > 4) flipped[flipped.length >> 1]! ^= 0x55;
  const badSum = new Uint8Array(data);
  if (badSum.length > 0) badSum[badSum.length - 1]! ^= 0xff;
  return [
    ["whole", data],
    ["truncated", data.subarray(0, Math.max(2, data.length >> 1))],
    ["byte changed", flipped],
    ["checksum changed", badSum],
    ["trailing bytes", Buffer.concat([data, Buffer.from("\nendstream\n")])],
    ["empty", new Uint8Array(0)],
  ];
}

describe("DecompressionStreamInThread", () => {
  it("gives what the engine's DecompressionStream gives on every FlateDecode stream of the fixtures, whole and damaged", async () => {
    let streams = 0;
    let errors = 0;
    for (const file of pdfFiles(FIXTURES)) {
      const bytes = new Uint8Array(readFileSync(file));
      // A few streams per file keep the run short; the producers' PDFs bring the variety.
      for (const s of flateStreams(bytes).slice(0, 6)) {
        for (const [label, data] of variants(bytes.subarray(s.start, s.end))) {
          const mine = await inflateAsPdfjs(DecompressionStreamInThread as never, data);
          const theirs = await inflateAsPdfjs(nativeDecompressionStream as never, data);
          // Compared as length and digest: toEqual walks big byte arrays one element at a time.
          expect(fingerprint(mine), `${path.relative(FIXTURES, file)} stream at ${s.start}, ${label}`).toBe(fingerprint(theirs));
          streams++;
          if (theirs === "error") errors++;
        }
      }
    }
    expect(streams).toBeGreaterThan(300);
    expect(errors).toBeGreaterThan(60); // the damaged variants do fail, both ways
  });

  it("leaves other formats to the engine's class", () => {
    const Stream = DecompressionStreamInThread as unknown as new (format: string) => unknown;
    expect(new Stream("gzip")).toBeInstanceOf(nativeDecompressionStream);
    expect(new Stream("deflate")).toBeInstanceOf(TransformStream);
  });

  it("is what pdf.js finds once the reader's pdf.js entry is loaded", async () => {
    await import("../../../src/extract/pdf/pdfjs.js");
    installInflateInThread();
    expect(globalThis.DecompressionStream).toBe(DecompressionStreamInThread);
  });
});
