/**
 * Opens a PDF with pdf.js (legacy build, in-process fake worker) and maps its
 * load failures to DocumentError with one clear reason.
 */
import { createRequire } from "node:module";
import path from "node:path";
import { getDocument, type PDFDocumentProxy, type PDFWorker } from "./pdfjs.js";
import { inThreadWorker } from "./in-thread-port.js";
import { DocumentError, reasonOf } from "../../shared/errors.js";
import { withDeadline } from "./deadline.js";
import { preflightPdf } from "./preflight.js";
import { fontRuleSink } from "./font-rule-sink.js";
import { asDocumentError } from "../common/limits.js";
import type { ReaderLimits } from "../settings.js";

let fontDir: string | undefined;

/** getDocument's `ownerDocument` (a DOM type this build has no lib for). */
type OwnerDocument = Exclude<Parameters<typeof getDocument>[0], string | URL | ArrayBuffer | ArrayBufferView | undefined>["ownerDocument"];

/** pdfjs-dist's standard_fonts/ directory, as pdf.js wants it: a path ending in "/". */
export function standardFontDataUrl(): string {
  if (fontDir === undefined) {
    const require = createRequire(import.meta.url);
    const pkg = require.resolve("pdfjs-dist/package.json");
    fontDir = path.join(path.dirname(pkg), "standard_fonts") + path.sep;
  }
  return fontDir;
}

/** The getDocument parameters the reader uses (scripts/bench.mjs times pdf.js alone with the same). */
export function documentParams(bytes: Uint8Array) {
  return {
    // pdf.js may transfer/detach the buffer it is given: hand it a copy.
    data: new Uint8Array(bytes),
    standardFontDataUrl: standardFontDataUrl(),
    isEvalSupported: false,
    useSystemFonts: false,
    verbosity: 0,
    stopAtErrors: false,
    // No glyph outlines: the reader never draws (see ./font-rule-sink.ts).
    disableFontFace: false,
    ownerDocument: fontRuleSink as unknown as OwnerDocument,
  };
}

/** The worker each open document runs on: pdf.js leaves a worker it was given to its giver to destroy. */
const workers = new WeakMap<PDFDocumentProxy, PDFWorker>();

/** Destroys a document openPdf opened, and its worker. */
export async function closePdf(doc: PDFDocumentProxy): Promise<void> {
  await doc.destroy().catch(() => undefined);
  workers.get(doc)?.destroy();
  workers.delete(doc);
}

export async function openPdf(bytes: Uint8Array, file: string, deadline: number, limits?: ReaderLimits): Promise<PDFDocumentProxy> {
  if (limits) {
    try {
      preflightPdf(bytes, limits);
    } catch (e) {
      throw asDocumentError(e, file);
    }
  }
  // pdf.js's worker, in this thread, over a port that does not deep-copy operator lists (./in-thread-port.ts).
  const worker = await inThreadWorker();
  const task = getDocument({ ...documentParams(bytes), worker });
  try {
    const doc = await withDeadline(task.promise, deadline, file);
    workers.set(doc, worker);
    return doc;
  } catch (e) {
    await task.destroy().catch(() => undefined);
    worker.destroy();
    if (e instanceof DocumentError) throw e;
    const name = e instanceof Error ? e.name : "";
    if (name === "PasswordException") throw new DocumentError("encrypted", file, "is encrypted (password-protected)");
    const detail = reasonOf(e).slice(0, 120);
    throw new DocumentError("corrupt", file, `is not a valid PDF (corrupt or truncated): ${detail}`);
  }
}
