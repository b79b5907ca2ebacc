/**
 * The few CSS rules an exported HTML document applies through its <style>
 * blocks rather than inline: LibreOffice's XHTML export, for one, shades cells
 * and bolds text through classes (`td.Table3_B4 { background-color:#7f7f7f }`).
 * Only simple selectors are honoured (`tag`, `.class`, `tag.class`, and lists of
 * them); anything with combinators, attributes or pseudo-classes is ignored, as
 * are @-rules. Inline style wins over classes, classes over tag rules.
 */
import type { Element } from "domhandler";
import { parseStyle } from "./colour.js";

interface Rule {
  tag: string | null;
  classes: string[];
  decls: Map<string, string>;
  specificity: number;
  order: number;
}

export class StyleSheet {
  private readonly rules: Rule[] = [];

  static parse(cssTexts: string[]): StyleSheet {
    const sheet = new StyleSheet();
    let order = 0;
    for (const css of cssTexts) {
      const clean = withoutAtRules(css.replace(/\/\*[\s\S]*?\*\//g, "").replace(/<!--|-->/g, ""));
      for (const m of clean.matchAll(/([^{}@]+)\{([^{}]*)\}/g)) {
        const decls = parseStyle(m[2] as string);
        if (decls.size === 0) continue;
        for (const raw of (m[1] as string).split(",")) {
          const sel = /^\s*([a-zA-Z][\w-]*)?((?:\.[\w-]+)*)\s*$/.exec(raw);
          if (!sel || (!sel[1] && !sel[2])) continue;
          const classes = (sel[2] ?? "").split(".").filter((c) => c !== "");
          sheet.rules.push({
            tag: sel[1]?.toLowerCase() ?? null,
            classes,
            decls,
            specificity: classes.length * 10 + (sel[1] ? 1 : 0),
            order: order++,
          });
        }
      }
    }
    sheet.rules.sort((a, b) => a.specificity - b.specificity || a.order - b.order);
    return sheet;
  }

  /** The declarations that apply to `el`, inline style last (so it wins). */
  declarations(el: Element): Map<string, string> {
    const out = new Map<string, string>();
    if (this.rules.length > 0) {
      const tag = el.name.toLowerCase();
      const classes = new Set((el.attribs["class"] ?? "").split(/\s+/).filter((c) => c !== ""));
      for (const r of this.rules) {
        if (r.tag !== null && r.tag !== tag) continue;
        if (!r.classes.every((c) => classes.has(c))) continue;
        for (const [k, v] of r.decls) assign(out, k, v);
      }
    }
    const inline = el.attribs["style"];
    if (inline) for (const [k, v] of parseStyle(inline)) assign(out, k, v);
    return out;
  }
}

/**
 * The CSS without its @-rules: a block (`@media print { td.x {…} }`, `@font-face {…}`,
 * nested blocks counted) or a statement (`@import url(x.css);`). Without this, the rules
 * inside an @media block would be read as top-level rules.
 */
function withoutAtRules(css: string): string {
  let out = "";
  let i = 0;
  while (i < css.length) {
    const at = css.indexOf("@", i);
    if (at < 0) break;
    out += css.slice(i, at);
    const brace = css.indexOf("{", at);
    const semi = css.indexOf(";", at);
    if (semi >= 0 && (brace < 0 || semi < brace)) {
      i = semi + 1;
      continue;
    }
    if (brace < 0) return out;
    let depth = 1;
    let k = brace + 1;
    for (; k < css.length && depth > 0; k++) {
      if (css[k] === "{") depth++;
      else if (css[k] === "}") depth--;
    }
    i = k;
  }
  return out + css.slice(i);
}

/** The `background` shorthand resets the colour an earlier `background-color` set. */
function assign(out: Map<string, string>, key: string, value: string): void {
  if (key === "background") out.delete("background-color");
  out.set(key, value);
}

/** A sheet with no rules: only inline styles count. */
export const INLINE_ONLY = new StyleSheet();
