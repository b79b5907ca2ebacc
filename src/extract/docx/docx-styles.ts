/**
 * What the document's styles say about bold and size (word/styles.xml): enough
 * to know that a "Heading 1" paragraph is bold or that the default size is 10 pt.
 * Table styles and themes are not resolved (a table style's banded shading is
 * therefore not seen as cell shading).
 */
import type { Element } from "domhandler";
import { Names, parseXmlPart } from "./ooxml.js";

export interface StyleProps {
  bold?: boolean;
  /** Points. */
  size?: number;
  basedOn?: string;
}

export class DocxStyles {
  private readonly styles = new Map<string, StyleProps>();
  private defaults: StyleProps = {};
  defaultParagraphStyle: string | undefined;

  static parse(xml: string | null): DocxStyles {
    const out = new DocxStyles();
    if (xml === null) return out;
    const part = parseXmlPart(xml);
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
    }
    return out;
  }

  /** Bold and size a style declares itself or through its basedOn chain (undefined when silent). */
  resolve(styleId: string | undefined): StyleProps {
    let bold: boolean | undefined;
    let size: number | undefined;
    const seen = new Set<string>();
    for (let id = styleId; id !== undefined && !seen.has(id); ) {
      seen.add(id);
      const s = this.styles.get(id);
      if (!s) break;
      bold ??= s.bold;
      size ??= s.size;
      id = s.basedOn;
    }
    return { ...(bold !== undefined ? { bold } : {}), ...(size !== undefined ? { size } : {}) };
  }

  /** A paragraph style's bold/size, falling back to the document defaults. */
  paragraph(styleId: string | undefined): { bold: boolean; size: number | null } {
    const s = this.resolve(styleId ?? this.defaultParagraphStyle);
    return { bold: s.bold ?? this.defaults.bold ?? false, size: s.size ?? this.defaults.size ?? null };
  }
}

/** Bold and size from a w:rPr (sizes are in half-points). */
export function runProps(w: Names, rPr: Element | undefined): StyleProps {
  const out: StyleProps = {};
  const bold = w.flag(rPr, "b");
  if (bold !== undefined) out.bold = bold;
  const sz = w.int(rPr, "sz");
  if (sz !== undefined && sz > 0) out.size = sz / 2;
  return out;
}
