/**
 * DOCX reader. The tables and paragraphs come from the WordprocessingML itself
 * (word/document.xml via jszip + cheerio in XML mode), not from mammoth's HTML:
 * mammoth drops cell shading (w:shd, a common way to mark Gantt months), loses
 * some vertical merges and ignores header/footer parts, which are exactly the
 * things a plan's tables depend on. mammoth still earns its place as an
 * independent reading of the same body: its raw text is compared with ours and
 * a shortfall becomes a warning, so content in an element this reader does not
 * know is reported instead of silently lost.
 *
 * DOCX has no pages: one LayoutPage numbered null; the running header/footer
 * parts referenced by the section properties go to page.header/footer.
 */
import JSZip from "jszip";
import mammoth from "mammoth";
import type { Element } from "domhandler";
import type { Block, LayoutDocument, ReaderMessage } from "../layout.js";
import type { ReaderSettings } from "../settings.js";
import { DocumentError, reasonOf } from "../../shared/errors.js";
import { buildGrid } from "../common/grid.js";
import { readHtml } from "../html/read-html.js";
import { mhtHtml } from "../common/mht.js";
import { pagelessDocument, readerMessage } from "../common/pageless-document.js";
import { readBlocks, readTableRows, relIdOf, type DocxContext } from "./docx-blocks.js";
import { DocxStyles } from "./docx-styles.js";
import { Names, parseXmlPart } from "./ooxml.js";
import { scannedPageImages } from "./page-images.js";

const SOURCE = "docx-reader";
const REL_OFFICE_DOCUMENT = /\/officeDocument$/;

/** An embedded DOCX (w:altChunk) is read with this reader; one embedded in that one no further. */
const MAX_CHUNK_DEPTH = 2;

export async function readDocx(bytes: Uint8Array, file: string, opts: ReaderSettings, depth = 0): Promise<LayoutDocument> {
  const zip = await openZip(bytes, file);
  const parts = new PartReader(zip, file, opts.maxFileBytes);
  const mainPath = (await mainDocumentPath(parts)) ?? "word/document.xml";
  const mainXml = await parts.text(mainPath);
  if (mainXml === null) throw new DocumentError("corrupt", file, `is not a readable DOCX (no ${mainPath} in the package)`);
  const rels = await relationships(parts, mainPath);
  const styles = DocxStyles.parse(await parts.text(relTargets(rels, "styles")[0] ?? "word/styles.xml"));

  const doc = parseXmlPart(mainXml);
  const ctx: DocxContext = { w: new Names(doc.w), mc: new Names(doc.mc), styles, hidden: [] };
  const body = ctx.w.child(doc.root ?? undefined, "body");
  if (!body) throw new DocumentError("corrupt", file, "is not a readable DOCX (the document part has no body)");

  const chunks = await readAltChunks(parts, rels, ctx, body, file, opts, depth);
  ctx.chunks = chunks.read;
  const out = new DocxBodyReader(ctx);
  out.messages.push(...chunks.messages);
  try {
    out.read(body);
  } catch (e) {
    // Content controls or tables nested thousands deep: no word processor writes that.
    if (e instanceof RangeError) throw new DocumentError("unsupported", file, "is not a usable DOCX (its elements are nested too deeply)");
    throw e;
  }
  const header = await regionLines(parts, rels, body, ctx, "header");
  const footer = await regionLines(parts, rels, body, ctx, "footer");
  const messages = [
    ...out.messages,
    ...scannedPageImages(ctx, body, opts.docx, SOURCE),
    ...(await coverageCheck(bytes, out.blocks, ctx.hidden, opts)),
  ];
  return pagelessDocument("docx", file, out.blocks, header, footer, messages);
}

async function openZip(bytes: Uint8Array, file: string): Promise<JSZip> {
  try {
    return await JSZip.loadAsync(bytes, { checkCRC32: true });
  } catch (e) {
    throw new DocumentError("corrupt", file, `is not a readable DOCX (damaged ZIP: ${reasonOf(e)})`);
  }
}

