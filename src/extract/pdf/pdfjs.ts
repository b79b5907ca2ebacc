/**
 * The one entry to pdf.js (pdfjs-dist legacy build) for the reader: every
 * module imports pdf.js values from here, never from "pdfjs-dist/…" directly,
 * so ./native-builtins.js is evaluated before pdf.js and the builtins pdf.js's
 * bundled core-js replaces are put back (see there for why), and
 * ./no-canvas.js before it, so pdf.js does not load its canvas binding.
 * It also gives pdf.js a DecompressionStream that inflates in this thread
 * (./inflate-in-thread.ts: same bytes, less machinery).
 */
import { restoreNativeBuiltins } from "./native-builtins.js";
import { releaseCanvasStandIn } from "./no-canvas.js";
import { installInflateInThread } from "./inflate-in-thread.js";
import "pdfjs-dist/legacy/build/pdf.mjs";

export { getDocument, OPS, PDFWorker, Util } from "pdfjs-dist/legacy/build/pdf.mjs";
export type { PDFDocumentProxy } from "pdfjs-dist/legacy/build/pdf.mjs";

restoreNativeBuiltins();
releaseCanvasStandIn();
installInflateInThread();

let workerLoaded: Promise<void> | undefined;

/**
 * Loads pdf.js's fake worker (pdf.worker.mjs, run in this thread) once: pdf.js
 * would import the same module on the first getDocument; loading it here lets
 * the builtins its own core-js re-installs be restored afterwards. Once loaded
 * it sets globalThis.pdfjsWorker, which pdf.js then uses instead of importing.
 */
export function loadPdfWorker(): Promise<void> {
  workerLoaded ??= import("pdfjs-dist/legacy/build/pdf.worker.mjs").then(() => restoreNativeBuiltins());
  return workerLoaded;
}
