/**
 * The PDF reader: pdf.js (pdfjs-dist 5.6.205, legacy build) operator list,
 * parsed once per page (text items replayed from it, see ./ops-text.ts) →
 * words and classified graphics per page → layout model with
 * ruled and borderless tables, running headers/footers and stitched tables.
 * See ../../../docs/settings.md for the tolerances and
 * ../../../../shared/design/pdf-tables.md for the approach.
 */
import type { LayoutDocument, ReaderMessage } from "../layout.js";
import type { ReaderSettings } from "../settings.js";
import { isDocumentError, reasonOf } from "../../shared/errors.js";
import { assembleLayout } from "./assemble-layout.js";
import { checkDeadline } from "./deadline.js";
import { closePdf, openPdf } from "./open-pdf.js";
import { LimitError, asDocumentError } from "../common/limits.js";
import { emptyPage, readRawPage, type RawPage } from "./read-page.js";
import type { PageTrace } from "./table-trace.js";

/** What part of a PDF to read, and whether to keep the table finder's steps. */
export interface PdfView {
  /** Page numbers to read (1-based); pages past the end are skipped. All pages when unset. */
  pages?: readonly number[];
  /** Receives each read page's table-finding steps (table-trace.ts). */
  traces?: PageTrace[];
}

export async function readPdf(bytes: Uint8Array, file: string, opts: ReaderSettings, view: PdfView = {}): Promise<LayoutDocument> {
  const deadline = Date.now() + opts.timeoutMs;
  const doc = await openPdf(bytes, file, deadline, opts);
  try {
    if (doc.numPages > opts.maxPages) {
      throw asDocumentError(new LimitError("maxPages", opts.maxPages, `${doc.numPages} pages`), file);
    }
    const messages: ReaderMessage[] = [];
    const raws: RawPage[] = [];
    const numbers = view.pages ? [...new Set(view.pages)].filter((n) => n >= 1 && n <= doc.numPages).sort((a, b) => a - b) : null;
    for (let n = 1; n <= doc.numPages; n++) {
      if (numbers && !numbers.includes(n)) continue;
      checkDeadline(deadline, file);
      try {
        raws.push(await readRawPage(doc, n, opts.pdf, deadline, file));
      } catch (e) {
        if (isDocumentError(e)) throw e;
        messages.push({ code: "UNREADABLE", severity: "error", reason: `page could not be read: ${reasonOf(e)}`, page: n, table: null, source: "pdf" });
        const prev = raws[raws.length - 1];
        raws.push(emptyPage(n, prev?.width ?? 0, prev?.height ?? 0));
      }
    }
    checkDeadline(deadline, file);
    const layout = assembleLayout(raws, messages, opts.pdf, view.traces);
    // A part read: the count still says how long the document is.
    return numbers ? { ...layout, pageCount: doc.numPages } : layout;
  } finally {
    await closePdf(doc);
  }
}
