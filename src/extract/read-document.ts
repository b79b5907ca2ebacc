/**
 * Reads any supported document into the layout model, choosing the reader by
 * the file's content. Throws DocumentError for input that cannot be used.
 * Each reader is loaded when a document needs it (pdf.js and cheerio
 * each take a good part of a second to load on a small machine): reading a PDF
 * loads no DOCX or HTML code, and the reverse.
 */
import type { Stats } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { createHash } from "node:crypto";
import { DocumentError } from "../shared/errors.js";
import type { LayoutDocument, SourceFormat } from "./layout.js";
import { sniffFormat } from "./sniff-format.js";
import type { PdfView } from "./pdf/read-pdf.js";
import { decodeWindows1252 } from "./common/windows-1252.js";
import { readerSettings, type ReaderSettings } from "./settings.js";
import { asDocumentError, checkLimit } from "./common/limits.js";
import { cleanLayoutText } from "./common/control-chars.js";
import { statErrorProblem, statProblem } from "./regular-file.js";

export interface ReadResult {
  layout: LayoutDocument;
  format: SourceFormat;
  sha256: string;
  bytes: number;
}

/**
 * `view` narrows what is read to some pages (a PDF reads only those; other
 * formats are read whole and keep those pages) and can ask the PDF reader for
 * its table-finding steps.
 */
export async function readDocument(file: string, settings: Partial<ReaderSettings> = {}, view: PdfView = {}): Promise<ReadResult> {
  const opts = readerSettings(settings);
  // A named pipe would block the read below, a device never end it (stat opens nothing).
  let st: Stats;
  try {
    st = await stat(file);
  } catch (e) {
    const problem = statErrorProblem(e);
    throw new DocumentError(problem.kind, file, problem.reason);
  }
  const problem = statProblem(st);
  if (problem) throw new DocumentError(problem.kind, file, problem.reason);
  const size = st.size;
  if (size === 0) throw new DocumentError("empty", file, "is empty (0 bytes)");
  if (size > opts.maxFileBytes) {
    throw new DocumentError("too-large", file, `is too large (${Math.round(size / 1e6)} MB; the limit is ${Math.round(opts.maxFileBytes / 1e6)} MB)`);
  }
  const bytes = new Uint8Array(await readFile(file));
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  let layout: LayoutDocument;
  try {
    layout = await readAs(sniffFormat(bytes), bytes, file, opts, view);
  } catch (e) {
    throw asDocumentError(e, file);
  }
  try {
    checkLineLengths(layout, opts.maxLineChars);
  } catch (e) {
    throw asDocumentError(e, file);
  }
  cleanLayoutText(layout, "reader");
  if (view.pages && layout.format !== "pdf") {
    const keep = new Set(view.pages);
    layout = { ...layout, pages: layout.pages.filter((p) => p.number !== null && keep.has(p.number)) };
  }
  return { layout, format: layout.format, sha256, bytes: size };
}

async function readAs(sniffed: ReturnType<typeof sniffFormat>, bytes: Uint8Array, file: string, opts: ReaderSettings, view: PdfView): Promise<LayoutDocument> {
  let layout: LayoutDocument;
  switch (sniffed) {
    case "pdf":
      layout = await (await import("./pdf/read-pdf.js")).readPdf(bytes, file, opts, view);
      break;
    case "docx":
      layout = await (await import("./docx/read-docx.js")).readDocx(bytes, file, opts);
      break;
    case "html":
      layout = (await import("./html/read-html.js")).readHtml(decodeText(bytes), file, opts);
      break;
    case "text":
      layout = (await import("./text/read-text.js")).readText(decodeText(bytes), file, opts);
      break;
    case "zip":
      throw new DocumentError("unsupported", file, "is a ZIP archive but not a Word (.docx) document");
    case "encrypted-office":
      throw new DocumentError("encrypted", file, "is a password-protected Office document; remove the password and save it again as .docx or PDF");
    case "ole":
      throw new DocumentError("unsupported", file, "is an old Word .doc file (or another pre-2007 Office file); save it as .docx or PDF");
    case "binary":
      throw new DocumentError("unsupported", file, "is not a PDF, DOCX, HTML or text document");
  }
  return layout;
}

/** UTF-16 when it has a BOM (Word's "Unicode" Save as HTML), else UTF-8, falling back to Windows-1252 (old Word "Save as HTML" output). */
function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder("utf-16le").decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder("utf-16be").decode(bytes.subarray(2));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, "");
  } catch {
    return decodeWindows1252(bytes);
  }
}

/**
 * A line (or cell) of running text longer than `maxLineChars` in any format (a
 * multi-megabyte paragraph of HTML or DOCX): refused here, before the
 * normaliser's pattern matching spends seconds per megabyte on it.
 */
function checkLineLengths(layout: LayoutDocument, max: number): void {
  for (const page of layout.pages) {
    for (const b of page.blocks) {
      if (b.kind === "line") checkLimit({ maxLineChars: max }, "maxLineChars", b.text.length, () => `a line of ${b.text.length} characters`);
      else for (const c of b.cells) checkLimit({ maxLineChars: max }, "maxLineChars", c.text.length, () => `a table cell of ${c.text.length} characters`);
    }
  }
}