class PartReader {
  constructor(
    private readonly zip: JSZip,
    private readonly file: string,
    private readonly maxBytes: number,
  ) {}

  async text(path: string): Promise<string | null> {
    return this.read(path, "string");
  }

  async bytes(path: string): Promise<Uint8Array | null> {
    return this.read(path, "uint8array");
  }

  private async read<T extends "string" | "uint8array">(path: string, type: T): Promise<(T extends "string" ? string : Uint8Array) | null> {
    const entry = this.zip.file(path.replace(/^\/+/, ""));
    if (!entry) return null;
    // jszip keeps the declared size of each entry: refuse zip bombs before inflating.
    const declared = (entry as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize;
    if (declared !== undefined && declared > this.maxBytes) {
      throw new DocumentError("too-large", this.file, `has a part (${path}) of ${Math.round(declared / 1e6)} MB once unpacked`);
    }
    try {
      const out = await entry.async(type);
      if (out.length > this.maxBytes) throw new DocumentError("too-large", this.file, `has a part (${path}) too large once unpacked`);
      return out as T extends "string" ? string : Uint8Array;
    } catch (e) {
      if (e instanceof DocumentError) throw e;
      throw new DocumentError("corrupt", this.file, `is not a readable DOCX (${path}: ${reasonOf(e)})`);
    }
  }
}

interface Relationship {
  id: string;
  type: string;
  target: string;
}

async function mainDocumentPath(parts: PartReader): Promise<string | null> {
  const rels = parseRels(await parts.text("_rels/.rels"), "");
  return rels.find((r) => REL_OFFICE_DOCUMENT.test(r.type))?.target ?? null;
}

async function relationships(parts: PartReader, partPath: string): Promise<Relationship[]> {
  const dir = partPath.includes("/") ? partPath.slice(0, partPath.lastIndexOf("/") + 1) : "";
  const name = partPath.slice(dir.length);
  return parseRels(await parts.text(`${dir}_rels/${name}.rels`), dir);
}

/** Relationship targets resolved to package paths. */
function parseRels(xml: string | null, baseDir: string): Relationship[] {
  if (xml === null) return [];
  const part = parseXmlPart(xml);
  return (part.root?.children ?? [])
    .filter((c): c is Element => c.type === "tag" && /(^|:)Relationship$/.test(c.name))
    .filter((c) => c.attribs["TargetMode"] !== "External")
    .map((c) => ({ id: c.attribs["Id"] ?? "", type: c.attribs["Type"] ?? "", target: resolvePath(baseDir, c.attribs["Target"] ?? "") }));
}

function resolvePath(baseDir: string, target: string): string {
  const segments = (target.startsWith("/") ? target.slice(1) : baseDir + target).split("/");
  const out: string[] = [];
  for (const s of segments) {
    if (s === "..") out.pop();
    else if (s !== "." && s !== "") out.push(s);
  }
  return out.join("/");
}

function relTargets(rels: Relationship[], kind: string): string[] {
  return rels.filter((r) => r.type.endsWith(`/${kind}`)).map((r) => r.target);
}

const DOCX_PART = /\.(docx|docm|dotx|dotm)$/i;
const MHT_PART = /\.mht(ml)?$/i;
const HTML_PART = /\.(x?html?|xht)$/i;
const HTML_START = /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!doctype html|<html)/i;

/**
 * The parts that w:altChunk elements embed (ECMA-376 §17.17.2.1: HTML, RTF,
 * MHT, plain text or another DOCX, which Word merges in when it opens the
 * file). HTML (or the HTML part of an MHT archive) is read through the HTML
 * reader, a DOCX through this one, plain text as lines; any other kind (RTF) cannot be read here and is named in
 * a warning, since its content is missing from the layout.
 */
