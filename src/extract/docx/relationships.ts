/**
 * OPC relationships (the `_rels/*.rels` parts): which part is the main
 * document, and what a part's r:ids point to, as package paths.
 */
import type { Element } from "domhandler";
import type { PackageParts } from "./package-parts.js";

export interface Relationship {
  id: string;
  type: string;
  target: string;
}

const REL_OFFICE_DOCUMENT = /\/officeDocument$/;

export function mainDocumentPath(parts: PackageParts): string | null {
  const rels = parseRels(parts, parts.text("_rels/.rels"), "");
  return rels.find((r) => REL_OFFICE_DOCUMENT.test(r.type))?.target ?? null;
}

/** The relationships of the part at `partPath`. */
export function relationships(parts: PackageParts, partPath: string): Relationship[] {
  const dir = partPath.includes("/") ? partPath.slice(0, partPath.lastIndexOf("/") + 1) : "";
  const name = partPath.slice(dir.length);
  return parseRels(parts, parts.text(`${dir}_rels/${name}.rels`), dir);
}

/** Relationship targets resolved to package paths (external targets left out). */
function parseRels(parts: PackageParts, xml: string | null, baseDir: string): Relationship[] {
  if (xml === null) return [];
  const part = parts.parse(xml);
  return (part.root?.children ?? [])
    .filter((c): c is Element => c.type === "tag" && /(^|:)Relationship$/.test(c.name))
    .filter((c) => c.attribs["TargetMode"] !== "External")
    .map((c) => ({ id: c.attribs["Id"] ?? "", type: c.attribs["Type"] ?? "", target: resolvePath(baseDir, c.attribs["Target"] ?? "") }));
}

function resolvePath(baseDir: string, target: string): string {
  const segments = (target.startsWith("/") ? target.slice(1) : baseDir + target).split("/");
  const out: string[] = [];
  for (const s of segments) {
    if (s === "..") out.pop();
    else if (s !== "." && s !== "") out.push(s);
  }
  return out.join("/");
}

/** Targets of the relationships of one kind ("styles", "header" …). */
export function relTargets(rels: Relationship[], kind: string): string[] {
  return rels.filter((r) => r.type.endsWith(`/${kind}`)).map((r) => r.target);
}
