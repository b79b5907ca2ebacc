/**
 * Unit names: a summary heading in capitals is put in sentence case (acronyms
 * kept), a compound "Area: X – Risorse: Y" keeps X, and two names of one unit
 * compare equal whatever their case, accents or a leading "Servizio"/"Area".
 */
import { cleanInline, labelKey } from "./clean-text.js";
import { isAllCaps } from "./person-name.js";

/** Words printed in capitals that stay so in sentence case. */
const ACRONYMS = new Set([
  "suap",
  "sue",
  "urp",
  "ced",
  "ict",
  "uo",
  "uoc",
  "uos",
  "asl",
  "asp",
  "ausl",
  "erp",
  "pnrr",
  "peg",
  "pdo",
  "piao",
  "dup",
  "rpct",
  "sit",
  "tari",
  "imu",
  "ue",
  "ssn",
  "rsa",
  "cdr",
]);

export function sentenceCase(s: string): string {
  const lower = s.toLowerCase().replace(/\p{L}[\p{L}.]*/gu, (w) => (ACRONYMS.has(w.replace(/\./g, "")) ? w.toUpperCase() : w));
  return lower.replace(/(^|[.!?]\s+)(\p{Ll})/gu, (_, pre: string, ch: string) => pre + ch.toUpperCase());
}

/** A unit name as printed: compound parts after "Risorse:" dropped, capitals to sentence case. */
export function cleanUnitName(raw: string | null | undefined): string | null {
  if (raw == null) return null;
  let s = cleanInline(raw);
  s = s.replace(/\s*[:–—-]?\s*risorse\s*:.*$/i, "");
  // "SETTORE 2 – POLIZIA LOCALE", "Area III - Servizi", "Settore: 2 – …", "2° Settore – …": the
  // unit's type and number, then its name.
  s = s.replace(
    /^(?:area|settore|servizio|direzione|dipartimento|ufficio|u\.?\s?o\.?\s?c?\.?)\s*:?\s*(?:n\.?\s*)?(?:\d{1,2}|[ivx]{1,5})\s*[–—:.-]\s*(?=\S)/i,
    "",
  );
  s = s.replace(/^\d{1,2}\s*[°º^]\s*(?:area|settore|servizio|direzione|dipartimento)\s*[–—:.-]\s*(?=\S)/i, "");
  s = s.replace(/^(?:area|settore|struttura|unit[aà] organizzativa)\s*:\s*/i, "");
  s = s.replace(/[\s:;,.–—-]+$/, "");
  if (s === "") return null;
  return isAllCaps(s) ? sentenceCase(s) : s;
}

const TYPE_WORDS = /^(?:area|settore|servizio|ufficio|direzione|dipartimento|struttura|unita organizzativa|u o|uo|uoc|uos|cdr)\s+/;

function unitKey(s: string): string {
  let k = labelKey(s);
  for (let i = 0; i < 2; i++) k = k.replace(TYPE_WORDS, "");
  return k;
}

/** Same unit: equal keys, or one contained in the other (a longer official name). */
export function sameUnit(a: string | null, b: string | null): boolean {
  if (!a || !b) return true;
  const ka = unitKey(a);
  const kb = unitKey(b);
  if (ka === "" || kb === "") return true;
  return ka === kb || ka.includes(kb) || kb.includes(ka);
}
