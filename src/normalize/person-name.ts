/**
 * People's names: titles removed (Dott., Dott.ssa, Arch., Ing., …) wherever they
 * stand, word order kept as printed, ALL-CAPS names put in title case; and a
 * comparison that tolerates word order and initials ("Badari M.Cecilia" =
 * "Maria Cecilia Badari").
 */
import { foldAccents } from "../shared/fold-text.js";
import { cleanInline } from "./clean-text.js";

const TITLES =
  /(?<![\p{L}])(?:(?:dott|d|dr|prof)\.?ssa\.?|sig\.?ra\.?|(?:dott|dr|arch|ing|geom|avv|rag|prof|sig|p\.?\s?i|per\.?\s?ind|m\.?llo|ten|col|cav|on)\.)(?=\s|\p{L}|$)/giu;
// Ranks printed before a name as titles are ("Comandante Dott. Luigi Neri").
const TITLE_WORDS =
  /(?<![\p{L}])(?:dottore(?:ssa)?|architetto|ingegnere|geometra|avvocato|ragioniere|professore(?:ssa)?|dott\.?ssa|dssa|(?:vice[\s-]?)?comandante|commissario|maresciallo)(?![\p{L}])/giu;

export function cleanPersonName(raw: string | null | undefined): string | null {
  if (raw == null) return null;
  let s = cleanInline(raw).replace(TITLES, " ").replace(TITLE_WORDS, " ");
  s = s.replace(/\s+/g, " ").replace(/^[\s,;:\-–]+|[\s,;:\-–]+$/g, "");
  if (s === "") return null;
  return isAllCaps(s) ? titleCase(s) : s;
}

export function isAllCaps(s: string): boolean {
  const letters = s.replace(/[^\p{L}]/gu, "");
  return letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/** "MARIA CECILIA D'ANGELO" → "Maria Cecilia D'Angelo". */
export function titleCase(s: string): string {
  return s.toLowerCase().replace(/(^|[\s'’\-.])(\p{L})/gu, (_, pre: string, ch: string) => pre + ch.toUpperCase());
}

function nameTokens(s: string): string[] {
  return foldAccents(s)
    .split(/[^a-z]+/)
    .filter((t) => t !== "");
}

/** Same person: every word of the shorter name matches a word (or its initial) of the longer. */
export function samePerson(a: string | null, b: string | null): boolean {
  if (!a || !b) return true;
  const ta = nameTokens(a);
  const tb = nameTokens(b);
  if (ta.length === 0 || tb.length === 0) return true;
  const [short, long] = ta.length <= tb.length ? [ta, tb] : [tb, ta];
  const pool = [...long];
  let full = 0;
  for (const t of short) {
    let i = pool.indexOf(t);
    if (i >= 0) full++;
    else if (t.length === 1) i = pool.findIndex((p) => p.startsWith(t));
    else i = pool.findIndex((p) => p.length === 1 && t.startsWith(p));
    if (i < 0) return false;
    pool.splice(i, 1);
  }
  // At least one whole word (the surname) must agree: initials alone do not identify.
  return full >= 1;
}
