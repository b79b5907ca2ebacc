/**
 * The one entry to pdf.js (pdfjs-dist legacy build) for the reader: every
 * module imports pdf.js values from here, never from "pdfjs-dist/…" directly,
 * so ./native-builtins.js is evaluated before pdf.js and the builtins pdf.js's
 * bundled core-js replaces are put back (see there for why), and
 * ./no-canvas.js before it, so pdf.js does not load its canvas binding, and
 * ./no-fetch.js, so it does not load Node's fetch (undici).
 * It also gives pdf.js a DecompressionStream that inflates in this thread
 * (./inflate-in-thread.ts: same bytes, less machinery).
 * It loads pdfjs-dist's minified builds (pdf.min.mjs, pdf.worker.min.mjs: the
 * same version and code, about half the bytes to decode and compile, so a
 * one-page command starts faster); types come from the unminified build.
 */
import { restoreNativeBuiltins } from "./native-builtins.js";
import { releaseCanvasStandIn } from "./no-canvas.js";
import { holdResponseStandIn, releaseResponseStandIn } from "./no-fetch.js";
import { installInflateInThread } from "./inflate-in-thread.js";
import "pdfjs-dist/legacy/build/pdf.min.mjs";

export { getDocument, OPS, PDFWorker, Util } from "pdfjs-dist/legacy/build/pdf.min.mjs";
export type { PDFDocumentProxy } from "pdfjs-dist/legacy/build/pdf.mjs";

restoreNativeBuiltins();
releaseCanvasStandIn();
releaseResponseStandIn();
installInflateInThread();

let workerLoaded: Promise<void> | undefined;

/**
 * Loads pdf.js's fake worker (pdf.worker.min.mjs, run in this thread) once: pdf.js
 * would otherwise import its worker module (the unminified one) on the first
 * getDocument; loading it here lets the builtins its own core-js re-installs be
 * restored afterwards (and ./no-fetch.js's stand-in held while it evaluates).
 * Once loaded it sets globalThis.pdfjsWorker, which pdf.js then uses instead of importing.
 */
export function loadPdfWorker(): Promise<void> {
  if (!workerLoaded) {
    holdResponseStandIn();
    workerLoaded = import("pdfjs-dist/legacy/build/pdf.worker.min.mjs").then(() => restoreNativeBuiltins()).finally(releaseResponseStandIn);
  }
  return workerLoaded;
}
