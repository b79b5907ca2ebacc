/**
 * Turns raw page geometry into the layout model: running headers/footers out,
 * ruled (lattice) tables, then borderless (stream) tables, then text lines;
 * tables continued across page breaks are stitched; blocks in reading order.
 */
import type { Block, Cell, LayoutDocument, LayoutPage, ReaderMessage, Table, TextLine } from "../layout.js";
import { placeOf } from "../reader-message.js";
import type { PdfSettings } from "../settings.js";
import { fillGrid } from "./fill-cells.js";
import { latticeSteps, type GridTable, type LatticeSteps } from "./lattice.js";
import { mergeRulings, type MergedRulings } from "./merge-rulings.js";
import { round2, roundBox, type Word } from "./page-model.js";
import { holeMessage, type PageTable } from "./page-table.js";
import type { RawPage } from "./read-page.js";
import { findRunningLines } from "./running-lines.js";
import { stitchTables, type PageLead } from "./stitch-tables.js";
import { findStreamTables } from "./stream-tables.js";
import { refineGrid } from "./refine-grids.js";
import { checkboxWords } from "./checkbox-marks.js";
import { turnUpright } from "./turn-page.js";
import { splitPageColumns } from "./page-columns.js";
import type { PageTrace } from "./table-trace.js";
import { splitSegments, wordsToLines, type Line } from "./text-lines.js";

const SOURCE = "pdf";

interface PageWork {
  raw: RawPage;
  header: string[];
  footer: string[];
  /** Body limits: below the header, above the footer. */
  bodyTop: number;
  bodyBottom: number;
  tables: PageTable[];
  lines: Line[];
  lead?: PageLead;
}

/**
 * `traces`, when given, receives each page's table-finding steps (table-trace.ts),
 * in page order; the layout is the same with or without it.
 */
export function assembleLayout(read: RawPage[], messages: ReaderMessage[], s: PdfSettings, traces?: PageTrace[]): LayoutDocument {
  const raws = read.map((r) => turnUpright(r, s));
  const merged = raws.map((r) => mergeRulings(r.graphics.rulings, s));
  const steps = raws.map((r, i) => pageGrids(r, merged[i]!, messages, s));
  const allGrids = steps.map((st) => st?.grids ?? []);
  // One-cell boxes are framed paragraphs, not tables (but see leadBox).
  const grids = allGrids.map((gs) => gs.filter((g) => g.cells.length >= 2));
  // Running headers/footers are sought among words outside body tables, so a
  // table's repeated heading row at the top of every continuation page stays
  // in its table; a table lying wholly in a margin band (a letterhead) counts.
  const candidates = raws.map((r, i) => {
    const body = grids[i]!.filter((g) => g.bbox.y1 > r.height * s.marginBand && g.bbox.y0 < r.height * (1 - s.marginBand));
    return wordsToLines(
      r.words.filter((w) => !body.some((g) => insideBox(w, g.bbox))),
      s,
    );
  });
  const running = findRunningLines(
    raws.map((r, i) => ({ height: r.height, lines: candidates[i]! })),
    s,
  );
  const work: PageWork[] = raws.map((raw, i) => {
    const run = running[i]!;
    const skip = new Set<Word>([...run.header, ...run.footer].flatMap((l) => l.words));
    const body = raw.words.filter((w) => !skip.has(w));
    const words = [...body, ...checkboxWords(allGrids[i]!, body, raw.graphics, s)];
    const bodyTop = run.header.length ? Math.max(...run.header.map((l) => l.bottom)) : 0;
    const bodyBottom = run.footer.length ? Math.min(...run.footer.map((l) => l.top)) : raw.height;
    const { tables, rest } = pageTables(raw, grids[i]!, words, messages, s);
    const stream = streamTablesByColumn(rest, raw.number, s, merged[i]!.h);
    for (const t of stream.tables) paintStreamTable(t, raw, s);
    const lead = leadBox(raw, allGrids[i]!, words, s);
    return {
      raw,
      header: run.header.map((l) => l.text),
      footer: run.footer.map((l) => l.text),
      bodyTop,
      bodyBottom,
      tables: [...tables, ...stream.tables],
      lines: stream.rest,
      ...(lead ? { lead } : {}),
    };
  });
  // Lines and tables hold every body word (header/footer words were taken out);
  // counted before stitching, which may move a lead box's lines into a table.
  const bodyless = work.map((w) => w.lines.length + w.tables.length === 0);
  if (traces) work.forEach((w, i) => traces.push(pageTrace(w.raw, steps[i]!, w.tables)));
  const stitched = stitchTables(work, s, (into, folded) => {
    const moved = tableMessages.get(folded);
    if (moved) tableMessages.set(into, [...(tableMessages.get(into) ?? []), ...moved]);
  });
  const pages: LayoutPage[] = work.map((w, i) => {
    const tables = stitched[i]!;
    const blocks: { top: number; block: Block }[] = [];
    tables.forEach((t, n) => blocks.push({ top: t.bbox.y0, block: toTable(t, n + 1) }));
    for (const l of w.lines) for (const seg of splitSegments(l, s)) blocks.push({ top: seg.top, block: toLine(seg, w.raw.number) });
    blocks.sort((a, b) => a.top - b.top);
    return {
      number: w.raw.number,
      width: round2(w.raw.width),
      height: round2(w.raw.height),
      header: w.header,
      footer: w.footer,
      blocks: blocks.map((b) => b.block),
    };
  });
  noteTextless(raws, bodyless, messages);
  return { format: "pdf", pageCount: raws.length, pages, messages };
}

