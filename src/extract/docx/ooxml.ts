/**
 * Small helpers over an OOXML part parsed by cheerio in XML mode. Elements are
 * matched by namespace URI, not by prefix: "w:" is only a convention and some
 * generators write another prefix (or several) for WordprocessingML.
 */
import type { AnyNode, Element } from "domhandler";
import { loadXml } from "../common/markup-dom.js";

const WML = new Set([
  "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
  "http://purl.oclc.org/ooxml/wordprocessingml/main", // ISO 29500 strict
]);
const MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";

export interface XmlPart {
  root: Element | null;
  /** Prefixes bound to WordprocessingML ("" for a default namespace). */
  w: Set<string>;
  /** Prefixes bound to markup compatibility (mc:AlternateContent). */
  mc: Set<string>;
}

export function parseXmlPart(xml: string): XmlPart {
  const $ = loadXml(xml);
  const root = $.root()[0]?.children.find((n): n is Element => n.type === "tag") ?? null;
  const w = new Set<string>();
  const mc = new Set<string>();
  // Namespace declarations can sit on any element (office tools put them on the root; a
  // pasted or generated fragment may declare its own below): every element's are read.
  // Prefixes are not scoped: one bound to WordprocessingML anywhere counts everywhere.
  const declare = (el: Element): void => {
    for (const [name, value] of Object.entries(el.attribs)) {
      const prefix = name === "xmlns" ? "" : name.startsWith("xmlns:") ? name.slice(6) : null;
      if (prefix === null) continue;
      if (WML.has(value)) w.add(prefix);
      if (value === MC) mc.add(prefix);
    }
  };
  if (root) {
    declare(root);
    $(root)
      .find("*")
      .each((_, el) => declare(el));
  }
  if (w.size === 0) w.add("w");
  if (mc.size === 0) mc.add("mc");
  return { root, w, mc };
}

/** A matcher for elements of one namespace by local name. */
export class Names {
  constructor(private readonly prefixes: Set<string>) {}

  /** The local name when `node` is an element of this namespace, else null. */
  local(node: AnyNode): string | null {
    if (node.type !== "tag") return null;
    const i = node.name.indexOf(":");
    const prefix = i < 0 ? "" : node.name.slice(0, i);
    return this.prefixes.has(prefix) ? node.name.slice(i + 1) : null;
  }

  is(node: AnyNode, local: string): boolean {
    return this.local(node) === local;
  }

  /** First child element with this local name. */
  child(el: Element | undefined, local: string): Element | undefined {
    return el?.children.find((c): c is Element => this.is(c, local));
  }

  children(el: Element | undefined, local: string): Element[] {
    return el?.children.filter((c): c is Element => this.is(c, local)) ?? [];
  }

  /** An attribute of this namespace ("w:val"), whatever its prefix. */
  attr(el: Element | undefined, local: string): string | undefined {
    if (!el) return undefined;
    for (const p of this.prefixes) {
      const v = el.attribs[p === "" ? local : `${p}:${local}`];
      if (v !== undefined) return v;
    }
    return undefined;
  }

  /** An on/off property (w:b, w:vanish …): present and not val="0|false|off". */
  flag(props: Element | undefined, local: string): boolean | undefined {
    const el = this.child(props, local);
    if (!el) return undefined;
    const v = this.attr(el, "val")?.toLowerCase();
    return !(v === "0" || v === "false" || v === "off" || v === "none");
  }

  /** A whole-number attribute of a child property (w:gridSpan w:val="3"). */
  int(props: Element | undefined, local: string, attr = "val"): number | undefined {
    const v = this.attr(this.child(props, local), attr);
    if (v === undefined) return undefined;
    const n = parseInt(v, 10);
    return Number.isFinite(n) ? n : undefined;
  }
}
