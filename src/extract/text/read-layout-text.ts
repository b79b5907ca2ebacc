/**
 * Reader for layout-preserving text conversions (`pdftotext -layout` and
 * the like): pages split at form feeds and numbered as the PDF's
 * (layout-pages.ts), running headers and footers set apart by repetition
 * (text-pages.ts), then on each page tables rebuilt from the columns their
 * lines share (layout-regions.ts finds where a table starts and ends,
 * layout-columns.ts its columns, layout-rows.ts its rows). Other lines are
 * text lines. A table that ends its page continues on the next page when
 * that page opens with a table repeating its header lines or with as many
 * columns; the repeated header lines are dropped, and a first row with
 * nothing in the first column is the rest of the row the page break cut.
 */
import type { Block, LayoutDocument, ReaderMessage, TextLine } from "../layout.js";
import type { ReaderSettings, TextSettings } from "../settings.js";
import type { GridCellInput, TableLimits } from "../common/grid.js";
import { collapse } from "../common/html-flow.js";
import { readerMessage } from "../common/pageless-document.js";
import { columnModel, type Column } from "./layout-columns.js";
import { isRuleLine, lineSegments } from "./layout-line.js";
import { splitLayoutPages } from "./layout-pages.js";
import { tableEnd, type RegionLine } from "./layout-regions.js";
import { buildRows, type LayoutRow, type RowLine, type RowOptions } from "./layout-rows.js";
import { separateRunningLines, textLayout } from "./text-pages.js";
import { droppedHeaderMessage, placeDropped, repeatedRun, stitchPages, textTable } from "./text-tables.js";

const SOURCE = "text-reader";

/** A table before its grid is built, so the next page can still continue it. */
interface ProtoTable {
  kind: "layout-proto";
  columns: Column[];
  /** Each line with its cells placed in columns (null cells: a rule line). */
  lines: RowLine[];
  /** Each line's text, spaces collapsed and lower-cased (repeated headers are found by it). */
  keys: string[];
  /** Each line's first character position (to line up a continuation's columns). */
  indents: number[];
  rows: LayoutRow[];
  rowOptions: RowOptions;
  pages: Set<number>;
}

type ProtoBlock = TextLine | ProtoTable;

export function readLayoutText(text: string, file: string, opts: ReaderSettings): LayoutDocument {
  const settings = opts.text;
  const pages = separateRunningLines(splitLayoutPages(text, settings), settings);
  const perPage = pages.map((p) => pageBlocks(p.lines, p.number, settings));
  const messages: ReaderMessage[] = [
    readerMessage(
      SOURCE,
      "LAYOUT_CONVERSION",
      "info",
      "read as a layout-preserving conversion (pdftotext -layout): pages are the PDF's, table cells hold the converter's visual lines",
    ),
  ];
  stitch(
    perPage,
    pages.map((p) => p.number),
    settings,
    messages,
  );
  const blocks = pages.map((p, i) => finish(perPage[i] as ProtoBlock[], p.number, messages, opts));
  return { ...textLayout(file, pages, blocks, messages, "blank lines, page numbers or running headers"), printed: true };
}

function pageBlocks(raw: string[], page: number, settings: TextSettings): ProtoBlock[] {
  const lines: RegionLine[] = raw.map((l) => {
    const rule = isRuleLine(l, settings);
    return { segments: rule ? [] : lineSegments(l, settings), rule, blank: l.trim() === "" };
  });
  const blocks: ProtoBlock[] = [];
  for (let i = 0; i < lines.length; ) {
    const line = lines[i] as RegionLine;
    if (line.blank || line.rule) {
      i++;
      continue;
    }
    if (line.segments.length >= 2) {
      const end = tableEnd(lines, i, settings);
      const table = protoTable(lines.slice(i, end), page, settings);
      if (table) {
        blocks.push(table);
        i = end;
        continue;
      }
    }
    blocks.push({ kind: "line", text: collapse(raw[i] as string), page, bbox: null, fontSize: null, bold: false });
    i++;
  }
  return blocks;
}

/** The table the lines make, or null when they make none (too few lines of cells, or one column). */
function protoTable(region: RegionLine[], page: number, settings: TextSettings): ProtoTable | null {
  const content = region.filter((l) => !l.blank);
  if (content.filter((l) => l.segments.length >= 2).length < settings.layoutMinTableLines) return null;
  const textLines = content.filter((l) => !l.rule);
  const model = columnModel(
    textLines.map((l) => l.segments),
    settings,
  );
  if (model.columns.length < 2) return null;
  let k = 0;
  const lines: RowLine[] = content.map((l) => ({ cells: l.rule ? null : (model.lines[k++] ?? []), page }));
  const rowOptions = { firstColumnStart: (model.columns[0] as Column).start, indent: settings.layoutIntrusion };
  // One row is a table too: a header whose rows are all on the next page, or a block of label cells.
  const rows = buildRows(lines, rowOptions);
  return {
    kind: "layout-proto",
    columns: model.columns,
    lines,
    keys: content.map((l) =>
      l.segments
        .map((s) => s.words.map((w) => w.text).join(" "))
        .join(" ")
        .toLowerCase(),
    ),
    indents: content.map((l) => l.segments[0]?.start ?? 0),
    rows,
    rowOptions,
    pages: new Set([page]),
  };
}