/**
 * Borderless tables sought in each page column on its own (page-columns.ts);
 * inside a column of prose a table of two columns is taken too.
 */
function streamTablesByColumn(words: Word[], page: number, s: PdfSettings, rules: MergedRulings["h"]): { tables: PageTable[]; rest: Line[] } {
  const groups = splitPageColumns(words, s);
  if (groups.length === 1) return findStreamTables(wordsToLines(words, s), page, s, rules);
  const tables: PageTable[] = [];
  const rest: Line[] = [];
  for (const g of groups) {
    const found = findStreamTables(wordsToLines(g, s), page, s, rules, { twoColumns: true });
    tables.push(...found.tables);
    rest.push(...found.rest);
  }
  return { tables, rest: rest.sort((a, b) => a.top - b.top || a.x0 - b.x0) };
}

function insideBox(w: Word, b: { x0: number; y0: number; x1: number; y1: number }): boolean {
  const cx = (w.x0 + w.x1) / 2,
    cy = (w.top + w.bottom) / 2;
  return cx >= b.x0 && cx <= b.x1 && cy >= b.y0 && cy <= b.y1;
}

/** Ruled grids of a page (one-cell boxes included) and the steps that found them; null on a page that is a drawing. */
function pageGrids(raw: RawPage, merged: MergedRulings, messages: ReaderMessage[], s: PdfSettings): LatticeSteps | null {
  if (merged.h.length + merged.v.length > s.maxRulings) {
    messages.push({
      code: "TABLE_SKIPPED",
      severity: "warning",
      reason: `page has ${merged.h.length + merged.v.length} ruling lines (more than ${s.maxRulings}): read as a drawing, no ruled tables sought`,
      page: raw.number,
      table: null,
      source: SOURCE,
    });
    return null;
  }
  return latticeSteps(merged, s);
}

/** A page's table-finding steps, taken before stitching moves rows between pages. */
function pageTrace(raw: RawPage, steps: LatticeSteps | null, tables: PageTable[]): PageTrace {
  return {
    page: raw.number,
    width: raw.width,
    height: raw.height,
    rulings: raw.graphics.rulings,
    merged: steps ? [...steps.closed.h, ...steps.closed.v] : [],
    intersections: steps?.intersections ?? [],
    cells: steps?.cells ?? [],
    grids: steps?.grids.map((g) => g.bbox) ?? [],
    words: raw.words,
    textColumns: tables.filter((t) => t.method === "stream").map((t) => ({ bbox: t.bbox, colX: t.colX })),
    fills: raw.graphics.fills,
    diagonals: raw.graphics.diagonals,
    tables: tables.map((t) => ({ method: t.method, bbox: t.bbox, rows: t.rows, cols: t.cols, cells: t.cells.flatMap((c) => (c.bbox ? [c.bbox] : [])) })),
  };
}

/**
 * The page's topmost one-cell box holding text, when it lies above every
 * table grid: a table's last row that moved alone to this page is drawn so.
 * Its words stay in the page's lines unless stitching makes it a row.
 */
function leadBox(raw: RawPage, grids: GridTable[], words: Word[], s: PdfSettings): PageLead | undefined {
  const top = grids.reduce<GridTable | undefined>((a, g) => (a && a.bbox.y0 <= g.bbox.y0 ? a : g), undefined);
  if (!top || top.cells.length !== 1 || grids.some((g) => g !== top && g.bbox.y0 < top.bbox.y1)) return undefined;
  const filled = fillGrid(top, words, raw.graphics, raw.number, s);
  if (filled.used.size === 0) return undefined;
  const table = latticeTable(top, filled.cells, raw.number, 1, 1);
  return { table, words: new Set([...filled.used].map((k) => words[k]!)) };
}

/** A ruled grid of one page, filled, as a page table (open edges kept for stitching). */
function latticeTable(g: GridTable, cells: PageTable["cells"], page: number, rows: number, cols: number): PageTable {
  return {
    method: "lattice",
    page,
    pages: [page],
    bbox: g.bbox,
    colX: g.colX,
    rows,
    cols,
    rowPages: new Array<number>(rows).fill(page),
    cells,
    ...(g.openBottom ? { openBottom: true } : {}),
    ...(g.openTop ? { openTop: true } : {}),
  };
}

