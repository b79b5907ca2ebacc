/**
 * Lines of the running header or footer parts the sections reference
 * (default ones first, then first-page and even-page variants), without repeats.
 */
import type { Element } from "domhandler";
import { readBlocks, readTableRows, relIdOf, type DocxContext } from "./docx-blocks.js";
import { Names } from "./ooxml.js";
import type { PackageParts } from "./package-parts.js";
import type { Relationship } from "./relationships.js";

export function regionLines(parts: PackageParts, rels: Relationship[], body: Element, ctx: DocxContext, kind: "header" | "footer"): string[] {
  const { w } = ctx;
  const sectPrs: Element[] = [];
  const stack: Element[] = [body];
  for (let el = stack.pop(); el !== undefined; el = stack.pop()) {
    // Reversed onto the stack so that sections come out in document order.
    for (let i = el.children.length - 1; i >= 0; i--) {
      const c = el.children[i]!;
      if (c.type !== "tag") continue;
      if (w.is(c, "sectPr")) sectPrs.push(c);
      else stack.push(c);
    }
  }
  const refs = sectPrs.flatMap((s) => w.children(s, `${kind}Reference`));
  refs.sort((a, b) => rank(w.attr(a, "type")) - rank(w.attr(b, "type")));
  const byId = new Map(rels.map((r) => [r.id, r.target]));
  const targets = [...new Set(refs.map((r) => byId.get(relIdOf(r)) ?? "").filter((t) => t !== ""))];
  const lines: string[] = [];
  for (const target of targets) {
    const part = parts.xml(target);
    if (part === null || !part.root) continue;
    // Embedded chunks were read for the body's relationships; a header's r:ids are its own.
    const partCtx: DocxContext = { ...ctx, w: new Names(part.w), mc: new Names(part.mc), chunks: new Map() };
    const tables: Element[] = [];
    const sink = { line: (l: { text: string }) => lines.push(l.text), table: (t: Element) => tables.push(t) };
    readBlocks(partCtx, part.root, sink);
    // A header laid out as a table: its cells' text, row by row.
    for (let i = 0; i < tables.length; i++) {
      const { rows } = readTableRows(partCtx, tables[i] as Element, tables);
      for (const row of rows) for (const cell of row) for (const s of cell.text.split("\n")) if (s !== "") lines.push(s);
    }
  }
  return [...new Set(lines)];
}

function rank(type: string | undefined): number {
  return type === undefined || type === "default" ? 0 : type === "first" ? 1 : 2;
}
