/**
 * Keeps pdf.js from loading Node's fetch implementation (undici, and with it
 * net, tls, http, http2, crypto and zlib) when it is evaluated: about 50 ms of
 * CPU in every fresh thread that loads pdf.js on the bench machine, for nothing
 * the reader uses. Both pdf.js modules start with a polyfill check,
 * `typeof Response.prototype.bytes !== "function"`, and Node defines
 * globalThis.Response as a getter that loads undici on first access.
 *
 * How: while a pdf.js module is evaluated (./pdfjs.ts: around the import of
 * pdf.min.mjs, and of pdf.worker.min.mjs in loadPdfWorker), globalThis.Response
 * is a stand-in whose prototype has `bytes`, so the check is satisfied without
 * touching undici. Releasing puts back a getter that loads the real Response
 * when something first asks for it, and gives it pdf.js's polyfill if this
 * Node's Response lacks `bytes` (what the check would have done), so anyone
 * using Response later gets exactly what pdf.js would have left.
 */
class ResponseStandIn {
  constructor() {
    throw new Error("Response is not available while pdf.js loads");
  }
  bytes(): Promise<Uint8Array> {
    return Promise.reject(new Error("Response is not available while pdf.js loads"));
  }
}

const original = Object.getOwnPropertyDescriptor(globalThis, "Response");
let held = 0;

/** The stand-in replaces globalThis.Response until as many releases as holds. */
export function holdResponseStandIn(): void {
  // Only Node's lazy getter is worth avoiding; a Response already loaded (or none) is left alone.
  if (!original?.get || !original.configurable) return;
  if (held++ === 0) Object.defineProperty(globalThis, "Response", { value: ResponseStandIn, writable: true, configurable: true, enumerable: false });
}

export function releaseResponseStandIn(): void {
  if (!original?.get || held === 0 || --held > 0) return;
  if ((globalThis as { Response?: unknown }).Response !== ResponseStandIn) return; // someone set their own
  const getReal = original.get;
  Object.defineProperty(globalThis, "Response", {
    configurable: true,
    enumerable: original.enumerable ?? false,
    get() {
      const real = getReal.call(globalThis) as { prototype: { bytes?: unknown } };
      if (typeof real.prototype.bytes !== "function")
        real.prototype.bytes = async function (this: { arrayBuffer(): Promise<ArrayBuffer> }) {
          return new Uint8Array(await this.arrayBuffer());
        };
      Object.defineProperty(globalThis, "Response", { value: real, writable: true, configurable: true, enumerable: original.enumerable ?? false });
      return real;
    },
    set(value: unknown) {
      Object.defineProperty(globalThis, "Response", { value, writable: true, configurable: true, enumerable: original.enumerable ?? false });
    },
  });
}

holdResponseStandIn();
