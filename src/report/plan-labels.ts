/**
 * How the report names a plan's kind, its period and a unit, the same in text
 * and HTML. Kinds are named as the documents name themselves (Italian), with
 * the catalogue's words for what the plan does not say.
 */
import type { Period, PlanKind } from "../normalize/plan-schema.js";
import type { Catalogue } from "./i18n/catalogue.js";
import { it } from "./i18n/it.js";

/** "2026–2028", "2024" for a one-year plan, null when unknown. */
export function periodLabel(period: Period | null): string | null {
  if (period === null) return null;
  return period.from === period.to ? String(period.from) : `${period.from}–${period.to}`;
}

/** "PIAO (…), 2026–2028"; "tipo non indicato" / "periodo non indicato" for what the plan does not say (or a version-1 export did not read). */
export function kindAndPeriod(p: { kind: PlanKind | null; period: Period | null }, t: Catalogue = it): string {
  return `${p.kind === null ? t.kindUnknown : t.kind[p.kind]}, ${periodLabel(p.period) ?? t.periodUnknown}`;
}

/** The years in a plan's title: its period when it spans several years, else its year. */
export function planYears(p: { year: number | null; period: Period | null }): string | null {
  if (p.period !== null && p.period.from !== p.period.to) return periodLabel(p.period);
  return p.year === null ? null : String(p.year);
}

/** "3 – Settore tecnico" where the plan numbers its units, else the name. */
export function unitTitle(u: { number: number | null; name: string }): string {
  return u.number === null ? u.name : `${u.number} – ${u.name}`;
}
