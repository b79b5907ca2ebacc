/**
 * Unit headings and responsible lines, as plans print them above a unit's
 * summary or sheets: "1 - SERVIZI FINANZIARI", "SETTORE 2 – POLIZIA LOCALE",
 * "RESPONSABILE Dott. Mario Rossi". Used by the block classifier and by the
 * summary heading reader.
 */
import { cleanInline } from "./clean-text.js";
import { cleanPersonName, isAllCaps } from "./person-name.js";
import { cleanUnitName } from "./unit-name.js";
import { DOCUMENT_SECTION, NUMBERED_UNIT_HEADING, RESPONSIBLE_LINE, UNIT_WORDS } from "./vocabulary.js";

export interface UnitHeadingData {
  number: number | null;
  name: string | null;
}

/** A responsible line with a person: "RESPONSABILE Dott. Mario Rossi", "Dirigente: Ing. Bianchi". */
export function responsiblePerson(text: string): string | null {
  const m = RESPONSIBLE_LINE.exec(cleanInline(text));
  if (!m) return null;
  const person = cleanPersonName(m[1] ?? "");
  // "Responsabile del procedimento amministrativo …" in prose names no person in capitals.
  if (person === null || person.split(/\s+/).length > 5 || !/^\p{Lu}/u.test(person)) return null;
  return person;
}

function romanOrNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  const roman: Record<string, number> = { i: 1, v: 5, x: 10 };
  const t = s.toLowerCase();
  let n = 0;
  for (let i = 0; i < t.length; i++) {
    const v = roman[t[i]!] ?? 0;
    const next = roman[t[i + 1] ?? ""] ?? 0;
    n += v < next ? -v : v;
  }
  return n > 0 ? n : null;
}

/**
 * "1 - SERVIZI FINANZIARI", "SETTORE 2 – POLIZIA LOCALE": a numbered heading
 * whose name reads as a unit (capitals, or a unit word first), not a section
 * of the document ("2. SEZIONE VALORE PUBBLICO").
 */
export function numberedUnitHeading(text: string, maxChars: number): UnitHeadingData | null {
  const line = cleanInline(text);
  if (line.length > maxChars || /[.;:]$/.test(line)) return null;
  for (const re of NUMBERED_UNIT_HEADING) {
    const m = re.exec(line);
    if (!m?.[1] || !m[2]) continue;
    const rawName = m[2].trim();
    if (/^\d/.test(rawName) || DOCUMENT_SECTION.test(rawName)) continue;
    // The first form needs the name to look like a unit; the others carry a unit word already.
    const unitLike = re !== NUMBERED_UNIT_HEADING[0] || isAllCaps(rawName) || UNIT_WORDS.test(rawName);
    if (!unitLike) continue;
    // "2° Settore – Lavori pubblici": the whole line names it; otherwise what follows the number.
    return { number: romanOrNumber(m[1]), name: cleanUnitName(re === NUMBERED_UNIT_HEADING[2] ? line : rawName) };
  }
  return null;
}
