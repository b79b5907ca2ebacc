/**
 * WordprocessingML content → lines and tables, in document order (ECMA-376
 * part 1, §17.3 paragraphs and runs, §17.4 tables). Content controls (w:sdt),
 * custom XML, insertions, moves-to and hyperlinks are read through; deletions,
 * moves-from, field instructions (complex fields: only the result between
 * "separate" and "end") and hidden (w:vanish) runs are not. With changes
 * tracked, a deleted paragraph mark joins the paragraph to the next one and a
 * deleted table row is left out, as Word shows them once the changes are
 * accepted. A content control showing its placeholder prompt is left out. Text boxes are read after the paragraph that anchors them. For
 * mc:AlternateContent only the first choice is read (the fallback repeats the
 * same text in VML). w:altChunk (an embedded HTML/RTF part) is handed to the
 * sink, which reads it beforehand (read-docx.ts).
 */
import type { AnyNode, Element } from "domhandler";
import type { Block } from "../layout.js";
import { LineCollector, type FlowLine } from "../common/html-flow.js";
import { ooxmlShading } from "../common/colour.js";
import type { GridCellInput } from "../common/grid.js";
import { CONDITIONS, runProps, type DocxStyles, type TableStyle } from "./docx-styles.js";
import type { Names } from "./ooxml.js";
import { symbolFontText, symbolGlyph } from "../common/symbol-fonts.js";

export interface DocxContext {
  w: Names;
  mc: Names;
  styles: DocxStyles;
  /** Text of hidden runs, kept aside (not in the layout) for the coverage check. */
  hidden: string[];
  /** Embedded (w:altChunk) parts already read, by relationship id. */
  chunks?: Map<string, Block[]>;
}

export interface BlockSink {
  line(line: FlowLine): void;
  table(tbl: Element): void;
  /** A w:altChunk (its relationship id); lines only when absent. */
  altChunk?(relId: string): void;
}

/** Elements whose children are read as if they were in place. */
const TRANSPARENT_INLINE = new Set(["hyperlink", "ins", "moveTo", "smartTag", "customXml", "fldSimple", "sdt", "sdtContent", "dir", "bdo"]);
const TRANSPARENT_BLOCK = new Set(["sdt", "sdtContent", "customXml", "ins", "moveTo"]);

/** Reads the block-level children of a body, cell, header, footer or text box. */
export function readBlocks(ctx: DocxContext, container: Element, sink: BlockSink): void {
  // A paragraph whose mark was deleted (tracked) runs on into the next one.
  let carry: Paragraph | null = null;
  const flush = (): void => {
    if (carry) finishParagraph(ctx, carry, sink);
    carry = null;
  };
  const walk = (el: Element): void => {
    for (const child of el.children) {
      if (child.type !== "tag") continue;
      const local = ctx.w.local(child);
      if (local === "p") {
        const para = readParagraph(ctx, child, carry);
        carry = null;
        if (markDeleted(ctx, child)) carry = para;
        else finishParagraph(ctx, para, sink);
      } else if (local === "tbl") {
        flush();
        sink.table(child);
      } else if (local === "altChunk") {
        flush();
        if (sink.altChunk) sink.altChunk(relIdOf(child));
        else chunkLines(ctx.chunks?.get(relIdOf(child)) ?? [], sink);
      } else if (local === "sdt" && showsPlaceholder(ctx, child)) {
        flush();
        hide(ctx, child);
      } else if (local !== null && TRANSPARENT_BLOCK.has(local)) walk(child);
      else if (ctx.mc.is(child, "AlternateContent")) {
        const choice = firstChoice(ctx, child);
        if (choice) walk(choice);
      }
    }
  };
  walk(container);
  flush();
}

/**
 * A content control still showing its placeholder ("Fare clic o toccare qui per
 * immettere il testo."): the template's prompt, not the author's text, so it is
 * left out (and counted as read for the coverage check, like hidden text).
 */
function showsPlaceholder(ctx: DocxContext, sdt: Element): boolean {
  return ctx.w.flag(ctx.w.child(sdt, "sdtPr"), "showingPlcHdr") === true;
}

