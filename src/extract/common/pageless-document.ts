/**
 * The layout of a format without pages (DOCX, HTML): one LayoutPage numbered
 * null, no geometry. An empty body is unusable input, not an empty result.
 */
import type { Block, LayoutDocument, ReaderMessage, SourceFormat } from "../layout.js";
import type { CellPlace } from "../reader-message.js";
import { DocumentError } from "../../shared/errors.js";

export function pagelessDocument(
  format: SourceFormat,
  file: string,
  blocks: Block[],
  header: string[],
  footer: string[],
  messages: ReaderMessage[],
): LayoutDocument {
  if (!hasContent(blocks)) {
    throw new DocumentError("empty", file, `has no text in its body (${format.toUpperCase()})`);
  }
  return {
    format,
    pageCount: null,
    pages: [{ number: null, width: null, height: null, header, footer, blocks }],
    messages,
  };
}

export function hasContent(blocks: Block[]): boolean {
  return blocks.some((b) => (b.kind === "line" ? b.text.trim() !== "" : b.cells.some((c) => c.text.trim() !== "" || c.shaded)));
}

/** A reader's message; `place` (1-based row and column within `table`) only where the reader knows it (reader-message.ts `placeOf`). */
export function readerMessage(
  source: string,
  code: ReaderMessage["code"],
  severity: ReaderMessage["severity"],
  reason: string,
  table: string | null = null,
  page: number | null = null,
  place: CellPlace = {},
): ReaderMessage {
  return {
    code,
    severity,
    reason,
    page,
    table,
    ...(place.row != null ? { row: place.row } : {}),
    ...(place.column != null ? { column: place.column } : {}),
    source,
  };
}
