/**
 * HTML reader (cheerio/parse5): the body in document order becomes text lines
 * and tables. HTML has no pages, so everything sits on one page numbered null.
 *
 * Tables: rows × cols through the shared grid builder; a cell's paragraphs, list
 * items and <br> lines are joined by "\n"; fills come from `background`,
 * `background-color` or `bgcolor` on the cell (or its row, row group or table). A nested table is
 * emitted as its own table right after the one containing it (the outer cell
 * keeps its own text); a table of one single cell is a layout wrapper and is
 * read as running text. Header/footer regions that exporters mark as such
 * (LibreOffice `<div title="header">`, Word `mso-element:header`) go to the
 * page's header/footer instead of the blocks.
 */
import type { AnyNode, Element } from "domhandler";
import type { Block, LayoutDocument, ReaderMessage } from "../layout.js";
import type { ReaderSettings } from "../settings.js";
import { DocumentError } from "../../shared/errors.js";
import { buildGrid, flowTable, type GridCellInput } from "../common/grid.js";
import { cssBackground, visibleFill } from "../common/colour.js";
import { LineCollector, PLAIN, walkChildren, type FlowOptions, type Intercept } from "../common/html-flow.js";
import { checkMarkupDepth } from "../common/markup-depth.js";
import { loadHtml } from "../common/markup-dom.js";
import { asDocumentError, checkLimit } from "../common/limits.js";
import type { ReaderLimits } from "../settings.js";
import { StyleSheet } from "../common/style-sheet.js";
import { pagelessDocument, readerMessage } from "../common/pageless-document.js";
import { placeOf } from "../reader-message.js";
import { scannedPageImages } from "./page-images.js";

const SOURCE = "html-reader";

export function readHtml(text: string, file: string, opts: ReaderSettings): LayoutDocument {
  try {
    return readMarkup(text, file, opts);
  } catch (e) {
    throw asDocumentError(e, file);
  }
}

function readMarkup(text: string, file: string, opts: ReaderSettings): LayoutDocument {
  // Before parsing: the tree takes some 30 times the text in memory, parse5 is quadratic in nesting depth, and the walk below recurses.
  checkLimit(opts, "maxMarkupChars", text.length, () => `an HTML document of ${text.length} characters`);
  checkMarkupDepth(text, "html", opts.maxNestingDepth);
  const $ = loadHtml(text);
  const root = $("body")[0] ?? $.root()[0];
  if (!root) throw new DocumentError("empty", file, "has no HTML body");
  const sheet = StyleSheet.parse(
    $("style")
      .toArray()
      .map((el) => $(el).text()),
  );
  const state = new HtmlState(sheet, opts);
  state.readFlow(root as AnyNode);
  const messages = [...state.messages, ...scannedPageImages($, opts.html.scannedImageShare, SOURCE)];
  // Exporters put the document's title (often "Comune di … – Piano …") in <title>, where a printed
  // page would carry a running header: it names the body when the page text does not.
  const title = $("head > title").first().text().replace(/\s+/g, " ").trim();
  const header = title !== "" && !state.header.includes(title) ? [...state.header, title] : state.header;
  return pagelessDocument("html", file, state.blocks, header, state.footer, messages);
}

class HtmlState {
  blocks: Block[] = [];
  header: string[] = [];
  footer: string[] = [];
  messages: ReaderMessage[] = [];
  private tableCount = 0;

  private readonly flow: FlowOptions;

  constructor(
    private readonly sheet: StyleSheet,
    private readonly limits: ReaderLimits,
  ) {
    this.flow = { sheet, maxDepth: limits.maxNestingDepth };
  }

  /** Running text and tables under `node`, appended to the blocks. */
  readFlow(node: AnyNode): void {
    const lines = new LineCollector();
    const flush = (): void => {
      for (const l of lines.take()) {
        this.blocks.push({ kind: "line", text: l.text, page: null, bbox: null, fontSize: l.fontSize, bold: l.bold });
      }
    };
    const intercept: Intercept = (el) => {
      const region = regionOf(el, this.sheet);
      if (region) {
        flush();
        const collector = new LineCollector();
        walkChildren(el, PLAIN, collector, this.flow);
        for (const l of collector.take()) this[region].push(l.text);
        return true;
      }
      if (el.name === "table") {
        flush();
        this.readTable(el);
        return true;
      }
      return false;
    };
    walkChildren(node, PLAIN, lines, { ...this.flow, intercept });
    flush();
  }

