/**
 * Weights as printed → a number on the 0-100 scale, or null when nothing is
 * written. Never 0 for a blank: a blank weight is unknown, not zero.
 */
import type { NormalizeSettings } from "./settings.js";

const NUMBER = String.raw`(\d{1,3}(?:[.,]\d+)?|[.,]\d+)`;
/** Per mille ("150/1000", "150 ‰", "150 su 1000", "punti 150/1000"): tenths of the 0-100 scale. */
const PER_MILLE = /^(?:(?:peso|grado\s+di\s+priorit[aà]|priorit[aà]|punti)\s*:?\s*)?(\d{1,4}(?:[.,]\d+)?)\s*(?:‰|\/\s*1\.?000|su\s+1\.?000|per\s+mille)$/i;
const FORMS: ReadonlyArray<RegExp> = [
  new RegExp(String.raw`^(?:peso\s*(?:obiettivo)?\s*:?\s*)?${NUMBER}\s*(?:%|/\s*100|su\s+100|punti|pt\.?)?$`, "i"),
  new RegExp(String.raw`^(?:punti|pt\.?)\s*:?\s*${NUMBER}$`, "i"),
  new RegExp(String.raw`^(?:grado\s+di\s+priorit[aà]|priorit[aà]|pesatura)\s*:?\s*${NUMBER}\s*(?:%|/\s*100)?$`, "i"),
];

function toNumber(s: string): number {
  return Number(s.replace(",", "."));
}

export interface ParsedWeight {
  value: number | null;
  /** "percent" for 15/15%/15/100, "fraction" for 0,15 read as 15. */
  form: "percent" | "fraction" | "perMille" | "blank" | "unreadable";
}

export function parseWeightDetailed(raw: string | null | undefined, settings: Pick<NormalizeSettings, "fractionMax">): ParsedWeight {
  const text = (raw ?? "").replace(/\s+/g, " ").trim().replace(/[.;]$/, "");
  if (text === "" || /^[-–—/]+$/.test(text)) return { value: null, form: "blank" };
  const mille = PER_MILLE.exec(text);
  if (mille?.[1]) return { value: round(toNumber(mille[1]) / 10), form: "perMille" };
  for (const re of FORMS) {
    const m = re.exec(text);
    if (!m?.[1]) continue;
    const n = toNumber(m[1]);
    if (!Number.isFinite(n)) continue;
    const explicitScale = /%|\/\s*100|100|punti|pt/i.test(text.replace(m[1], ""));
    // "0,15" with no % or /100 is a fraction of one; "1,2" stays a coefficient.
    if (!explicitScale && n > 0 && n < settings.fractionMax && /[.,]/.test(m[1])) {
      return { value: round(n * 100), form: "fraction" };
    }
    return { value: n, form: "percent" };
  }
  return { value: null, form: "unreadable" };
}

export function parseWeight(raw: string | null | undefined, settings: Pick<NormalizeSettings, "fractionMax"> = { fractionMax: 1 }): number | null {
  return parseWeightDetailed(raw, settings).value;
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
