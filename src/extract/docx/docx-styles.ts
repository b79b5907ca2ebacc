/**
 * What the document's styles say about bold and size (word/styles.xml): enough
 * to know that a "Heading 1" paragraph is bold or that the default size is 10 pt.
 * Table styles are read for their shading (the table's, the cells', and the
 * conditional formats of w:tblStylePr: header row, first column, bands …), which
 * Word paints like direct cell shading. Themes are not resolved (Word writes the
 * computed w:fill next to w:themeFill).
 */
import type { Element } from "domhandler";
import { ooxmlShading } from "../common/colour.js";
import { Names, parseXmlPart, type XmlPart } from "./ooxml.js";

/**
 * A fill a style declares: "#rrggbb", null for a declared white/none (it covers
 * what is under it), undefined when the style says nothing.
 */
export type StyleFill = string | null | undefined;

/** The conditional formats of ECMA-376 §17.18.89, weakest first (Word applies later ones over earlier). */
export const CONDITIONS = [
  "wholeTable",
  "band1Vert",
  "band2Vert",
  "band1Horz",
  "band2Horz",
  "firstCol",
  "lastCol",
  "firstRow",
  "lastRow",
  "neCell",
  "nwCell",
  "seCell",
  "swCell",
] as const;
export type Condition = (typeof CONDITIONS)[number];

/** A table style, basedOn chain resolved. */
export interface TableStyle {
  /** w:tblPr/w:shd: the table's background. */
  tableFill: StyleFill;
  /** Cell shading per conditional format ("wholeTable": the style's own w:tcPr). */
  cellFill: Partial<Record<Condition, StyleFill>>;
  rowBandSize: number;
  colBandSize: number;
}

interface RawTableStyle {
  tableFill: StyleFill;
  cellFill: Partial<Record<Condition, StyleFill>>;
  rowBandSize?: number;
  colBandSize?: number;
  basedOn?: string;
}

export interface StyleProps {
  bold?: boolean;
  /** Points. */
  size?: number;
  /** The font of Latin text (w:rFonts w:ascii, else w:hAnsi): a symbol font turns "ü" into a tick. */
  font?: string;
  basedOn?: string;
}

export class DocxStyles {
  private readonly styles = new Map<string, StyleProps>();
  private readonly tableStyles = new Map<string, RawTableStyle>();
  private defaults: StyleProps = {};
  defaultParagraphStyle: string | undefined;

  /** From the styles part's XML, or the part already parsed (its nesting checked: package-parts.ts). */
  static parse(xml: string | XmlPart | null): DocxStyles {
    const out = new DocxStyles();
    if (xml === null) return out;
    const part = typeof xml === "string" ? parseXmlPart(xml) : xml;
    const w = new Names(part.w);
    const rPrDefault = w.child(w.child(w.child(part.root ?? undefined, "docDefaults"), "rPrDefault"), "rPr");
    out.defaults = runProps(w, rPrDefault);
    for (const style of w.children(part.root ?? undefined, "style")) {
      const id = w.attr(style, "styleId");
      if (!id) continue;
      const props = runProps(w, w.child(style, "rPr"));
      const basedOn = w.attr(w.child(style, "basedOn"), "val");
      out.styles.set(id, { ...props, ...(basedOn ? { basedOn } : {}) });
      if (w.attr(style, "type") === "paragraph" && w.attr(style, "default") === "1") out.defaultParagraphStyle = id;
      if (w.attr(style, "type") === "table") out.tableStyles.set(id, rawTableStyle(w, style, basedOn));
    }
    return out;
  }

  /** Bold and size a style declares itself or through its basedOn chain (undefined when silent). */
  resolve(styleId: string | undefined): StyleProps {
    let bold: boolean | undefined;
    let size: number | undefined;
    let font: string | undefined;
    const seen = new Set<string>();
    for (let id = styleId; id !== undefined && !seen.has(id); ) {
      seen.add(id);
      const s = this.styles.get(id);
      if (!s) break;
      bold ??= s.bold;
      size ??= s.size;
      font ??= s.font;
      id = s.basedOn;
    }
    return { ...(bold !== undefined ? { bold } : {}), ...(size !== undefined ? { size } : {}), ...(font !== undefined ? { font } : {}) };
  }

