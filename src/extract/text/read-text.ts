/**
 * Reader for text conversions of plans (what PDF-to-text tools produce).
 * Layout-preserving conversions (columns aligned with spaces, form-feed
 * pages: `pdftotext -layout`) go to read-layout-text.ts; this reader takes
 * the others: tab-separated table rows with HTML fragments inside cells, blank lines
 * between blocks, and the running page header repeated after every page break.
 *
 * Pages are numbered by breaks (text-pages.ts). Within a page, a group of
 * consecutive non-blank lines containing tab-separated lines is a table: one
 * cell per tab field, rows padded to the widest one; a line without tabs
 * sandwiched between table rows is a row of one cell across the table (a
 * merged row such as "Descrizione dei risultati attesi" flattened by the
 * converter). Other lines are text lines. A table that ends its page continues
 * on the next page when that page (after its header) opens with a table of a
 * compatible width (an empty page in between, i.e. content missing from the
 * conversion, breaks the chain); header rows repeated at the top of the
 * continuation are dropped. Markdown leftovers are understood too: pipe-table
 * rows read like tab rows, `**bold**` marks bold lines, dash rules are dropped.
 */
import type { Block, LayoutDocument, ReaderMessage, Table } from "../layout.js";
import type { ReaderSettings } from "../settings.js";
import { DocumentError } from "../../shared/errors.js";
import type { GridCellInput, TableLimits } from "../common/grid.js";
import { LimitError, asDocumentError } from "../common/limits.js";
import { fieldLines } from "./cell-text.js";
import { readLayoutText } from "./read-layout-text.js";
import { separateRunningLines, splitPages, textLayout, type TextPage } from "./text-pages.js";
import { textStyle } from "./text-style.js";
import { droppedHeaderMessage, placeDropped, repeatedRun, stitchPages, textTable } from "./text-tables.js";

/** A table before its grid is built, so a continuation can still be appended. */
interface ProtoTable {
  kind: "proto";
  /** Tab fields per row, or one string for a full-width row. */
  rows: { fields: string[] | string; page: number }[];
}

type ProtoBlock = Exclude<Block, Table> | ProtoTable;

export function readText(text: string, file: string, opts: ReaderSettings): LayoutDocument {
  try {
    return readConversion(text, file, opts);
  } catch (e) {
    throw asDocumentError(e, file);
  }
}

function readConversion(text: string, file: string, opts: ReaderSettings): LayoutDocument {
  const settings = opts.text;
  if (text.includes("\u0000")) throw new DocumentError("unsupported", file, "is binary data, not a text conversion");
  checkLineLength(text, opts.maxLineChars);
  // Columns aligned with spaces and form-feed pages: a layout conversion, read by its own reader.
  if (textStyle(text, settings) === "layout") return readLayoutText(text, file, opts);
  const rows = text.replace(/\r\n?/g, "\n").split("\n").map(pipeRowToTabs).join("\n");
  const pages = separateRunningLines(splitPages(rows, settings), settings);
  const perPage = pages.map((p) => pageBlocks(p));
  const messages: ReaderMessage[] = [];
  stitch(perPage, pages, settings.stitchMaxColumnRatio, messages);
  const blocks = pages.map((p, i) => finish(perPage[i] as ProtoBlock[], p.number, messages, opts));
  return textLayout(file, pages, blocks, messages, "blank lines or running headers");
}

/**
 * Refuses a line longer than `max` characters before any analysis: the readers
 * look at every character position of a line against the lines around it, so
 * a multi-megabyte line costs minutes and gigabytes. One linear pass.
 */
function checkLineLength(text: string, max: number): void {
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    if (end - start > max) throw new LimitError("maxLineChars", max, `a line of ${end - start} characters`);
    start = end + 1;
  }
}

const isTabLine = (line: string): boolean => line.includes("\t");

/**
 * A Markdown pipe-table row ("| N. | Fase | Gen |", as Markdown converters
 * write tables) as tab-separated fields, so both conversions read alike; its
 * "|---|:--:|" separator then reads as a rule line.
 */
function pipeRowToTabs(line: string): string {
  const m = /^\s*\|(.*)\|\s*$/.exec(line);
  if (!m || line.includes("\t")) return line;
  const fields = (m[1] as string).split(/(?<!\\)\|/).map((f) => f.trim().replace(/\\\|/g, "|"));
  return fields.length >= 2 ? fields.join("\t") : line;
}

/**
 * A line drawn with dashes (a converter's table border, "-----\t--\t---"):
 * no content, so it is dropped. A lone "-" (an empty field written as a dash) is content.
 */
const isRuleLine = (line: string): boolean => {
  const fields = line.split("\t").map((f) => f.trim());
  return fields.some((f) => f !== "") && fields.every((f) => f === "" || /^[-=_:+]{2,}$/.test(f)) && line.replace(/[^-=_]/g, "").length >= 3;
};