async function readAltChunks(
  parts: PartReader, rels: Relationship[], ctx: DocxContext, body: Element, file: string, opts: ReaderSettings, depth: number,
): Promise<{ read: Map<string, Block[]>; messages: ReaderMessage[] }> {
  const ids: string[] = [];
  // Iterative: a body nested absurdly deep is refused later by the reader, not here by a stack overflow.
  const stack: Element[] = [body];
  for (let el = stack.pop(); el !== undefined; el = stack.pop()) {
    for (const c of el.children) {
      if (c.type !== "tag") continue;
      if (ctx.w.is(c, "altChunk")) ids.push(relIdOf(c));
      else stack.push(c);
    }
  }
  const read = new Map<string, Block[]>();
  const messages: ReaderMessage[] = [];
  const byId = new Map(rels.map((r) => [r.id, r.target]));
  for (const id of new Set(ids)) {
    const target = byId.get(id);
    if (target !== undefined && DOCX_PART.test(target) && depth < MAX_CHUNK_DEPTH) {
      const inner = await parts.bytes(target);
      if (inner !== null) {
        try {
          read.set(id, (await readDocx(inner, `${file}#${target}`, opts, depth + 1)).pages.flatMap((p) => p.blocks));
          continue;
        } catch (e) {
          if (e instanceof DocumentError && e.kind === "empty") continue;
          if (!(e instanceof DocumentError)) throw e;
        }
      }
    }
    const text = target === undefined || DOCX_PART.test(target) ? null : await parts.text(target);
    if (target !== undefined && text !== null && /\.txt$/i.test(target)) {
      const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l !== "");
      read.set(id, lines.map((t) => ({ kind: "line", text: t, page: null, bbox: null, fontSize: null, bold: false })));
      continue;
    }
    const mime = target !== undefined && text !== null && (MHT_PART.test(target) || /^\s*MIME-Version:/i.test(text));
    const html = mime ? mhtHtml(text as string) : text;
    if (target !== undefined && html !== null && (mime || HTML_PART.test(target) || HTML_START.test(html))) {
      try {
        read.set(id, readHtml(html, `${file}#${target}`, opts).pages.flatMap((p) => p.blocks));
        continue;
      } catch (e) {
        if (e instanceof DocumentError && e.kind === "empty") continue; // nothing to miss
        if (!(e instanceof DocumentError)) throw e;
      }
    }
    const kind = target === undefined ? "a missing part" : /\.rtf$/i.test(target) ? "RTF" : /\.mht(ml)?$/i.test(target) ? "MHT" : /\.docx?$/i.test(target) ? "a Word document" : /\.txt$/i.test(target) ? "plain text" : "an unknown format";
    messages.push(readerMessage(SOURCE, "docx-alt-chunk", "warning",
      `embeds ${target ?? `relationship ${id}`} (w:altChunk, ${kind}) that the DOCX reader cannot read; its content is missing from the layout`));
  }
  return { read, messages };
}

class DocxBodyReader {
  blocks: Block[] = [];
  messages: ReaderMessage[] = [];
  private tableCount = 0;

  constructor(private readonly ctx: DocxContext) {}

  read(container: Element): void {
    readBlocks(this.ctx, container, {
      line: (l) => this.blocks.push({ kind: "line", text: l.text, page: null, bbox: null, fontSize: l.fontSize, bold: l.bold }),
      table: (tbl) => this.table(tbl),
      altChunk: (id) => this.chunk(id),
    });
  }

  /** An embedded chunk's blocks in place, its tables numbered in this document's sequence. */
  private chunk(relId: string): void {
    for (const b of this.ctx.chunks?.get(relId) ?? []) {
      if (b.kind === "table") this.blocks.push({ ...b, id: `t${++this.tableCount}` });
      else this.blocks.push(b);
    }
  }

