/**
 * WordprocessingML content → lines and tables, in document order (ECMA-376
 * part 1, §17.3 paragraphs and runs, §17.4 tables). Content controls (w:sdt),
 * custom XML, insertions and hyperlinks are read through; deletions, field
 * instructions and hidden (w:vanish) runs are not. Text boxes are read after the
 * paragraph that anchors them. For mc:AlternateContent only the first choice is
 * read (the fallback repeats the same text in VML).
 */
import type { AnyNode, Element } from "domhandler";
import { LineCollector, type FlowLine } from "../common/html-flow.js";
import { ooxmlShading } from "../common/colour.js";
import type { GridCellInput } from "../common/grid.js";
import { runProps, type DocxStyles } from "./docx-styles.js";
import type { Names } from "./ooxml.js";

export interface DocxContext {
  w: Names;
  mc: Names;
  styles: DocxStyles;
  /** Text of hidden runs, kept aside (not in the layout) for the coverage check. */
  hidden: string[];
}

export interface BlockSink {
  line(line: FlowLine): void;
  table(tbl: Element): void;
}

/** Elements whose children are read as if they were in place. */
const TRANSPARENT_INLINE = new Set(["hyperlink", "ins", "moveTo", "smartTag", "customXml", "fldSimple", "sdt", "sdtContent", "dir", "bdo"]);
const TRANSPARENT_BLOCK = new Set(["sdt", "sdtContent", "customXml", "ins", "moveTo"]);

/**
 * Wingdings/Symbol code points that plans use as marks (Word stores them as
 * w:sym with a private-use code): ticks, crosses, boxes, bullets.
 */
const SYMBOLS: Record<string, string> = {
  F0FC: "✓", F0FB: "✗", F0FD: "☒", F0FE: "☑", F0A8: "☐", F06F: "☐", F078: "☒",
  F06C: "●", F06E: "■", F0A7: "▪", F0B7: "•", F09F: "•", F0D8: "➢", F0E0: "→",
};

/** Reads the block-level children of a body, cell, header, footer or text box. */
export function readBlocks(ctx: DocxContext, container: Element, sink: BlockSink): void {
  for (const child of container.children) {
    if (child.type !== "tag") continue;
    const local = ctx.w.local(child);
    if (local === "p") readParagraph(ctx, child, sink);
    else if (local === "tbl") sink.table(child);
    else if (local !== null && TRANSPARENT_BLOCK.has(local)) readBlocks(ctx, child, sink);
    else if (ctx.mc.is(child, "AlternateContent")) {
      const choice = firstChoice(ctx, child);
      if (choice) readBlocks(ctx, choice, sink);
    }
  }
}

function readParagraph(ctx: DocxContext, p: Element, sink: BlockSink): void {
  const { w } = ctx;
  const pPr = w.child(p, "pPr");
  const base = ctx.styles.paragraph(w.attr(w.child(pPr, "pStyle"), "val"));
  const out = new LineCollector();
  const floating: Element[] = [];
  readInline(ctx, p, base, out, floating);
  for (const line of out.take()) sink.line(line);
  for (const box of floating) readBlocks(ctx, box, sink);
}

function readInline(ctx: DocxContext, node: Element, base: Style, out: LineCollector, floating: Element[]): void {
  for (const child of node.children) {
    if (child.type !== "tag") continue;
    const local = ctx.w.local(child);
    if (local === "r") readRun(ctx, child, base, out, floating);
    else if (local !== null && TRANSPARENT_INLINE.has(local)) readInline(ctx, child, base, out, floating);
    else if (ctx.mc.is(child, "AlternateContent")) {
      const choice = firstChoice(ctx, child);
      if (choice) readInline(ctx, choice, base, out, floating);
    }
  }
}

interface Style {
  bold: boolean;
  size: number | null;
}

