/**
 * The weight comparison of a unit: each objective's summary weight against its
 * sheet's Peso dell'obiettivo (rule R2), and the unit's totals against its
 * TOTALE row or the expected total (rule R1).
 */
import type { Objective, Unit } from "../normalize/plan-schema.js";
import type { WeightStatus, WeightTotals } from "./report-model.js";
import type { ReportSettings } from "./report-settings.js";

export function weightStatus(o: Objective, settings: ReportSettings): WeightStatus {
  if (!o.summary) return "no-summary";
  if (!o.detail) return "no-sheet";
  if (o.summary.weight === null || o.detail.weight === null) return "no-weight";
  return Math.abs(o.summary.weight - o.detail.weight) > settings.weightEpsilon ? "mismatch" : "match";
}

/** Sum without float noise such as 0.1 + 0.2 (weights have at most a few decimals). */
function tidySum(values: number[]): number {
  return Math.round(values.reduce((a, b) => a + b, 0) * 1e6) / 1e6;
}

export function weightTotals(unit: Unit, settings: ReportSettings): WeightTotals {
  const summaryWeights = unit.objectives.flatMap((o) => (o.summary?.weight != null ? [o.summary.weight] : []));
  const sheetWeights = unit.objectives.flatMap((o) => (o.detail?.weight != null ? [o.detail.weight] : []));
  const declared = unit.declaredTotal ?? null;
  const expected = declared ?? settings.expectedTotal;
  const within = (sum: number) => Math.abs(sum - expected) <= settings.totalTolerance;
  const summary = summaryWeights.length ? tidySum(summaryWeights) : null;
  const sheet = sheetWeights.length ? tidySum(sheetWeights) : null;
  // The sheet total is only comparable when every objective of the unit has a sheet weight.
  const complete = unit.objectives.every((o) => o.detail?.weight != null);
  return {
    summary,
    sheet,
    summaryCount: summaryWeights.length,
    sheetCount: sheetWeights.length,
    expected,
    expectedFrom: declared === null ? "default" : "declared",
    summaryStatus: summary === null ? "none" : within(summary) ? "ok" : "off",
    // Missing sheets can only add weight: a partial total already above the expected one is off.
    sheetStatus: sheet === null ? "none" : sheet > expected + settings.totalTolerance ? "off" : !complete ? "incomplete" : within(sheet) ? "ok" : "off",
  };
}