  private table(tbl: Element): void {
    const nested: Element[] = [];
    const { rows, orphanMerges, cols } = readTableRows(this.ctx, tbl, nested);
    const grid = buildGrid(rows, [], cols);
    if (grid.cells.some((c) => c.text !== "" || c.shaded)) {
      const id = `t${++this.tableCount}`;
      this.blocks.push({
        kind: "table", id, method: "docx", page: null, pages: [], bbox: null,
        rows: grid.rows, cols: grid.cols, rowPages: Array.from({ length: grid.rows }, () => null), cells: grid.cells,
      });
      if (grid.clippedSpans > 0 || orphanMerges > 0) {
        this.messages.push(readerMessage(SOURCE, "table-spans-overlap", "warning",
          `${grid.clippedSpans + orphanMerges} cell merge(s) do not add up (overlapping spans or a vertical merge with no start); cell merging may be incorrect`, id));
      }
    }
    for (const inner of nested) this.table(inner);
  }
}

/**
 * Lines of the header or footer parts the sections reference (default ones
 * first, then first-page and even-page variants), without repeats.
 */
async function regionLines(parts: PartReader, rels: Relationship[], body: Element, ctx: DocxContext, kind: "header" | "footer"): Promise<string[]> {
  const { w } = ctx;
  const sectPrs: Element[] = [];
  const collect = (el: Element): void => {
    for (const c of el.children) {
      if (c.type !== "tag") continue;
      if (w.is(c, "sectPr")) sectPrs.push(c);
      else collect(c);
    }
  };
  collect(body);
  const refs = sectPrs.flatMap((s) => w.children(s, `${kind}Reference`));
  refs.sort((a, b) => rank(w.attr(a, "type")) - rank(w.attr(b, "type")));
  const byId = new Map(rels.map((r) => [r.id, r.target]));
  const targets = [...new Set(refs.map((r) => byId.get(relId(r)) ?? "").filter((t) => t !== ""))];
  const lines: string[] = [];
  for (const target of targets) {
    const xml = await parts.text(target);
    if (xml === null) continue;
    const part = parseXmlPart(xml);
    // Embedded chunks were read for the body's relationships; a header's r:ids are its own.
    const partCtx: DocxContext = { ...ctx, w: new Names(part.w), mc: new Names(part.mc), chunks: new Map() };
    if (!part.root) continue;
    const tables: Element[] = [];
    const sink = { line: (l: { text: string }) => lines.push(l.text), table: (t: Element) => tables.push(t) };
    readBlocks(partCtx, part.root, sink);
    // A header laid out as a table: its cells' text, row by row.
    for (let i = 0; i < tables.length; i++) {
      const { rows } = readTableRows(partCtx, tables[i] as Element, tables);
      for (const row of rows) for (const cell of row) lines.push(...cell.text.split("\n").filter((s) => s !== ""));
    }
  }
  return [...new Set(lines)];
}

function rank(type: string | undefined): number {
  return type === undefined || type === "default" ? 0 : type === "first" ? 1 : 2;
}

const relId = relIdOf;

/** Words of three or more letters/digits, lower-cased, with their counts. */
function wordCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of text.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? []) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

/** mammoth keeps hidden runs; we leave them out on purpose, so they count as read. */
export async function coverageCheck(bytes: Uint8Array, blocks: Block[], hidden: string[], opts: ReaderSettings): Promise<ReaderMessage[]> {
  let raw: string;
  try {
    raw = (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
  } catch {
    return []; // our own reading succeeded; mammoth failing is no reason to reject the file
  }
  const ours = wordCounts(
    [...blocks.map((b) => (b.kind === "line" ? b.text : b.cells.map((c) => c.text).join("\n"))), ...hidden].join("\n"),
  );
  const theirs = wordCounts(raw);
  let total = 0;
  let missing = 0;
  const examples: string[] = [];
  for (const [word, n] of theirs) {
    total += n;
    const lack = n - (ours.get(word) ?? 0);
    if (lack > 0) {
      missing += lack;
      if (examples.length < 5) examples.push(word);
    }
  }
  if (total === 0 || (total - missing) / total >= opts.docx.minWordCoverage) return [];
  return [readerMessage(SOURCE, "docx-text-dropped", "warning",
    `${missing} of ${total} words of the body were not read into the layout (e.g. ${examples.join(", ")}); some content may be missing`)];
}
