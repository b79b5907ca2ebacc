/**
 * The layout model: the one seam between reading a document and understanding it.
 *
 * Every reader (PDF, DOCX, HTML, converted text) produces a `LayoutDocument`; the
 * normaliser only ever sees this. It is plain JSON, so it can be dumped
 * (`piao tables --json`), stored as a golden file, and loaded back in tests.
 *
 * Coordinates are PDF points in a top-left, y-down space (the page viewport at
 * scale 1), rounded to 2 decimals. Formats without geometry (DOCX, HTML, text)
 * leave `bbox` null and `page` null.
 */
import { z } from "../shared/zod.js";
import { ReaderMessage } from "./reader-message.js";

export const BBox = z.object({
  x0: z.number(),
  y0: z.number(),
  x1: z.number(),
  y1: z.number(),
});
export type BBox = z.infer<typeof BBox>;

/** One visual line of running text (outside tables). */
export const TextLine = z.object({
  kind: z.literal("line"),
  text: z.string(),
  page: z.number().int().nullable(),
  bbox: BBox.nullable(),
  fontSize: z.number().nullable(),
  bold: z.boolean(),
});
export type TextLine = z.infer<typeof TextLine>;

/**
 * One visual line of a PDF cell, with the geometry a reflow needs to tell a
 * wrapped line from a line ended on purpose.
 */
export const CellLine = z.object({
  text: z.string(),
  /** Left and right edges of the line's ink. */
  x0: z.number(),
  x1: z.number(),
  /** Right edge of the line's first word (its width is firstX1 - x0). */
  firstX1: z.number(),
  /**
   * Whether the producer drew a space glyph after the line's last word:
   * writers keep the blank where they wrap a line, none after a paragraph's
   * last line. Null when the reader could not tell.
   */
  endSpace: z.boolean().nullable(),
  /**
   * Set when the line stands apart from the line above by clearly more than
   * the cell's line spacing (paragraph spacing): it starts a paragraph. Absent otherwise.
   */
  paragraphGap: z.literal(true).optional(),
});
export type CellLine = z.infer<typeof CellLine>;

/**
 * One cell of a table grid. Only the anchor (top-left) position of a spanning
 * cell is listed; the positions it covers are implied by rowSpan/colSpan.
 */
export const Cell = z.object({
  row: z.number().int().nonnegative(),
  col: z.number().int().nonnegative(),
  rowSpan: z.number().int().positive(),
  colSpan: z.number().int().positive(),
  /** The cell's text, its visual lines joined by "\n". */
  text: z.string(),
  /** Filled with a non-white colour (a Gantt month is often marked this way). */
  shaded: z.boolean(),
  /** The fill colour as "#rrggbb" when shaded. */
  fill: z.string().nullable(),
  /** A drawn mark with no glyph (two crossing diagonals, a filled dot). */
  marked: z.boolean(),
  page: z.number().int().nullable(),
  bbox: BBox.nullable(),
  /** PDF cells of more than one line: each line's geometry (same lines as `text`). Absent otherwise. */
  lines: z.array(CellLine).optional(),
});
export type Cell = z.infer<typeof Cell>;

export const TableMethod = z.enum(["lattice", "stream", "docx", "html", "text"]);
export type TableMethod = z.infer<typeof TableMethod>;

export const Table = z.object({
  kind: z.literal("table"),
  /** Stable within a document: "p<page>-t<n>" or "t<n>" for page-less formats. */
  id: z.string(),
  method: TableMethod,
  /** Page where the table starts. */
  page: z.number().int().nullable(),
  /** Every page the table covers (more than one when stitched across a page break). */
  pages: z.array(z.number().int()),
  bbox: BBox.nullable(),
  rows: z.number().int().nonnegative(),
  cols: z.number().int().nonnegative(),
  /** Page of each row (length = rows); null entries for page-less formats. */
  rowPages: z.array(z.number().int().nullable()),
  cells: z.array(Cell),
});
export type Table = z.infer<typeof Table>;

export const Block = z.discriminatedUnion("kind", [TextLine, Table]);
export type Block = z.infer<typeof Block>;

export const LayoutPage = z.object({
  /** 1-based page number; null for a format without pages (DOCX, HTML). */
  number: z.number().int().nullable(),
  width: z.number().nullable(),
  height: z.number().nullable(),
  /** Running header / footer lines recognised on this page and kept out of `blocks`. */
  header: z.array(z.string()),
  footer: z.array(z.string()),
  /** Content in reading order. A table stitched across pages sits on its first page. */
  blocks: z.array(Block),
});
export type LayoutPage = z.infer<typeof LayoutPage>;

// The reader's messages have their own module (one list of codes); re-exported for the layout's users.
export { ReaderMessage } from "./reader-message.js";

export const SourceFormat = z.enum(["pdf", "docx", "html", "text"]);
export type SourceFormat = z.infer<typeof SourceFormat>;

export const LayoutDocument = z.object({
  format: SourceFormat,
  /** Page count for paged formats, null otherwise. */
  pageCount: z.number().int().nullable(),
  pages: z.array(LayoutPage),
  messages: z.array(ReaderMessage),
  /**
   * Set by a reader of printed pages in another format (a space-aligned text
   * conversion of a PDF): as for a PDF, page numbers are the document's pages and
   * line breaks are where the page wrapped, not paragraph ends. Absent otherwise.
   */
  printed: z.literal(true).optional(),
});
export type LayoutDocument = z.infer<typeof LayoutDocument>;

/** Pages and line breaks as printed: a PDF, or a reader that says so (`printed`). */
export function isPrinted(layout: Pick<LayoutDocument, "format" | "printed">): boolean {
  return layout.format === "pdf" || layout.printed === true;
}
