/**
 * A finding's message in the report's language. The stored message (the
 * normaliser's or the advisory checks' Italian) is read back through the
 * Italian template of its code's wordings (finding-variants.ts, it.ts); the
 * details it yields (unit, numbers, titles, dates) fill the same wording in
 * the target language, with numbers and dates written as that language
 * writes them. A message no wording of its code reads (an export from another
 * piao, a reader's own reason) is kept: in Italian as stored, in English
 * after a line on what its code means. An unknown code keeps its message.
 */
import type { Finding } from "../report-model.js";
import type { Catalogue } from "./catalogue.js";
import { VARIANTS, VARIANT_KEYS, type ParamType, type VariantKey, type VariantSpec } from "./finding-variants.js";
import { formatDate, formatNumber } from "./format.js";
import { it } from "./it.js";

const PLACEHOLDER = /\{(\w+)\}/g;

const PATTERN: Record<ParamType, string> = {
  int: "\\d+",
  num: "-?\\d+(?:,\\d+)?",
  date: "\\d{4}-\\d{2}-\\d{2}|\\d{2}/\\d{2}/\\d{4}",
  text: "[\\s\\S]*?",
  phases: "[\\s\\S]*?",
  names: "[\\s\\S]*?",
};

interface Compiled {
  key: VariantKey;
  spec: VariantSpec;
  re: RegExp;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The Italian template as an anchored pattern with a named group per placeholder (a repeated one must repeat its value). */
function compile(key: VariantKey): Compiled {
  const spec: VariantSpec = VARIANTS[key];
  const template = it.messages[key];
  const seen = new Set<string>();
  let source = "";
  let last = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    source += escapeRe(template.slice(last, m.index));
    const name = m[1]!;
    if (seen.has(name)) source += `\\k<${name}>`;
    else {
      seen.add(name);
      source += `(?<${name}>${PATTERN[spec.params?.[name as keyof typeof spec.params] ?? "text"]})`;
    }
    last = m.index! + m[0].length;
  }
  source += escapeRe(template.slice(last));
  return { key, spec, re: new RegExp(`^${source}$`, "u") };
}

let compiled: Map<string, Compiled[]> | null = null;

function byCode(): Map<string, Compiled[]> {
  if (compiled) return compiled;
  compiled = new Map();
  for (const key of VARIANT_KEYS) {
    const c = compile(key);
    compiled.set(c.spec.code, [...(compiled.get(c.spec.code) ?? []), c]);
  }
  return compiled;
}

/** Whether the catalogues know the code (the contract's and the advisory checks'). */
export function knownCode(code: string): boolean {
  return byCode().has(code);
}

/** The wording of a stored message and its details, or null when no wording of its code reads it. */
export function readMessage(code: string, message: string): { key: VariantKey; params: Record<string, string> } | null {
  for (const c of byCode().get(code) ?? []) {
    const m = c.re.exec(message);
    if (m) return { key: c.key, params: { ...m.groups } };
  }
  return null;
}

function say(t: Catalogue, type: ParamType, value: string): string {
  switch (type) {
    case "num":
      return formatNumber(t, Number(value.replace(",", ".")));
    case "date":
      return formatDate(t, value);
    case "phases":
      // "fase 2: 2027-01, scadenza 31/03/2027; fase 3: …"
      return value
        .replace(/\bfase (?=\S+:)/g, `${t.listWords.phase} `)
        .replace(/\bscadenza (\d{2}\/\d{2}\/\d{4})/g, (_, d: string) => `${t.listWords.deadline} ${formatDate(t, d)}`);
    case "names":
      return value.replace(/ e altre (\d+)$/, (_, k: string) => t.listWords.andOthers(Number(k)));
    default:
      return value;
  }
}

/** A template with its placeholders filled from already worded values. */
export function fillTemplate(template: string, params: Record<string, string>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => params[name] ?? whole);
}

/** The message of one wording in the catalogue's language, from the details read from a stored message. */
export function sayMessage(t: Catalogue, key: VariantKey, params: Record<string, string>): string {
  const spec: VariantSpec = VARIANTS[key];
  const types: Record<string, ParamType> = spec.params ?? {};
  const worded = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, say(t, types[k] ?? "text", v)]));
  return fillTemplate(t.messages[key], worded);
}

export function localizeMessage(t: Catalogue, f: Pick<Finding, "code" | "message" | "unit" | "objective">): string {
  if (!knownCode(f.code)) return f.message;
  const read = readMessage(f.code, f.message);
  if (read) return sayMessage(t, read.key, read.params);
  return t.unreadMessage(t.where(f.unit, f.objective), t.codes[f.code as keyof Catalogue["codes"]], f.message);
}
