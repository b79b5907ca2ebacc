/**
 * Every tolerance the readers use, in one place with named defaults
 * (documented in docs/settings.md). Units are PDF points unless said otherwise.
 */
import { z } from "../shared/zod.js";

/** Tolerances of the PDF reader (src/extract/pdf). "em" = the text's font size. */
export const PdfSettings = z.object({
  /** Collinear rulings closer than this are snapped onto one line (pdfplumber snap_tolerance). */
  snapTolerance: z.number().nonnegative().default(3),
  /** Collinear ruling pieces with a gap up to this are joined (pdfplumber join_tolerance). */
  joinTolerance: z.number().nonnegative().default(3),
  /** A horizontal and a vertical ruling meet when they come this close (intersection tolerance). */
  intersectionTolerance: z.number().nonnegative().default(3),
  /** Rulings shorter than this are ignored (tick marks, bullets). */
  minRulingLength: z.number().nonnegative().default(3),
  /** A stroked segment is horizontal/vertical when it deviates from the axis by at most this. */
  axisTolerance: z.number().nonnegative().default(1),
  /** A filled rectangle no thicker than this on one side is a ruling (Word/Excel border style). */
  thinRectMax: z.number().positive().default(2.5),
  /** Fills whose every RGB channel is at least this (0-255) count as white and are ignored. */
  whiteLevel: z.number().min(0).max(255).default(240),
  /** A cell is shaded when a non-white fill covers at least this fraction of its area. */
  shadedCoverage: z.number().min(0).max(1).default(0.5),
  /** A filled shape or diagonal no larger than this (both sides) can be a drawn mark. */
  markMaxSize: z.number().positive().default(20),
  /** More rulings than this on a page (a drawing, a map) and no ruled tables are sought there. */
  maxRulings: z.number().int().positive().default(4000),
  /** Cells smaller than this on a side are not cells (double borders). */
  minCellSize: z.number().nonnegative().default(2),
  /** A page whose text runs up (or down) for at least this share of its characters is turned so that it reads left to right. */
  turnPageShare: z.number().min(0).max(1).default(0.6),
  /** Text within this many degrees of running straight up or down counts as such. */
  turnAngleTolerance: z.number().nonnegative().default(2),
  /** Page columns: a gutter needs text on both sides in at least this many lines… */
  pageColumnMinLines: z.number().int().positive().default(8),
  /** …may be crossed by at most this fraction of the lines (headings over both columns)… */
  pageColumnCrossing: z.number().min(0).max(1).default(0.1),
  /** …and has prose on both sides: at least this fraction of each side's lines… */
  pageColumnFullShare: z.number().min(0).max(1).default(0.5),
  /** …fill at least this fraction of that side's width. */
  pageColumnFullWidth: z.number().min(0).max(1).default(0.7),
  /** Stream tables of two columns (below streamMinCols) are taken inside a page column when they have this many rows or more and each column's text is aligned on one edge. */
  streamTwoColMinRows: z.number().int().positive().default(4),
  /** Stream: text edges within this are aligned. */
  streamAlignTolerance: z.number().nonnegative().default(2),
  /** A ruled square outside tables, holding no text, at least this big (and at most markMaxSize) is a check box: "☒" when two diagonals cross it, else "☐". */
  checkboxMinSize: z.number().nonnegative().default(4),
  /** …when its sides differ by at most this fraction of the longer one. */
  checkboxSquareness: z.number().min(0).max(1).default(0.2),
  /** A grid column or row no wider than this, holding no text and no drawn mark, is the gap inside a double border or a spacer band: it is folded away. */
  phantomStripMax: z.number().nonnegative().default(6),
  /** Text beside a ruled grid, lined up with its rows in at least this fraction of them (two at least), is the grid's label column. */
  labelColumnShare: z.number().min(0).max(1).default(0.5),
  /** A space is this many em wide: a cell's line is a wrap when the next line's first word (and a space) would not have fitted after it. */
  wrapSpaceEm: z.number().nonnegative().default(0.3),
  /** Verticals running on at least this far past the last horizontal they cross, and ending together, get a closing rule (a row split by a page break). */
  openGridMin: z.number().positive().default(6),
  /** A dot (small filled shape) no larger than this many em of the text to its right can be a list bullet. */
  bulletMaxEm: z.number().positive().default(0.6),
  /** …when that text starts within this many em of it (and no text ends this close before it). */
  bulletGapEm: z.number().positive().default(2),
  /** In a cell, a line whose baseline is more than this many times the cell's closest line pitch below the line above starts a paragraph. */
  paragraphGapRatio: z.number().min(1).default(1.5),
  /** Two words on one line with a gap up to this many em are written without a space. */
  wordJoinEm: z.number().nonnegative().default(0.1),
  /** Words whose baselines differ by at most this many em are on one line. */
  lineBaselineEm: z.number().nonnegative().default(0.35),
  /** A gap wider than this many em splits a text line into separate segments. */
  segmentGapEm: z.number().positive().default(1.5),
  /** Font-box fallbacks (fractions of the font size) when a font reports no ascent/descent. */
  defaultAscent: z.number().default(0.8),
  defaultDescent: z.number().default(-0.2),
  /** Top and bottom bands (fraction of page height) where running headers/footers are sought. */
  marginBand: z.number().min(0).max(0.5).default(0.12),
  /** A line repeated (digits ignored) on at least this fraction of pages is a running header/footer. */
  repeatFraction: z.number().min(0).max(1).default(0.6),
  /** A header line recurring on fewer pages than this fraction of the line above it is body text. */
  repeatBlockRatio: z.number().min(0).max(1).default(0.95),
  /** Repeated lines must sit at the same height on each page, within this. */
  repeatYTolerance: z.number().nonnegative().default(4),
  /** Stream tables: a gap wider than this many em separates two cells (month grids are dense). */
  streamGapEm: z.number().positive().default(0.6),
  /** Stream tables: give up when more than this fraction of segments cross column boundaries (prose, not a table). */
  streamMaxSpanning: z.number().min(0).max(1).default(0.2),
  /** Stream tables: at least this many lines with two or more aligned segments. */
  streamMinRows: z.number().int().positive().default(3),
  /** Stream tables: at least this many columns. */
  streamMinCols: z.number().int().positive().default(3),
  /** Stream tables: a vertical gap larger than this many line heights ends a table. */
  streamMaxRowGap: z.number().positive().default(2.2),
  /** Stream: a line closer than this many line heights to the one above may continue its row. */
  streamWrapGap: z.number().positive().default(1.45),
  /** Stream: a horizontal rule covering this fraction of a borderless table's width separates its rows. */
  streamRuleCover: z.number().min(0).max(1).default(0.6),
  /** A clip reaching this close to every page edge is the page's own (writers clip each page to its box): it hides nothing worth checking. */
  clipPageTolerance: z.number().nonnegative().default(1),
  /** Stitching: a table ending this close to the body bottom / starting this close to the body top may continue. */
  stitchEdgeDistance: z.number().nonnegative().default(120),
  /** Stitching: column boundaries within this match. */
  stitchColumnTolerance: z.number().nonnegative().default(4),
  /** Stitching: at least this fraction of column boundaries must match. */
  stitchColumnMatch: z.number().min(0).max(1).default(0.8),
});
export type PdfSettings = z.infer<typeof PdfSettings>;

