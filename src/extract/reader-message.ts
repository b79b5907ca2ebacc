/**
 * The one message type from the readers to the report. A reader that meets a problem
 * it can live with (a table it skipped, words it could not place, a page with no text)
 * says so with a `ReaderMessage`: a code from `ReaderCode`, a severity, a reason a
 * person can act on and the place (page, table, row, column; the file is the
 * document's). The normaliser carries every message into the export as a finding of
 * the same code (`normalize/anomaly-rules/reader-findings.ts`), the store keeps it
 * with its place and the report shows it like any other finding.
 *
 * To add a kind: add its code here (UPPER_SNAKE, one line of comment), emit it with
 * `readerMessage()` (common/pageless-document.ts) or a literal, document it in
 * docs/reader-codes.md and add a test to tests/pipeline/reader-findings.test.ts (and, when it
 * can name a row or column, to tests/pipeline/reader-finding-place.test.ts).
 */
import { z } from "../shared/zod.js";

export const ReaderCode = z.enum([
  /** A page or part the reader could not read at all (no text layer, a failed page, a scanned picture). */
  "UNREADABLE",
  /** A PDF page with so many ruling lines that it is a drawing: no ruled table sought there. */
  "TABLE_SKIPPED",
  /** A ruled PDF table whose grid has positions with no ruled cell (filled with empty cells). */
  "TABLE_GRID_OPEN",
  /** Cell spans (merges) that overlap or do not add up: shortened, merging may be wrong. */
  "TABLE_SPANS_OVERLAP",
  /** Header rows repeated after a page break, dropped from the continued table. */
  "REPEATED_HEADER_DROPPED",
  /** A text file read as a layout-preserving conversion of a PDF (pdftotext -layout). */
  "LAYOUT_CONVERSION",
  /** A DOCX embeds a part (w:altChunk) the reader cannot read: its content is missing. */
  "DOCX_ALT_CHUNK",
  /** Words of a DOCX body's text elements are missing from the layout. */
  "DOCX_TEXT_DROPPED",
  /** Control characters (other than tab, line feed, form feed) removed from the text. */
  "CONTROL_CHARACTERS",
]);
export type ReaderCode = z.infer<typeof ReaderCode>;

export const Severity = z.enum(["fatal", "error", "warning", "info"]);
export type Severity = z.infer<typeof Severity>;

/** A problem found while reading, with where it was found. */
export const ReaderMessage = z.object({
  code: ReaderCode,
  severity: Severity,
  reason: z.string(),
  page: z.number().int().nullable(),
  /** The layout table's id ("p3-t1", "t2"), as `piao tables` shows it. */
  table: z.string().nullable(),
  /**
   * Where within `table` the problem sits, 1-based (row 1 is the table's first row: a
   * layout cell's `row` + 1). Set only where the reader knows it: `row` when every cell
   * at fault is in one row, `column` when every one is in one column (both: one cell).
   */
  row: z.number().int().positive().nullable().optional(),
  column: z.number().int().positive().nullable().optional(),
  /** The reader that said it: "pdf", "docx", "html", "text". */
  source: z.string(),
});
export type ReaderMessage = z.infer<typeof ReaderMessage>;

/**
 * A cell's position in layout terms: 0-based row and column of its top-left grid
 * position, as a layout `Cell` has them (a merged cell is named by that position,
 * as `piao tables --csv` lists it).
 */
export interface GridPosition {
  row: number;
  col: number;
}

/** A message's place within its table: 1-based row and column, each only when known. */
export type CellPlace = Pick<ReaderMessage, "row" | "column">;

/**
 * The place of the cells a message is about (0-based positions, as a layout cell has
 * them), 1-based: the row when every cell is in one row, the column when every one
 * is in one column; nothing the cells do not share, so a message about cells spread
 * over a table names the table alone.
 */
export function placeOf(positions: Iterable<GridPosition>): CellPlace {
  let row: number | null | undefined;
  let col: number | null | undefined;
  for (const p of positions) {
    row = row === undefined || row === p.row ? p.row : null;
    col = col === undefined || col === p.col ? p.col : null;
  }
  return { ...(row != null ? { row: row + 1 } : {}), ...(col != null ? { column: col + 1 } : {}) };
}