function pageTables(raw: RawPage, grids: GridTable[], words: Word[], messages: ReaderMessage[], s: PdfSettings): { tables: PageTable[]; rest: Word[] } {
  const used = new Set<number>();
  const tables: PageTable[] = [];
  const marks = [
    ...raw.graphics.dots,
    ...raw.graphics.diagonals.map((d) => ({ x0: Math.min(d.x0, d.x1), y0: Math.min(d.y0, d.y1), x1: Math.max(d.x0, d.x1), y1: Math.max(d.y0, d.y1) })),
  ];
  for (const ruled of grids) {
    const g = refineGrid(ruled, words, marks, grids, s);
    const filled = fillGrid(g, words, raw.graphics, raw.number, s);
    for (const i of filled.used) used.add(i);
    const rows = g.rowY.length - 1;
    const table = latticeTable(g, filled.cells, raw.number, rows, g.colX.length - 1);
    if (g.holes > 0) {
      const m: ReaderMessage = {
        code: "TABLE_GRID_OPEN",
        severity: "warning",
        reason: `a ruled table's grid could not be closed: ${g.holes} of ${rows * (g.colX.length - 1)} positions have no ruled cell and were filled with empty cells`,
        page: raw.number,
        table: null,
        source: SOURCE,
      };
      pushFor(table, messages, m);
      g.cells.forEach((c, i) => c.hole && holeMessage.set(table.cells[i]!, m));
    }
    tables.push(table);
  }
  return { tables, rest: words.filter((_, i) => !used.has(i)) };
}

/** Borderless tables get shading and drawn marks the same way ruled ones do. */
function paintStreamTable(t: PageTable, raw: RawPage, s: PdfSettings): void {
  const g = raw.graphics;
  if (g.fills.length === 0 && g.diagonals.length === 0 && g.dots.length === 0) return;
  const rowY: number[] = [];
  for (let r = 0; r < t.rows; r++) rowY.push(t.cells.find((c) => c.row === r)!.bbox!.y0);
  rowY.push(t.cells.find((c) => c.row === t.rows - 1)!.bbox!.y1);
  const grid: GridTable = {
    bbox: t.bbox,
    colX: t.colX,
    rowY,
    cells: t.cells.map((c) => ({ row: c.row, col: c.col, rowSpan: c.rowSpan, colSpan: c.colSpan, bbox: c.bbox! })),
    holes: 0,
  };
  const painted = fillGrid(grid, [], g, raw.number, s).cells;
  t.cells = t.cells.map((c, i) => ({ ...c, shaded: painted[i]!.shaded, fill: painted[i]!.fill, marked: painted[i]!.marked }));
}

/** Messages about a table get its id once tables are numbered (after stitching). */
const tableMessages = new WeakMap<PageTable, ReaderMessage[]>();

function pushFor(t: PageTable, messages: ReaderMessage[], m: ReaderMessage): void {
  messages.push(m);
  const list = tableMessages.get(t) ?? [];
  list.push(m);
  tableMessages.set(t, list);
}

function toTable(t: PageTable, n: number): Table {
  const id = `p${t.page}-t${n}`;
  for (const m of tableMessages.get(t) ?? []) m.table = id;
  // An open grid's place: the row and column its hole-closing cells share, where they ended after stitching.
  const holes = new Map<ReaderMessage, Cell[]>();
  for (const c of t.cells) {
    const m = holeMessage.get(c);
    if (!m) continue;
    const cells = holes.get(m);
    if (cells) cells.push(c);
    else holes.set(m, [c]);
  }
  for (const [m, cells] of holes) Object.assign(m, placeOf(cells));
  return {
    kind: "table",
    id,
    method: t.method,
    page: t.page,
    pages: t.pages,
    bbox: roundBox(t.bbox),
    rows: t.rows,
    cols: t.cols,
    rowPages: t.rowPages,
    cells: t.cells,
  };
}

function toLine(l: Line, page: number): TextLine {
  return {
    kind: "line",
    text: l.text,
    page,
    bbox: roundBox({ x0: l.x0, y0: l.top, x1: l.x1, y1: l.bottom }),
    fontSize: round2(l.size),
    bold: l.bold,
  };
}

/**
 * Pages whose body has no text: a scanned image (only running headers/footers,
 * if any, are text) or, when the whole document has no text, every page.
 * An intentionally blank page (no image) is not flagged. When every page's body
 * is textless the document is a scan: an error per page. One image-only page
 * in a document with text (a scanned annex, a signed sheet) is a warning for
 * that page only: the rest of the document reads.
 */
function noteTextless(raws: RawPage[], bodyless: boolean[], messages: ReaderMessage[]): void {
  const wholeDoc = raws.every((r) => r.words.length === 0);
  const scanned = bodyless.every((b) => b);
  raws.forEach((r, i) => {
    if (!bodyless[i]) return;
    if (messages.some((m) => m.page === r.number && m.code === "UNREADABLE")) return;
    if (!wholeDoc && r.graphics.imageCount === 0) return;
    messages.push(
      scanned
        ? {
            code: "UNREADABLE",
            severity: "error",
            reason: r.graphics.imageCount > 0 ? "page has no text layer in its body, only images (scanned? OCR it first)" : "page has no text",
            page: r.number,
            table: null,
            source: SOURCE,
          }
        : {
            code: "UNREADABLE",
            severity: "warning",
            reason: `pagina ${r.number}: solo immagine, nessun testo leggibile (scansione?)`,
            page: r.number,
            table: null,
            source: SOURCE,
          },
    );
  });
}
