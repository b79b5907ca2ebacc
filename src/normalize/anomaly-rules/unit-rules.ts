/**
 * Rules over a unit's whole set of objectives or across units: WEIGHT_TOTAL,
 * PAYMENT_TIMES_WEIGHT and INTERSECTORAL_DRIFT.
 */
import { cut, labelKey } from "../clean-text.js";
import { indicatorWords } from "../indicator-items.js";
import type { Indicator } from "../plan-schema.js";
import { titleLikeness } from "../title-likeness.js";
import { draft, fmt, summaryPage, type ObjectiveInfo, type Rule, type UnitInfo } from "./context.js";

/** Weights that all look like coefficients (1,0 / 1,2 / 1,4) are not percentages. */
function coefficientUnit(u: UnitInfo, max: number): boolean {
  const ws = u.objectives.map((o) => o.objective.summary?.weight).filter((w): w is number => w != null);
  return ws.length > 0 && ws.every((w) => w <= max);
}

export const weightTotal: Rule = ({ units, settings }) =>
  units.flatMap((u) => {
    const rows = u.objectives.filter((o) => o.objective.summary);
    const weights = rows.map((o) => o.objective.summary!.weight).filter((w): w is number => w !== null);
    if (weights.length === 0 || coefficientUnit(u, settings.coefficientMax)) return [];
    const sum = weights.reduce((a, b) => a + b, 0);
    const declared = u.unit.declaredTotal ?? null;
    const target = declared ?? settings.expectedTotal;
    if (Math.abs(sum - target) <= settings.weightTolerance) return [];
    const blanks = rows.length - weights.length;
    const against = declared !== null ? `al TOTALE dichiarato (${fmt(declared)})` : `a ${fmt(target)}`;
    const note = blanks > 0 ? ` (${blanks} obiettivi senza peso)` : "";
    return [draft(u, null, "WEIGHT_TOTAL", "error", `${u.unit.name}: i pesi della scheda sintetica sommano a ${fmt(sum)}${note} anziché ${against}.`, u.page)];
  });

export const paymentTimesWeight: Rule = ({ units, settings }) => {
  const paymentTimes = new RegExp(settings.paymentTimesPatterns.join("|"), "i");
  return units.flatMap((u) => {
    if (coefficientUnit(u, settings.coefficientMax)) return [];
    return u.objectives.flatMap((o) => {
      const titles = [o.objective.title, o.objective.summary?.title ?? "", o.objective.detail?.title ?? ""];
      if (!titles.some((t) => paymentTimes.test(t.replace(/\s+/g, " ")))) return [];
      const w = o.objective.summary?.weight ?? o.objective.detail?.weight ?? null;
      if (w === null || w >= settings.paymentTimesMinWeight - settings.weightTolerance) return [];
      return [
        draft(
          u,
          o,
          "PAYMENT_TIMES_WEIGHT",
          "error",
          `${u.unit.name}, obiettivo ${o.objective.number}: l'obiettivo sui tempi di pagamento delle fatture commerciali pesa ${fmt(w)}, meno del minimo di ${fmt(settings.paymentTimesMinWeight)} (art. 4-bis D.L. 13/2023).`,
          summaryPage(o),
        ),
      ];
    });
  });
};

function intersectoral(o: ObjectiveInfo): boolean {
  return o.summaryIntersectoral || o.objective.detail?.intersectoral === true;
}

/**
 * An intersectoral copy's wording: its title and indicators, folded. Indicators count as one run of
 * words, however they are split into items (a conversion may run them together), and only where
 * every copy of the group has a sheet listing some.
 */
function wording(o: ObjectiveInfo, withIndicators: boolean): string {
  const titles = labelKey(o.objective.title);
  if (!withIndicators) return titles;
  const words = sheetIndicatorWords(o).replace(/ /g, "");
  return `${titles}#${words}`;
}

/** The sheet's indicators: the summary rows' are often abridged differently unit by unit. */
function sheetIndicatorWords(o: ObjectiveInfo): string {
  // Without a sheet, the summary row's list is the objective's only one.
  const d = o.objective.detail;
  const list: ReadonlyArray<Indicator> = d ? d.indicators : (o.objective.summary?.indicators ?? []);
  return labelKey(list.map(indicatorWords).join(" "));
}

/**
 * R12: copies of one intersectoral objective (alike titles, in different units)
 * must share title and indicators. The copies that differ from the wording most
 * units share are reported; where no wording has a majority, every copy is.
 */
export const intersectoralDrift: Rule = ({ units, settings }) => {
  const groups: Array<Array<{ u: UnitInfo; o: ObjectiveInfo }>> = [];
  for (const u of units) {
    for (const o of u.objectives.filter(intersectoral)) {
      const group = groups.find((g) => g.every((m) => m.u !== u) && titleLikeness(g[0]!.o.objective.title, o.objective.title) >= settings.titleSameFrom);
      if (group) group.push({ u, o });
      else groups.push([{ u, o }]);
    }
  }
  const out: ReturnType<Rule> = [];
  for (const members of groups) {
    const withIndicators = members.every((m) => sheetIndicatorWords(m.o) !== "");
    const key = (o: ObjectiveInfo) => wording(o, withIndicators);
    const counts = new Map<string, number>();
    for (const m of members) counts.set(key(m.o), (counts.get(key(m.o)) ?? 0) + 1);
    if (counts.size <= 1) continue;
    const major = [...counts].find(([, n]) => n * 2 > members.length)?.[0] ?? null;
    for (const { u, o } of members) {
      if (major !== null && key(o) === major) continue;
      const why =
        major === null ? "nessuna formulazione è condivisa dalla maggior parte delle unità" : "differisce dalla formulazione condivisa dalle altre unità";
      out.push(
        draft(
          u,
          o,
          "INTERSECTORAL_DRIFT",
          "warning",
          `${u.unit.name}, obiettivo ${o.objective.number}: l'obiettivo intersettoriale '${cut(o.objective.title, settings.messageTitleLength)}' ha titolo o indicatori diversi tra le unità (${why}).`,
          summaryPage(o),
        ),
      );
    }
  }
  return out;
};