/**
 * Appends each page's opening table to the table that ended the page before
 * when it repeats that table's header lines or has as many columns.
 */
function stitch(perPage: ProtoBlock[][], numbers: number[], settings: TextSettings, messages: ReaderMessage[]): void {
  stitchPages(
    perPage,
    (b): b is ProtoTable => b.kind === "layout-proto",
    (open, head, i) => {
      const repeated = repeatedRun(open.keys, head.keys, (a, b) => a !== "" && a === b);
      const rows = buildRows(head.lines.slice(repeated), head.rowOptions);
      const ratio = settings.stitchMaxColumnRatio;
      const sameShape =
        head.columns.length === open.columns.length ||
        (rows[0]?.opensBlank === true && head.columns.length <= open.columns.length * ratio && open.columns.length <= head.columns.length * ratio);
      if (rows.length === 0 || (repeated === 0 && !sameShape)) return false;
      // The row the page's rows begin with: the first appended, or the open table's last when the first continues it.
      const at = continueTable(open, head, rows, repeated);
      if (repeated > 0) messages.push(droppedHeaderMessage(repeated, "line", numbers[i] ?? null, open, at));
      return true;
    },
  );
}

/** Appends the continuation's rows to `open`; returns the row its first one went into. */
function continueTable(open: ProtoTable, head: ProtoTable, rows: LayoutRow[], repeated: number): LayoutRow {
  // Pages need not place the columns at the same characters: line the repeated header up.
  const shifts = Array.from({ length: repeated }, (_, n) => {
    const at = open.keys.indexOf(head.keys[n] as string);
    return at < 0 ? 0 : (open.indents[at] as number) - (head.indents[n] as number);
  });
  const shift = shifts.length > 0 ? (shifts.sort((a, b) => a - b)[Math.floor(shifts.length / 2)] as number) : 0;
  const map = head.columns.map((c, j) => (head.columns.length === open.columns.length ? j : matchColumn(c, shift, open.columns)));
  const mapped = rows.map((r) => ({
    ...r,
    cells: r.cells.map((c) => {
      const col = map[c.col] as number;
      const last = map[c.col + c.span - 1] as number;
      return { col, span: Math.max(1, last - col + 1), rowSpan: c.rowSpan, lines: [...c.lines] };
    }),
  }));
  const first = mapped[0];
  const target = open.rows[open.rows.length - 1];
  let at: LayoutRow = first!;
  if (first?.opensBlank && target) {
    at = target;
    for (const c of first.cells) {
      const at = target.cells.find((x) => x.col === c.col);
      if (at) at.lines.push(...c.lines);
      else target.cells.push(c);
    }
    target.cells.sort((a, b) => a.col - b.col);
    mapped.shift();
  }
  open.rows.push(...mapped);
  for (const l of head.lines) open.pages.add(l.page);
  return at;
}

function matchColumn(c: Column, shift: number, columns: Column[]): number {
  const start = c.start + shift;
  const end = c.end + shift;
  let best = 0;
  let bestScore = -Infinity;
  columns.forEach((o, i) => {
    const score = Math.min(end, o.end) - Math.max(start, o.start);
    if (score > bestScore) [best, bestScore] = [i, score];
  });
  return best;
}

function finish(blocks: ProtoBlock[], pageNumber: number, messages: ReaderMessage[], limits: TableLimits): Block[] {
  let n = 0;
  return blocks.map((b) => {
    if (b.kind !== "layout-proto") return b;
    const holdsText = (r: LayoutRow) => r.cells.some((c) => c.lines.some((l) => l.trim() !== ""));
    const rows = b.rows.filter(holdsText);
    const input: GridCellInput[][] = rows.map((r) => r.cells.map((c) => ({ text: c.lines.join("\n"), colSpan: c.span, rowSpan: c.rowSpan, col: c.col })));
    const pages = [...b.pages].sort((x, y) => x - y);
    const id = `p${pageNumber}-t${++n}`;
    placeDropped(b, id, b.rows, holdsText);
    return textTable(
      id,
      pageNumber,
      input,
      rows.map((r) => r.page),
      pages,
      messages,
      limits,
      b.columns.length,
    );
  });
}