function hide(ctx: DocxContext, el: Element): void {
  const texts: string[] = [];
  const stack: Element[] = [el];
  for (let e = stack.pop(); e !== undefined; e = stack.pop()) {
    for (const c of e.children) if (c.type === "tag") ctx.w.is(c, "t") ? texts.push(textOf(c)) : stack.push(c);
  }
  ctx.hidden.push(texts.join(" "));
}

/** An embedded chunk read where only lines can go (a cell, a header): its lines and its cells' text. */
function chunkLines(blocks: Block[], sink: BlockSink): void {
  for (const b of blocks) {
    if (b.kind === "line") sink.line({ text: b.text, bold: b.bold, fontSize: b.fontSize });
    else for (const c of b.cells) for (const text of c.text.split("\n")) if (text.trim() !== "") sink.line({ text, bold: false, fontSize: null });
  }
}

/** The r:id of an element (whatever prefix the relationships namespace has). */
export function relIdOf(el: Element): string {
  for (const [name, value] of Object.entries(el.attribs)) if (/(^|:)id$/.test(name)) return value;
  return "";
}

function markDeleted(ctx: DocxContext, p: Element): boolean {
  const { w } = ctx;
  const rPr = w.child(w.child(p, "pPr"), "rPr");
  return w.child(rPr, "del") !== undefined || w.child(rPr, "moveFrom") !== undefined;
}

interface Paragraph {
  out: LineCollector;
  floating: Element[];
}

/**
 * The complex fields open in a paragraph (ECMA-376 §17.16.18): text shows only
 * while every open field is past its "separate" (its result), never in an
 * instruction. A legacy check box (FORMCHECKBOX) has no result: its state is drawn.
 */
interface OpenField {
  result: boolean;
  checkBox: boolean | null;
}

interface InlineState extends Paragraph {
  fields: OpenField[];
}

function readParagraph(ctx: DocxContext, p: Element, carry: Paragraph | null): Paragraph {
  const { w } = ctx;
  const pPr = w.child(p, "pPr");
  const para = ctx.styles.paragraph(w.attr(w.child(pPr, "pStyle"), "val"));
  const base: Style = { bold: para.bold, size: para.size, ...(para.font !== undefined ? { symbolFont: para.font } : {}) };
  const state: InlineState = { out: carry?.out ?? new LineCollector(), floating: carry?.floating ?? [], fields: [] };
  readInline(ctx, p, base, state);
  return state;
}

function finishParagraph(ctx: DocxContext, para: Paragraph, sink: BlockSink): void {
  for (const line of para.out.take()) sink.line(line);
  for (const box of para.floating) readBlocks(ctx, box, sink);
}

function readInline(ctx: DocxContext, node: Element, base: Style, state: InlineState): void {
  for (const child of node.children) {
    if (child.type !== "tag") continue;
    const local = ctx.w.local(child);
    if (local === "r") readRun(ctx, child, base, state);
    else if (local === "sdt" && showsPlaceholder(ctx, child)) hide(ctx, child);
    else if (local !== null && TRANSPARENT_INLINE.has(local)) readInline(ctx, child, base, state);
    else if (ctx.mc.is(child, "AlternateContent")) {
      const choice = firstChoice(ctx, child);
      if (choice) readInline(ctx, choice, base, state);
    }
  }
}

interface Style {
  bold: boolean;
  size: number | null;
  /** A symbol font (Wingdings, Symbol …) the run's text is set in. */
  symbolFont?: string;
}

function readRun(ctx: DocxContext, r: Element, base: Style, state: InlineState): void {
  const { w } = ctx;
  const rPr = w.child(r, "rPr");
  if (w.flag(rPr, "vanish") || w.flag(rPr, "webHidden")) {
    ctx.hidden.push(w.children(r, "t").map(textOf).join(" "));
    return;
  }
  const own = runProps(w, rPr);
  const charStyle = ctx.styles.resolve(w.attr(w.child(rPr, "rStyle"), "val"));
  // The run's own font, else its character style's, else the paragraph style's.
  const font = own.font ?? charStyle.font ?? base.symbolFont;
  const style: Style = {
    bold: own.bold ?? charStyle.bold ?? base.bold,
    size: own.size ?? charStyle.size ?? base.size,
    ...(font !== undefined ? { symbolFont: font } : {}),
  };
  readRunContent(ctx, r, style, state);
}