  private readTable(table: Element): void {
    const trs = tableRows(table);
    const cellEls = trs.flatMap((tr) => cellsOf(tr));
    if (cellEls.length === 1) {
      // A one-cell table only frames its content (layout wrapper): read it as text.
      this.readFlow(cellEls[0] as Element);
      return;
    }
    const nested: Element[] = [];
    // Backgrounds show through from the table and its row groups to the rows and cells, as a browser paints them.
    const tableBackground = elementBackground(table, this.sheet);
    const rows: GridCellInput[][] = trs.map((tr) => {
      const group = tr.parent?.type === "tag" && ROW_GROUPS.has(tr.parent.name) ? tr.parent : null;
      const rowBackground = elementBackground(tr, this.sheet) ?? (group ? elementBackground(group, this.sheet) : undefined) ?? tableBackground;
      return cellsOf(tr).map((td) => ({
        text: cellText(td, nested, this.flow),
        rowSpan: spanAttr(td.attribs["rowspan"], 1),
        colSpan: spanAttr(td.attribs["colspan"], 1),
        fill: visibleFill(elementBackground(td, this.sheet) ?? rowBackground),
      }));
    });
    const caption = childrenNamed(table, "caption")[0];
    if (caption) this.readFlow(caption);
    const grid = buildGrid(rows, [], 0, this.limits);
    const block = flowTable(grid, "html", () => `t${++this.tableCount}`);
    if (block) {
      const id = block.id;
      this.blocks.push(block);
      if (grid.clippedSpans > 0) {
        this.messages.push(
          readerMessage(
            SOURCE,
            "TABLE_SPANS_OVERLAP",
            "warning",
            `${grid.clippedSpans} cell span(s) overlapped other cells and were shortened; cell merging may be incorrect`,
            id,
            null,
            placeOf(grid.clipped),
          ),
        );
      }
    }
    for (const inner of nested) this.readTable(inner);
  }
}

/** "header"/"footer" for regions exporters mark as running header/footer. */
function regionOf(el: Element, sheet: StyleSheet): "header" | "footer" | null {
  const title = el.attribs["title"]?.toLowerCase();
  if (el.name === "div" && (title === "header" || title === "footer")) return title;
  const mso = sheet.declarations(el).get("mso-element")?.toLowerCase();
  if (mso === "header" || mso === "footer") return mso;
  return null;
}

/** The table's own rows (not those of nested tables), in document order. */
function tableRows(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of elementChildren(table)) {
    if (child.name === "tr") rows.push(child);
    else if (child.name === "thead" || child.name === "tbody" || child.name === "tfoot") {
      for (const tr of childrenNamed(child, "tr")) rows.push(tr);
    }
  }
  return rows.filter((tr) => !isSpacerRow(tr));
}

/**
 * Word's "Save as HTML" ends tables whose columns do not line up with a
 * zero-height row of empty cells (inside `<![if !supportMisalignedColumns]>`)
 * that only fixes column widths: not content.
 */
function isSpacerRow(tr: Element): boolean {
  if (tr.attribs["height"]?.trim() !== "0") return false;
  return cellsOf(tr).every((td) => td.children.every((c) => c.type !== "text" || c.data.trim() === "") && !td.children.some((c) => c.type === "tag"));
}

const ROW_GROUPS = new Set(["thead", "tbody", "tfoot"]);

function cellsOf(tr: Element): Element[] {
  return elementChildren(tr).filter((c) => c.name === "td" || c.name === "th");
}

function elementChildren(el: Element): Element[] {
  return el.children.filter((c): c is Element => c.type === "tag");
}

function childrenNamed(el: Element, name: string): Element[] {
  return elementChildren(el).filter((c) => c.name === name);
}

/** Cell text, lines joined by "\n"; nested tables are set aside for later. */
function cellText(td: Element, nested: Element[], flow: FlowOptions): string {
  const lines = new LineCollector();
  const style = td.name === "th" ? { bold: true, size: null } : PLAIN;
  const intercept: Intercept = (el) => {
    if (el.name !== "table") return false;
    nested.push(el);
    lines.breakLine();
    return true;
  };
  walkChildren(td, style, lines, { ...flow, intercept });
  return lines
    .take()
    .map((l) => l.text)
    .join("\n");
}

/** A cell's or row's own background (white included; undefined lets the row's show through). */
function elementBackground(el: Element, sheet: StyleSheet): string | undefined {
  const decls = sheet.declarations(el);
  return cssBackground(decls.get("background-color")) ?? cssBackground(decls.get("background")) ?? cssBackground(el.attribs["bgcolor"]);
}

function spanAttr(v: string | undefined, fallback: number): number {
  if (v === undefined) return fallback;
  const n = parseInt(v.trim(), 10);
  return Number.isFinite(n) && n >= 0 ? n : fallback;
}
