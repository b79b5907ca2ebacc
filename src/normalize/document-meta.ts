/**
 * The adopting body ("Comune di …", "Unione …", "Azienda …", "Università …")
 * and the plan year, read from the first pages' lines and running headers.
 */
import { cleanInline } from "./clean-text.js";
import { isAllCaps } from "./person-name.js";
import type { Period, PlanKind } from "./plan-schema.js";
import { PLAN_KINDS } from "./vocabulary.js";

const BODY =
  /\b(comune|unione(?:\s+(?:dei|di)\s+comuni)?|azienda|universit[aà]|provincia|regione|citt[aà]\s+metropolitana|citt[aà](?=\s+di\s)|consorzio|camera\s+di\s+commercio|ministero|istituto|ente|agenzia|autorit[aà])(?![\p{L}])(.*)$/iu;
/** Bodies that are usually a locator line ("Provincia di Reggio Emilia") under the real one. */
const LOCATOR = /^(?:provincia|regione|citt[aà]\s+metropolitana)\b/iu;

const LOWER_WORDS = new Set(["di", "del", "della", "delle", "dei", "degli", "dello", "e", "ed", "per", "la", "le", "il", "lo", "in", "sul", "dell"]);

function bodyCase(s: string): string {
  if (!isAllCaps(s)) return s;
  return s
    .toLowerCase()
    .split(/(\s+|['’])/)
    .map((w, i) => (i > 0 && LOWER_WORDS.has(w) ? w : w.charAt(0).toUpperCase() + w.slice(1)))
    .join("");
}

/** "COMUNE DI LUZZARA (RE)" → "Comune di Luzzara"; null when the line names no body. */
export function parseOrganization(line: string): string | null {
  const text = cleanInline(line);
  const m = BODY.exec(text);
  if (!m || m.index > 0) return null;
  let name = text.slice(0, m.index + m[0].length);
  name = name.split(/\s*[(–—,;]|\s-\s|\s{2,}|\t/)[0]!.trim();
  // A body type alone, or followed by a sentence, is not a name: its name follows a preposition or
  // starts with a capital ("Comune di Lagoverde", "Unione Val di Sole"), not a lower-case word
  // ("Comune digitale e trasparente" is a heading).
  const after = name.slice(m[1]!.length).trim();
  if (after !== "" && !/^(?:(?:di|dei|del|della|delle|degli|dello)(?=\s|$)|d['’]|\p{Lu})/u.test(after) && !isAllCaps(name)) return null;
  const words = name.split(/\s+/);
  if (words.length < 2 || words.length > 8) return null;
  if (/[.:]$/.test(name) && !/\b[A-Z]\.$/.test(name)) name = name.replace(/[.:]+$/, "");
  return bodyCase(name);
}

/**
 * The first body named in the lines. A name written in mixed case wins over one
 * in capitals (a running header often spells the name out in capitals, the
 * text as the body uses it); a locator ("Provincia di …") only when nothing else.
 */
export function findOrganization(lines: ReadonlyArray<string>): string | null {
  let capitals: string | null = null;
  let locator: string | null = null;
  for (const line of lines) {
    const org = parseOrganization(line);
    if (!org) continue;
    if (LOCATOR.test(org)) {
      locator ??= org;
      continue;
    }
    if (isAllCaps(cleanInline(line).split(/\s*[(–—,;]/)[0] ?? "")) {
      capitals ??= org;
      continue;
    }
    return org;
  }
  return capitals ?? locator;
}

const YEAR_CONTEXT =
  /(?:piano|performance|obiettivi|esercizio|peg|pdo|piao|anno|sintesi|scheda)[^\n\d]{0,60}?((?:19|20)\d{2})(?:\s*[-–/]\s*((?:19|20)?\d{2,4}))?/giu;

/**
 * The plan's period: the years the first plan-year phrase names ("PIAO
 * 2026-2028" → 2026..2028, "Piano della performance 2024" → 2024..2024).
 */
export function findPeriod(lines: ReadonlyArray<string>, year: number | null, min: number, max: number): Period | null {
  if (year === null) return null;
  // A title's years on a line of their own ("Piano integrato di attività e organizzazione" / "2025-2027").
  for (const line of lines) {
    const own = /^\s*((?:19|20)\d{2})\s*[-–/]\s*((?:19|20)\d{2})\s*$/.exec(cleanInline(line));
    if (own && Number(own[1]) === year && Number(own[2]) > year && Number(own[2]) - year <= 5) return { from: year, to: Number(own[2]) };
  }
  for (const line of lines) {
    for (const m of cleanInline(line).matchAll(YEAR_CONTEXT)) {
      const from = Number(m[1]);
      if (from < min || from > max) continue;
      if (from !== year) return { from: year, to: year };
      const endRaw = m[2];
      if (!endRaw) return { from, to: from };
      const to = endRaw.length === 2 ? Math.floor(from / 100) * 100 + Number(endRaw) : Number(endRaw);
      return to > from && to - from <= 5 ? { from, to } : { from, to: from };
    }
  }
  return { from: year, to: year };
}

/** What the document calls itself (docs/families.md): the first kind named in the lines. */
export function findKind(lines: ReadonlyArray<string>): PlanKind | null {
  for (const line of lines) {
    const text = cleanInline(line);
    let best: { at: number; kind: PlanKind } | null = null;
    for (const [re, kind] of PLAN_KINDS) {
      const m = re.exec(text);
      if (m && (best === null || m.index < best.at)) best = { at: m.index, kind };
    }
    if (best) return best.kind;
  }
  return null;
}

/** The plan year: the first year named next to plan words; else the most frequent year. */
export function findYear(lines: ReadonlyArray<string>, min: number, max: number): number | null {
  for (const line of lines) {
    for (const m of cleanInline(line).matchAll(YEAR_CONTEXT)) {
      const y = Number(m[1]);
      if (y >= min && y <= max) return y;
    }
  }
  const counts = new Map<number, number>();
  for (const line of lines) {
    for (const m of line.matchAll(/\b((?:19|20)\d{2})\b/g)) {
      const y = Number(m[1]);
      if (y >= min && y <= max) counts.set(y, (counts.get(y) ?? 0) + 1);
    }
  }
  let best: number | null = null;
  for (const [y, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = y;
  return best;
}