/** Tolerances of the converted-text reader (src/extract/text). */
export const TextSettings = z.object({
  /** A run of at least this many blank lines (or a form feed) is a page break. */
  pageBreakBlankLines: z.number().int().min(2).default(2),
  /** Lines opening at least this fraction of pages (and at least two pages) are the running header. */
  headerMinShare: z.number().min(0).max(1).default(0.5),
  /** A table continues on the next page unless the next page's table is wider than this factor times it. */
  stitchMaxColumnRatio: z.number().min(1).default(1.5),
  /** Layout conversions (pdftotext -layout): at least this many spaces between two words separate two cells of a line. */
  layoutGapSpaces: z.number().int().min(2).default(2),
  /** A text is a layout conversion when at least this share of its non-blank lines has such a gap between words (and fewer tab-separated lines). */
  layoutMinGapShare: z.number().min(0).max(1).default(0.1),
  /** Layout: a bare number (up to this many digits) alone as a page's last (or first) line is its page number… */
  layoutPageNumberDigits: z.number().int().positive().default(4),
  /** …when it runs with the page order on at least this many pages (or on every page of a shorter text). */
  layoutPageNumberMinPages: z.number().int().positive().default(2),
  /** Layout: a bullet glyph at most this many spaces before text belongs to that text (not a column of its own). */
  layoutBulletGap: z.number().int().nonnegative().default(4),
  /** Layout: a table needs at least this many lines with two or more cells. */
  layoutMinTableLines: z.number().int().min(1).default(2),
  /** Layout: a gap between columns used (text on both sides) by at least this many lines of a table ends it when a later line runs across it. */
  layoutGutterSupport: z.number().int().min(1).default(2),
  /** Layout: text may reach this many characters into such a gap without ending the table (converters misplace text by a character or two). */
  layoutIntrusion: z.number().int().nonnegative().default(2),
  /** Layout: a word after a single space starts a new cell where at least this many other lines start a cell at its character position… */
  layoutStartSupport: z.number().int().min(1).default(2),
  /** …or at least this many within `layoutStartSlack` characters to either side (converters place a run written one space after another a character off). */
  layoutStartSlackSupport: z.number().int().min(1).default(3),
  layoutStartSlack: z.number().int().nonnegative().default(1),
  /** Layout: a segment crossing a gutter spans a column it covers this share of (or more than `layoutIntrusion` characters of). */
  layoutSpanShare: z.number().min(0).max(1).default(0.5),
  /** Layout: a gap between columns crossed by at most this many lines (spanning header cells, merged runs) is still a column boundary… */
  layoutMaxCrossing: z.number().int().nonnegative().default(3),
  /** …and by at most this share of the table's lines (one line always may): more lines across it make it a dip inside a column. */
  layoutMaxCrossingShare: z.number().min(0).max(1).default(0.5),
  /** Layout: a line with at least this many more cells than the lines of the table above it, which all have as many (at least `layoutGutterSupport` of them), heads a new table. */
  layoutNewHeaderCells: z.number().int().min(1).default(2),
  /** Layout: a table runs on across at most this many blank lines (when the lines after them fit its columns). */
  layoutMaxBlankLines: z.number().int().nonnegative().default(1),
  /** Layout: a line of only -, _, = or ─ with at least this many of them is a row separator (or dropped outside tables). */
  layoutRuleMinChars: z.number().int().min(1).default(3),
});
export type TextSettings = z.infer<typeof TextSettings>;

