/**
 * Numbers and dates as the reader writes them: Italian "12,5" and 31/12/2026,
 * English "12.5" and 31 Dec 2026. The report model keeps machine values
 * (numbers, ISO dates); only what is shown goes through here.
 */
import type { Catalogue } from "./catalogue.js";
import { en } from "./en.js";
import { it } from "./it.js";
import type { Lang } from "./lang.js";

export function catalogue(lang: Lang): Catalogue {
  return lang === "en" ? en : it;
}

/** A number rounded to two decimals with the language's separator ("12,5"); "–" for none. */
export function formatNumber(t: Catalogue, value: number | null): string {
  if (value === null) return "–";
  return String(Math.round(value * 100) / 100).replace(".", t.decimal);
}

/** An ISO date (YYYY-MM-DD) or an Italian one (DD/MM/YYYY) for people; anything else as it is. */
export function formatDate(t: Catalogue, date: string): string {
  const iso = date.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  const ita = date.match(/^(\d{2})\/(\d{2})\/(\d{4})$/);
  if (iso) return t.date(Number(iso[3]), Number(iso[2]), Number(iso[1]));
  if (ita) return t.date(Number(ita[1]), Number(ita[2]), Number(ita[3]));
  return date;
}

/** "3 avvisi", "1 nota". */
export function count(n: number, noun: { one: string; many: string }): string {
  return `${n} ${n === 1 ? noun.one : noun.many}`;
}

/** "2 errori, 1 avviso, 0 note"; without the errors for the advisory checks, which raise none. */
export function severityCounts(t: Catalogue, c: { error: number; warning: number; info: number }, withErrors = true): string {
  const parts = [count(c.warning, t.severity.warning), count(c.info, t.severity.info)];
  return (withErrors ? [count(c.error, t.severity.error), ...parts] : parts).join(", ");
}