function pageBlocks(page: TextPage): ProtoBlock[] {
  const blocks: ProtoBlock[] = [];
  const textLines = (lines: string[]): void => {
    for (const piece of boldPieces(lines)) {
      for (const t of fieldLines(piece.text)) blocks.push({ kind: "line", text: t, page: page.number, bbox: null, fontSize: null, bold: piece.bold });
    }
  };
  for (const group of groups(page.lines.filter((l) => !isRuleLine(l)))) {
    const first = group.findIndex(isTabLine);
    if (first < 0) {
      textLines(group);
      continue;
    }
    let last = group.length - 1;
    while (!isTabLine(group[last] as string)) last--;
    textLines(group.slice(0, first));
    blocks.push({
      kind: "proto",
      rows: group.slice(first, last + 1).map((line) => ({ fields: isTabLine(line) ? splitFields(line) : line, page: page.number })),
    });
    textLines(group.slice(last + 1));
  }
  return blocks;
}

/**
 * Markdown-style bold (`**…**`, which some converters write for bold
 * paragraphs, even across lines or several on one line) → separate pieces with
 * a bold flag, the asterisks removed.
 */
function boldPieces(lines: string[]): { text: string; bold: boolean }[] {
  const out: { text: string; bold: boolean }[] = [];
  const total = lines.reduce((n, l) => n + (l.match(/\*\*/g)?.length ?? 0), 0);
  if (total % 2 !== 0) return lines.map((text) => ({ text, bold: false })); // unbalanced: not markup
  let bold = false;
  for (const line of lines) {
    line.split("**").forEach((part, i) => {
      if (i > 0) bold = !bold;
      if (part.trim() !== "") out.push({ text: part, bold });
    });
  }
  return out;
}

/** Runs of non-blank lines. */
function groups(lines: string[]): string[][] {
  const out: string[][] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (line.trim() === "") {
      if (current.length) out.push(current);
      current = [];
    } else current.push(line);
  }
  if (current.length) out.push(current);
  return out;
}

/** Tab fields, without the empty ones trailing at the end of the line. */
function splitFields(line: string): string[] {
  const fields = line.split("\t");
  while (fields.length > 1 && (fields[fields.length - 1] as string).trim() === "") fields.pop();
  return fields;
}

function width(t: ProtoTable): number {
  return t.rows.reduce((m, r) => Math.max(m, typeof r.fields === "string" ? 1 : r.fields.length), 0);
}

/**
 * Appends each page's opening table to the table that ended the page before
 * (a table can run over several pages). The table stays where it started; its
 * rows remember their pages.
 */
function stitch(perPage: ProtoBlock[][], pages: TextPage[], maxRatio: number, messages: ReaderMessage[]): void {
  stitchPages(
    perPage,
    (b): b is ProtoTable => b.kind === "proto",
    (open, head, i) => {
      // Rows lose their trailing empty fields, so a narrower continuation (a
      // "TOTALE | 100" row) fits; a much wider one is another table.
      if (width(head) > width(open) * maxRatio) return false;
      const repeated = repeatedRun(open.rows, head.rows, sameRow);
      if (repeated > 0) messages.push(droppedHeaderMessage(repeated, "row", pages[i]?.number ?? null, open, head.rows[repeated]!));
      open.rows.push(...head.rows.slice(repeated));
      return true;
    },
  );
}

function sameRow(a: ProtoTable["rows"][number], b: ProtoTable["rows"][number]): boolean {
  const norm = (f: string[] | string): string => (typeof f === "string" ? [f] : f).map((x) => x.trim().replace(/\s+/g, " ")).join("\t");
  const na = norm(a.fields);
  return na.replace(/\t/g, "") !== "" && na === norm(b.fields);
}

/** Balanced `**` bold markers in a cell go; the text stays. */
function stripBold(field: string): string {
  const n = field.match(/\*\*/g)?.length ?? 0;
  return n > 0 && n % 2 === 0 ? field.replace(/\*\*/g, "") : field;
}

function finish(blocks: ProtoBlock[], pageNumber: number, messages: ReaderMessage[], limits: TableLimits): Block[] {
  let n = 0;
  return blocks.map((b) => {
    if (b.kind !== "proto") return b;
    const cols = width(b);
    const rows: GridCellInput[][] = b.rows.map((r) =>
      typeof r.fields === "string"
        ? [{ text: fieldLines(stripBold(r.fields)).join("\n"), colSpan: cols }]
        : r.fields.map((f) => ({ text: fieldLines(stripBold(f)).join("\n") })),
    );
    const rowPages = b.rows.map((r) => r.page);
    const id = `p${pageNumber}-t${++n}`;
    placeDropped(b, id, b.rows);
    return textTable(id, pageNumber, rows, rowPages, [...new Set(rowPages)], messages, limits);
  });
}