/** Tolerances of the DOCX reader (src/extract/docx). */
export const DocxSettings = z.object({
  /** Warn when fewer than this fraction of the words of the body's text elements (coverage-check.ts) are in our layout. */
  minWordCoverage: z.number().min(0).max(1).default(0.98),
  /** A picture alone in a body paragraph covering at least this share of its page's text area is a scanned page (UNREADABLE). */
  scannedImageShare: z.number().min(0).max(1).default(0.5),
});
export type DocxSettings = z.infer<typeof DocxSettings>;

/** Tolerances of the HTML reader (src/extract/html). */
export const HtmlSettings = z.object({
  /** An <img> alone in its paragraph covering at least this share of an A4 page's text area is a scanned page (UNREADABLE). */
  scannedImageShare: z.number().min(0).max(1).default(0.5),
});
export type HtmlSettings = z.infer<typeof HtmlSettings>;

/**
 * What one document may cost before it is refused: each limit guards a way a
 * hostile or broken file could take unbounded time, memory or stack. A refusal
 * names the limit and how to raise it (`--limit NAME=VALUE`, src/cli/limit-options.ts).
 */
export const ReaderLimits = z.object({
  /** Refuse files larger than this. */
  maxFileBytes: z
    .number()
    .positive()
    .default(200 * 1024 * 1024),
  /** Refuse PDFs with more pages than this. */
  maxPages: z.number().int().positive().default(2000),
  /** PDF: refuse a document with one compressed (FlateDecode) stream inflating to more than this (a decompression bomb). */
  maxStreamBytes: z
    .number()
    .int()
    .positive()
    .default(128 * 1024 * 1024),
  /** PDF: refuse a document whose compressed streams inflate to more than this in all. */
  maxInflatedBytes: z
    .number()
    .int()
    .positive()
    .default(512 * 1024 * 1024),
  /** DOCX: refuse a package whose parts unpack to more than this in all (a zip bomb). */
  maxUnzippedBytes: z
    .number()
    .int()
    .positive()
    .default(256 * 1024 * 1024),
  /** DOCX: refuse a package with one part unpacking to more than this. */
  maxPartBytes: z
    .number()
    .int()
    .positive()
    .default(128 * 1024 * 1024),
  /** DOCX: refuse a package unpacking to more than this many times its own size (only past 1 MB unpacked; text compresses 5–20×). */
  maxZipRatio: z.number().positive().default(200),
  /** Refuse a table with more cells (rows × columns, padding included) than this. */
  maxTableCells: z.number().int().positive().default(100_000),
  /** Refuse a table with more columns than this. */
  maxTableColumns: z.number().int().positive().default(5000),
  /** HTML and DOCX (XML): refuse elements nested deeper than this (checked before parsing; tables, lists and content controls nest inside it). */
  maxNestingDepth: z.number().int().positive().default(400),
  /** HTML and DOCX: refuse an HTML document or an XML part longer than this many characters (its parsed tree takes some 30 times that in memory). */
  maxMarkupChars: z
    .number()
    .int()
    .positive()
    .default(32 * 1024 * 1024),
  /** Text conversions: refuse a line longer than this many characters; every format: a text line or table cell of the layout longer than this. */
  maxLineChars: z.number().int().positive().default(100_000),
});
export type ReaderLimits = z.infer<typeof ReaderLimits>;

export const ReaderSettings = ReaderLimits.extend({
  /** Give up on one file after this many milliseconds. */
  timeoutMs: z.number().int().positive().default(120_000),
  /** PDF reader tolerances. */
  pdf: PdfSettings.prefault({}),
  /** Converted-text reader tolerances. */
  text: TextSettings.prefault({}),
  /** DOCX reader tolerances. */
  docx: DocxSettings.prefault({}),
  /** HTML reader tolerances. */
  html: HtmlSettings.prefault({}),
});
export type ReaderSettings = z.infer<typeof ReaderSettings>;

export function readerSettings(partial: Partial<z.input<typeof ReaderSettings>> = {}): ReaderSettings {
  return ReaderSettings.parse(partial);
}