function readRunContent(ctx: DocxContext, r: Element, style: Style, state: InlineState): void {
  const { w } = ctx;
  const { fields, floating } = state;
  for (const child of r.children) {
    if (child.type !== "tag") continue;
    if (ctx.mc.is(child, "AlternateContent")) {
      const choice = firstChoice(ctx, child);
      if (choice) readRunContent(ctx, choice, style, state);
      continue;
    }
    const local = w.local(child);
    if (local === "fldChar") {
      fieldChar(ctx, child, style, state);
      continue;
    }
    // Text is shown unless some open field is still in its instruction.
    if (!fields.every((f) => f.result)) continue;
    const out = state.out;
    switch (local) {
      case "t":
        out.add(style.symbolFont !== undefined ? symbolFontText(style.symbolFont, textOf(child)) : textOf(child), style);
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
        const glyph = symbolGlyph(w.attr(child, "font"), w.attr(child, "char") ?? "");
        if (glyph !== null) out.add(glyph, style);
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

function fieldChar(ctx: DocxContext, fldChar: Element, style: Style, state: InlineState): void {
  const { w } = ctx;
  const type = w.attr(fldChar, "fldCharType");
  const { fields } = state;
  if (type === "begin") {
    const box = w.child(w.child(fldChar, "ffData"), "checkBox");
    let checked: boolean | null = null;
    if (box) {
      const explicit = w.flag(box, "checked");
      checked = explicit ?? w.attr(w.child(box, "default"), "val") === "1";
    }
    fields.push({ result: false, checkBox: checked });
  } else if (type === "separate") {
    const top = fields[fields.length - 1];
    if (top) top.result = true;
  } else if (type === "end") {
    const done = fields.pop();
    if (done?.checkBox != null && fields.every((f) => f.result)) state.out.add(done.checkBox ? "☒" : "☐", style);
  }
}

/** A text element's characters (w:t, w:delText …). */
export function textOf(el: Element): string {
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

/** The one alternative of mc:AlternateContent the reader takes (the first choice, else the fallback). */
export function firstChoice(ctx: Pick<DocxContext, "mc">, alt: Element): Element | undefined {
  return ctx.mc.child(alt, "Choice") ?? ctx.mc.child(alt, "Fallback");
}

/** The grid note (common/grid.ts) of a cell continuing a vertical merge nobody started. */
export const ORPHAN_MERGE = "orphan-merge";
/** The grid note of a cell holding the embedded part `relId`, and back. */
const CHUNK_NOTE = "altChunk ";
const chunkNote = (relId: string): string => CHUNK_NOTE + relId;
export const chunkOfNote = (key: string): string | null => (key.startsWith(CHUNK_NOTE) ? key.slice(CHUNK_NOTE.length) : null);

export interface DocxTableRows {
  rows: GridCellInput[][];
  /** Cells that continue a vertical merge nobody started. */
  orphanMerges: number;
  /** Grid columns the rows declare, w:gridBefore and w:gridAfter included. */
  cols: number;
}

/** A table row (w:trPr/w:del) or cell (w:tcPr/w:cellDel) deleted with changes tracked: left out, as Word shows it once accepted. */
export function deletedRowOrCell(w: Names, el: Element): boolean {
  const local = w.local(el);
  if (local === "tr") return w.child(w.child(el, "trPr"), "del") !== undefined;
  if (local === "tc") return w.child(w.child(el, "tcPr"), "cellDel") !== undefined;
  return false;
}

/**
 * A w:tbl's rows as grid input: w:gridSpan → colSpan, w:vMerge restart/continue
 * → rowSpan of the restarting cell (§17.4.85), w:gridBefore → start column,
 * w:gridAfter → columns left empty at the end, legacy w:hMerge → colSpan;
 * w:shd on the cell (or on all its paragraphs), the table style's conditional
 * formats, or w:shd on the table → fill. Rows deleted with changes tracked
 * (w:trPr/w:del) and deleted cells (w:cellDel) are left out. Revision records
 * (w:tcPrChange, w:trPrChange, w:tblGridChange) hold the old properties one
 * level down and are not read. Nested tables found in cells are appended to `nested`.
 */
export function readTableRows(ctx: DocxContext, tbl: Element, nested: Element[]): DocxTableRows {
  const { w } = ctx;
  const tblPr = w.child(tbl, "tblPr");
  const style = ctx.styles.table(w.attr(w.child(tblPr, "tblStyle"), "val"));
  const directFill = w.child(tblPr, "shd") ? shading(ctx, w.child(tblPr, "shd")) : undefined;
  const tableFill = directFill !== undefined ? directFill : (style?.tableFill ?? null);
  const trs = transparentChildren(ctx, tbl, "tr").filter((tr) => !deletedRowOrCell(w, tr));
  const cellsOf = (tr: Element): Element[] => transparentChildren(ctx, tr, "tc").filter((tc) => !deletedRowOrCell(w, tc));
  // Grid width first: the last column and the column bands of a table style depend on it.
  let cols = 0;
  for (const tr of trs) {
    const trPr = w.child(tr, "trPr");
    let n = Math.max(0, w.int(trPr, "gridBefore") ?? 0) + Math.max(0, w.int(trPr, "gridAfter") ?? 0);
    for (const tc of cellsOf(tr)) n += Math.max(1, w.int(w.child(tc, "tcPr"), "gridSpan") ?? 1);
    cols = Math.max(cols, n);
  }
  const conditional = style ? conditionalFill(ctx, tblPr, style, trs.length, cols) : () => undefined;
  const open = new Map<number, GridCellInput>();
  const rows: GridCellInput[][] = [];
  let orphanMerges = 0;
  trs.forEach((tr, r) => {
    // w:tblHeader rows repeat on every printed page in Word; the XML holds them once, so nothing to undo here.
    const trPr = w.child(tr, "trPr");
    let col = Math.max(0, w.int(trPr, "gridBefore") ?? 0);
    const row: GridCellInput[] = [];
    const continued = new Set<number>();
    for (const tc of cellsOf(tr)) {
      const tcPr = w.child(tc, "tcPr");
      const span = Math.max(1, w.int(tcPr, "gridSpan") ?? 1);
      const { text, chunks } = cellText(ctx, tc, nested);
      // The embedded parts it holds (w:altChunk): their place, if one cannot be read, is this cell's.
      const notes = chunks.map(chunkNote);
      const hMerge = w.child(tcPr, "hMerge");
      const last = row[row.length - 1];
      if (hMerge && w.attr(hMerge, "val") !== "restart" && last) {
        // Legacy horizontal merge: this cell widens the one before it.
        last.colSpan = (last.colSpan ?? 1) + span;
        if (text) last.text = last.text ? `${last.text}\n${text}` : text;
        if (notes.length) last.notes = [...(last.notes ?? []), ...notes];
        col += span;
        continue;
      }
      const vMergeEl = w.child(tcPr, "vMerge");
      const vMerge = vMergeEl ? (w.attr(vMergeEl, "val") ?? "continue") : null;
      const anchor = open.get(col);
      if (vMerge === "continue" && anchor && (anchor.colSpan ?? 1) === span) {
        anchor.rowSpan = (anchor.rowSpan ?? 1) + 1;
        if (text) anchor.text = anchor.text ? `${anchor.text}\n${text}` : text;
        if (notes.length) anchor.notes = [...(anchor.notes ?? []), ...notes];
        continued.add(col);
        col += span;
        continue;
      }
      const orphan = vMerge === "continue";
      if (orphan) orphanMerges++;
      const styled = conditional(r, col, span);
      const cell: GridCellInput = {
        text,
        colSpan: span,
        rowSpan: 1,
        col,
        // A cell's own w:shd (even white) overrides the rest; paragraph shading fills an unshaded cell;
        // then the table style's conditional formats, then the table's own background.
        fill: w.child(tcPr, "shd") ? shading(ctx, w.child(tcPr, "shd")) : (paragraphShading(ctx, tc) ?? (styled !== undefined ? styled : tableFill)),
        marked: crossed(ctx, tcPr),
        ...(orphan || notes.length ? { notes: orphan ? [ORPHAN_MERGE, ...notes] : notes } : {}),
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
  });
  return { rows, orphanMerges, cols };
}

/** w:tblLook bits (§17.4.56, the hex form of Word 2007). */
const LOOK_BITS = { firstRow: 0x20, lastRow: 0x40, firstColumn: 0x80, lastColumn: 0x100, noHBand: 0x200, noVBand: 0x400 } as const;
/** No w:tblLook: row and column bands apply, first/last row and column formats do not (§17.4.56). */
const DEFAULT_LOOK = 0x0000;

/**
 * The fill a table style's conditional formats give the cell at (row, col),
 * the later formats of CONDITIONS over the earlier ones, as w:tblLook enables
 * them; undefined when the style shades nothing there.
 */
function conditionalFill(ctx: DocxContext, tblPr: Element | undefined, style: TableStyle, nRows: number, nCols: number) {
  const { w } = ctx;
  const lookEl = w.child(tblPr, "tblLook");
  const bits = lookEl ? parseInt(w.attr(lookEl, "val") ?? "0", 16) || 0 : DEFAULT_LOOK;
  const on = (name: keyof typeof LOOK_BITS): boolean => {
    const v = w.attr(lookEl, name);
    return v !== undefined ? v === "1" || v === "true" || v === "on" : (bits & LOOK_BITS[name]) !== 0;
  };
  const firstRow = on("firstRow");
  const lastRow = on("lastRow");
  const firstCol = on("firstColumn");
  const lastCol = on("lastColumn");
  const hBand = !on("noHBand");
  const vBand = !on("noVBand");
  return (r: number, col: number, span: number): string | null | undefined => {
    const isFirstRow = firstRow && r === 0;
    const isLastRow = lastRow && r === nRows - 1;
    const isFirstCol = firstCol && col === 0;
    const isLastCol = lastCol && col + span >= nCols;
    const applies = new Set<string>(["wholeTable"]);
    if (hBand && !isFirstRow && !isLastRow) {
      const band = Math.floor((r - (firstRow ? 1 : 0)) / style.rowBandSize);
      applies.add(band % 2 === 0 ? "band1Horz" : "band2Horz");
    }
    if (vBand && !isFirstCol && !isLastCol) {
      const band = Math.floor((col - (firstCol ? 1 : 0)) / style.colBandSize);
      applies.add(band % 2 === 0 ? "band1Vert" : "band2Vert");
    }
    if (isFirstCol) applies.add("firstCol");
    if (isLastCol) applies.add("lastCol");
    if (isFirstRow) applies.add("firstRow");
    if (isLastRow) applies.add("lastRow");
    if (isFirstRow && isFirstCol) applies.add("nwCell");
    if (isFirstRow && isLastCol) applies.add("neCell");
    if (isLastRow && isFirstCol) applies.add("swCell");
    if (isLastRow && isLastCol) applies.add("seCell");
    let fill: string | null | undefined;
    for (const c of CONDITIONS) if (applies.has(c) && style.cellFill[c] !== undefined) fill = style.cellFill[c];
    return fill;
  };
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

/** A cell's text, and the embedded parts (w:altChunk relationship ids) it holds, read as its lines. */
function cellText(ctx: DocxContext, tc: Element, nested: Element[]): { text: string; chunks: string[] } {
  const lines: string[] = [];
  const chunks: string[] = [];
  const sink: BlockSink = {
    line: (l) => lines.push(l.text),
    table: (t) => nested.push(t),
    altChunk: (id) => {
      chunks.push(id);
      chunkLines(ctx.chunks?.get(id) ?? [], sink);
    },
  };
  readBlocks(ctx, tc, sink);
  return { text: lines.join("\n"), chunks };
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
  const fills = transparentChildren(ctx, tc, "p").map((p) => shading(ctx, ctx.w.child(ctx.w.child(p, "pPr"), "shd")));
  const first = fills[0];
  return first && fills.every((f) => f === first) ? first : null;
}
