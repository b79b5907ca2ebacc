/**
 * The DecompressionStream pdf.js inflates FlateDecode streams with (content
 * streams, fonts, images: FlateStream.asyncGetBytes in pdf.worker.mjs), doing
 * the same inflate with node's zlib in this thread, in one call.
 *
 * Why: Node implements the web DecompressionStream as a zlib Transform stream
 * wrapped in web-streams adapters, so every stream pdf.js inflates costs a
 * thread-pool round trip and a chain of promises and copies per 16 KB chunk:
 * on the bench corpus about 6% of the reading thread's CPU went to that
 * machinery (asyncGetBytesFromDecompressionStream and Node's webstreams and
 * zlib stream code), plus the garbage it leaves and the optimising compiler's
 * work on it. pdf.js waits for each stream before it goes on, so nothing ran in
 * parallel anyway.
 *
 * Same result: zlib inflates the same bytes with the same checks (the zlib
 * header, the Adler-32 trailer, a truncated stream is an error); an error
 * errors the readable side, where pdf.js catches it and falls back to its own
 * JS inflater, as it does when the native stream fails. Formats other than
 * "deflate" (pdf.js also asks for "brotli") go to the native class unchanged.
 * tests/extract/pdf/inflate-in-thread.test.ts compares both on every
 * FlateDecode stream of the fixtures, whole, truncated and damaged.
 */
import { inflateSync } from "node:zlib";

/** The engine's own class, captured when this module is evaluated. */
const NativeDecompressionStream = globalThis.DecompressionStream;

/** A TransformStream that collects the compressed bytes and inflates them when the writable side closes. */
export function inflateInThread(): TransformStream<ArrayBufferView | ArrayBuffer, Uint8Array> {
  const chunks: Uint8Array[] = [];
  return new TransformStream({
    transform(chunk) {
      chunks.push(asBytes(chunk));
    },
    flush(controller) {
      const input = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
      controller.enqueue(inflateSync(input));
    },
  });
}

/**
 * What pdf.js gets for `new DecompressionStream(format)`: "deflate" inflated in
 * this thread, anything else by the engine's class (a constructor that returns
 * an object gives `new` that object).
 */
export function DecompressionStreamInThread(format: string): TransformStream<ArrayBufferView | ArrayBuffer, Uint8Array> | DecompressionStream {
  return format === "deflate" ? inflateInThread() : new NativeDecompressionStream(format as "deflate-raw");
}

function asBytes(chunk: ArrayBufferView | ArrayBuffer): Uint8Array {
  if (chunk instanceof Uint8Array) return chunk;
  if (ArrayBuffer.isView(chunk)) return new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  return new Uint8Array(chunk);
}

/** Makes pdf.js (and anything else in this thread) inflate "deflate" streams in this thread. */
export function installInflateInThread(): void {
  globalThis.DecompressionStream = DecompressionStreamInThread as unknown as typeof DecompressionStream;
}

/** The engine's own DecompressionStream (for the test that compares the two). */
export const nativeDecompressionStream = NativeDecompressionStream;