function readRun(ctx: DocxContext, r: Element, base: Style, out: LineCollector, floating: Element[]): void {
  const { w } = ctx;
  const rPr = w.child(r, "rPr");
  if (w.flag(rPr, "vanish") || w.flag(rPr, "webHidden")) {
    ctx.hidden.push(w.children(r, "t").map(textOf).join(" "));
    return;
  }
  const own = runProps(w, rPr);
  const charStyle = ctx.styles.resolve(w.attr(w.child(rPr, "rStyle"), "val"));
  const style: Style = {
    bold: own.bold ?? charStyle.bold ?? base.bold,
    size: own.size ?? charStyle.size ?? base.size,
  };
  readRunContent(ctx, r, style, out, floating);
}

function readRunContent(ctx: DocxContext, r: Element, style: Style, out: LineCollector, floating: Element[]): void {
  const { w } = ctx;
  for (const child of r.children) {
    if (child.type !== "tag") continue;
    if (ctx.mc.is(child, "AlternateContent")) {
      const choice = firstChoice(ctx, child);
      if (choice) readRunContent(ctx, choice, style, out, floating);
      continue;
    }
    switch (w.local(child)) {
      case "t":
        out.add(textOf(child), style);
        break;
      case "tab":
      case "ptab":
        out.add(" ", style);
        break;
      case "br":
      case "cr":
        out.breakLine();
        break;
      case "noBreakHyphen":
        out.add("-", style);
        break;
      case "sym": {
        const code = (w.attr(child, "char") ?? "").toUpperCase().replace(/^F0|^/, "F0").slice(-4);
        const mapped = SYMBOLS[code];
        if (mapped !== undefined) out.add(mapped, style);
        else if (/^[0-9A-F]{4}$/.test(code)) out.add(String.fromCodePoint(parseInt(code, 16)), style);
        break;
      }
      case "drawing":
      case "pict":
      case "object":
        collectTextBoxes(ctx, child, floating);
        break;
    }
  }
}

function textOf(el: Element): string {
  return el.children.map((c) => (c.type === "text" ? c.data : "")).join("");
}

function collectTextBoxes(ctx: DocxContext, node: AnyNode, found: Element[]): void {
  if (node.type !== "tag") return;
  if (ctx.w.is(node, "txbxContent")) {
    found.push(node);
    return;
  }
  if (ctx.mc.is(node, "AlternateContent")) {
    const choice = firstChoice(ctx, node);
    if (choice) collectTextBoxes(ctx, choice, found);
    return;
  }
  for (const c of node.children) collectTextBoxes(ctx, c, found);
}

function firstChoice(ctx: DocxContext, alt: Element): Element | undefined {
  return ctx.mc.child(alt, "Choice") ?? ctx.mc.child(alt, "Fallback");
}

export interface DocxTableRows {
  rows: GridCellInput[][];
  /** Cells that continue a vertical merge nobody started. */
  orphanMerges: number;
}

/**
 * A w:tbl's rows as grid input: w:gridSpan → colSpan, w:vMerge restart/continue
 * → rowSpan of the restarting cell (§17.4.85), w:gridBefore → start column,
 * w:shd on the cell (or on all its paragraphs, or on the table) → fill.
 * Nested tables found in cells are appended to `nested`.
 */
