/**
 * The parts that w:altChunk elements embed (ECMA-376 §17.17.2.1: HTML, RTF,
 * MHT, plain text or another DOCX, which Word merges in when it opens the
 * file). HTML (or the HTML part of an MHT archive) is read through the HTML
 * reader, a DOCX through the DOCX reader (handed in, to keep the modules
 * acyclic), plain text as lines; any other kind (RTF) cannot be read here and
 * is named in a warning, since its content is missing from the layout. What
 * the HTML or DOCX reader said about a part is kept with it (`said`), its
 * reasons naming the part, for the body reader to place (read-docx.ts).
 */
import type { Element } from "domhandler";
import type { Block, LayoutDocument, ReaderMessage } from "../layout.js";
import type { ReaderSettings } from "../settings.js";
import { DocumentError } from "../../shared/errors.js";
import { readHtml } from "../html/read-html.js";
import { mhtHtml } from "../common/mht.js";
import { readerMessage } from "../common/pageless-document.js";
import { relIdOf, type DocxContext } from "./docx-blocks.js";
import type { PackageParts } from "./package-parts.js";
import type { Relationship } from "./relationships.js";

const DOCX_PART = /\.(docx|docm|dotx|dotm)$/i;
const MHT_PART = /\.mht(ml)?$/i;
const HTML_PART = /\.(x?html?|xht)$/i;
const HTML_START = /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!doctype html|<html)/i;

export type ReadEmbeddedDocx = (bytes: Uint8Array, file: string) => Promise<LayoutDocument>;

export async function readAltChunks(
  parts: PackageParts,
  rels: Relationship[],
  ctx: DocxContext,
  body: Element,
  file: string,
  opts: ReaderSettings,
  readDocx: ReadEmbeddedDocx | null,
  source: string,
): Promise<{ read: Map<string, Block[]>; said: Map<string, ReaderMessage[]>; unread: Map<string, ReaderMessage>; messages: ReaderMessage[] }> {
  const ids: string[] = [];
  // Iterative: the depth of the body was bounded before parsing, but a walk need not rely on it.
  const stack: Element[] = [body];
  for (let el = stack.pop(); el !== undefined; el = stack.pop()) {
    for (const c of el.children) {
      if (c.type !== "tag") continue;
      if (ctx.w.is(c, "altChunk")) ids.push(relIdOf(c));
      else stack.push(c);
    }
  }
  const read = new Map<string, Block[]>();
  const said = new Map<string, ReaderMessage[]>();
  // Per part that cannot be read, its message: placed in the table cell holding it, once the body is read (read-docx.ts).
  const unread = new Map<string, ReaderMessage>();
  const messages: ReaderMessage[] = [];
  const keep = (id: string, target: string, doc: LayoutDocument): void => {
    read.set(
      id,
      doc.pages.flatMap((p) => p.blocks),
    );
    if (doc.messages.length > 0)
      said.set(
        id,
        doc.messages.map((m) => ({ ...m, reason: `embedded ${target}: ${m.reason}` })),
      );
  };
  const byId = new Map(rels.map((r) => [r.id, r.target]));
  for (const id of new Set(ids)) {
    const target = byId.get(id);
    if (target !== undefined && DOCX_PART.test(target) && readDocx !== null) {
      const inner = parts.bytes(target);
      if (inner !== null) {
        try {
          keep(id, target, await readDocx(inner, `${file}#${target}`));
          continue;
        } catch (e) {
          if (e instanceof DocumentError && e.kind === "empty") continue;
          if (!(e instanceof DocumentError)) throw e;
        }
      }
    }
    const text = target === undefined || DOCX_PART.test(target) ? null : parts.text(target);
    if (target !== undefined && text !== null && /\.txt$/i.test(target)) {
      const lines = text
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l !== "");
      read.set(
        id,
        lines.map((t) => ({ kind: "line", text: t, page: null, bbox: null, fontSize: null, bold: false })),
      );
      continue;
    }
    const mime = target !== undefined && text !== null && (MHT_PART.test(target) || /^\s*MIME-Version:/i.test(text));
    const html = mime ? mhtHtml(text as string) : text;
    if (target !== undefined && html !== null && (mime || HTML_PART.test(target) || HTML_START.test(html))) {
      try {
        keep(id, target, readHtml(html, `${file}#${target}`, opts));
        continue;
      } catch (e) {
        if (e instanceof DocumentError && e.kind === "empty") continue; // nothing to miss
        if (!(e instanceof DocumentError)) throw e;
      }
    }
    const kind =
      target === undefined
        ? "a missing part"
        : /\.rtf$/i.test(target)
          ? "RTF"
          : /\.mht(ml)?$/i.test(target)
            ? "MHT"
            : /\.docx?$/i.test(target)
              ? "a Word document"
              : /\.txt$/i.test(target)
                ? "plain text"
                : "an unknown format";
    const message = readerMessage(
      source,
      "DOCX_ALT_CHUNK",
      "warning",
      `embeds ${target ?? `relationship ${id}`} (w:altChunk, ${kind}) that the DOCX reader cannot read; its content is missing from the layout`,
    );
    messages.push(message);
    unread.set(id, message);
  }
  return { read, said, unread, messages };
}