  /** A table style's shading and band sizes through its basedOn chain; null for no (known) style. */
  table(styleId: string | undefined): TableStyle | null {
    if (styleId === undefined || !this.tableStyles.has(styleId)) return null;
    const chain: RawTableStyle[] = [];
    const seen = new Set<string>();
    for (let id: string | undefined = styleId; id !== undefined && !seen.has(id); ) {
      seen.add(id);
      const s = this.tableStyles.get(id);
      if (!s) break;
      chain.push(s);
      id = s.basedOn;
    }
    const out: TableStyle = { tableFill: undefined, cellFill: {}, rowBandSize: 1, colBandSize: 1 };
    let rowBand: number | undefined;
    let colBand: number | undefined;
    for (const s of chain) {
      if (out.tableFill === undefined) out.tableFill = s.tableFill;
      for (const c of CONDITIONS) if (out.cellFill[c] === undefined && s.cellFill[c] !== undefined) out.cellFill[c] = s.cellFill[c];
      rowBand ??= s.rowBandSize;
      colBand ??= s.colBandSize;
    }
    out.rowBandSize = rowBand ?? 1;
    out.colBandSize = colBand ?? 1;
    return out;
  }

  /** A paragraph style's bold/size, falling back to the document defaults. */
  paragraph(styleId: string | undefined): { bold: boolean; size: number | null; font?: string } {
    const s = this.resolve(styleId ?? this.defaultParagraphStyle);
    const font = s.font ?? this.defaults.font;
    return { bold: s.bold ?? this.defaults.bold ?? false, size: s.size ?? this.defaults.size ?? null, ...(font !== undefined ? { font } : {}) };
  }
}

/** Bold and size from a w:rPr (sizes are in half-points). */
export function runProps(w: Names, rPr: Element | undefined): StyleProps {
  const out: StyleProps = {};
  const bold = w.flag(rPr, "b");
  if (bold !== undefined) out.bold = bold;
  const sz = w.int(rPr, "sz");
  if (sz !== undefined && sz > 0) out.size = sz / 2;
  const fonts = w.child(rPr, "rFonts");
  const font = w.attr(fonts, "ascii") ?? w.attr(fonts, "hAnsi");
  if (font !== undefined) out.font = font;
  return out;
}

function styleFill(w: Names, shd: Element | undefined): StyleFill {
  if (!shd) return undefined;
  return ooxmlShading(w.attr(shd, "val"), w.attr(shd, "color"), w.attr(shd, "fill"));
}

function rawTableStyle(w: Names, style: Element, basedOn: string | undefined): RawTableStyle {
  const tblPr = w.child(style, "tblPr");
  const cellFill: Partial<Record<Condition, StyleFill>> = {};
  const whole = styleFill(w, w.child(w.child(style, "tcPr"), "shd"));
  if (whole !== undefined) cellFill.wholeTable = whole;
  for (const cond of w.children(style, "tblStylePr")) {
    const type = w.attr(cond, "type") as Condition | undefined;
    if (type === undefined || !(CONDITIONS as readonly string[]).includes(type)) continue;
    const fill = styleFill(w, w.child(w.child(cond, "tcPr"), "shd"));
    if (fill !== undefined) cellFill[type] = fill;
  }
  const positive = (n: number | undefined): number | undefined => (n !== undefined && n > 0 ? n : undefined);
  const rowBandSize = positive(w.int(tblPr, "tblStyleRowBandSize")) ?? positive(w.int(style, "tblStyleRowBandSize"));
  const colBandSize = positive(w.int(tblPr, "tblStyleColBandSize")) ?? positive(w.int(style, "tblStyleColBandSize"));
  return {
    tableFill: styleFill(w, w.child(tblPr, "shd")),
    cellFill,
    ...(rowBandSize !== undefined ? { rowBandSize } : {}),
    ...(colBandSize !== undefined ? { colBandSize } : {}),
    ...(basedOn ? { basedOn } : {}),
  };
}