export function readTableRows(ctx: DocxContext, tbl: Element, nested: Element[]): DocxTableRows {
  const { w } = ctx;
  const tableFill = shading(ctx, w.child(w.child(tbl, "tblPr"), "shd"));
  const open = new Map<number, GridCellInput>();
  const rows: GridCellInput[][] = [];
  let orphanMerges = 0;
  for (const tr of transparentChildren(ctx, tbl, "tr")) {
    // w:tblHeader rows repeat on every printed page in Word; the XML holds them once, so nothing to undo here.
    const trPr = w.child(tr, "trPr");
    let col = Math.max(0, w.int(trPr, "gridBefore") ?? 0);
    const row: GridCellInput[] = [];
    const continued = new Set<number>();
    for (const tc of transparentChildren(ctx, tr, "tc")) {
      const tcPr = w.child(tc, "tcPr");
      const span = Math.max(1, w.int(tcPr, "gridSpan") ?? 1);
      const text = cellText(ctx, tc, nested);
      const hMerge = w.child(tcPr, "hMerge");
      const last = row[row.length - 1];
      if (hMerge && w.attr(hMerge, "val") !== "restart" && last) {
        // Legacy horizontal merge: this cell widens the one before it.
        last.colSpan = (last.colSpan ?? 1) + span;
        if (text) last.text = last.text ? `${last.text}\n${text}` : text;
        col += span;
        continue;
      }
      const vMergeEl = w.child(tcPr, "vMerge");
      const vMerge = vMergeEl ? (w.attr(vMergeEl, "val") ?? "continue") : null;
      const anchor = open.get(col);
      if (vMerge === "continue" && anchor && (anchor.colSpan ?? 1) === span) {
        anchor.rowSpan = (anchor.rowSpan ?? 1) + 1;
        if (text) anchor.text = anchor.text ? `${anchor.text}\n${text}` : text;
        continued.add(col);
        col += span;
        continue;
      }
      if (vMerge === "continue") orphanMerges++;
      const cell: GridCellInput = {
        text,
        colSpan: span,
        rowSpan: 1,
        col,
        // A cell's own w:shd (even white) overrides the table's; paragraph shading fills an unshaded cell.
        fill: w.child(tcPr, "shd") ? shading(ctx, w.child(tcPr, "shd")) : (paragraphShading(ctx, tc) ?? tableFill),
        marked: crossed(ctx, tcPr),
      };
      if (vMerge === "restart") {
        open.set(col, cell);
        continued.add(col);
      }
      row.push(cell);
      col += span;
    }
    // A merge ends where a row does not continue it.
    for (const key of [...open.keys()]) if (!continued.has(key)) open.delete(key);
    rows.push(row);
  }
  return { rows, orphanMerges };
}

/** Children with this local name, looking through content controls and custom XML. */
function transparentChildren(ctx: DocxContext, el: Element, local: string): Element[] {
  const out: Element[] = [];
  for (const c of el.children) {
    if (c.type !== "tag") continue;
    const name = ctx.w.local(c);
    if (name === local) out.push(c);
    else if (name === "sdt" || name === "sdtContent" || name === "customXml") out.push(...transparentChildren(ctx, c, local));
  }
  return out;
}

function cellText(ctx: DocxContext, tc: Element, nested: Element[]): string {
  const lines: string[] = [];
  readBlocks(ctx, tc, { line: (l) => lines.push(l.text), table: (t) => nested.push(t) });
  return lines.join("\n");
}

/** A cell struck through by a diagonal border (w:tl2br / w:tr2bl) is a drawn mark, not text. */
function crossed(ctx: DocxContext, tcPr: Element | undefined): boolean {
  const borders = ctx.w.child(tcPr, "tcBorders");
  return ["tl2br", "tr2bl"].some((side) => {
    const el = ctx.w.child(borders, side);
    const val = ctx.w.attr(el, "val");
    return el !== undefined && val !== undefined && val !== "nil" && val !== "none";
  });
}

function shading(ctx: DocxContext, shd: Element | undefined): string | null {
  if (!shd) return null;
  const { w } = ctx;
  return ooxmlShading(w.attr(shd, "val"), w.attr(shd, "color"), w.attr(shd, "fill"));
}

/** Some authors shade the paragraphs rather than the cell: count it when every paragraph is. */
function paragraphShading(ctx: DocxContext, tc: Element): string | null {
  const fills = ctx.w.children(tc, "p").map((p) => shading(ctx, ctx.w.child(ctx.w.child(p, "pPr"), "shd")));
  const first = fills[0];
  return first && fills.every((f) => f === first) ? first : null;
}
