/**
 * What every anomaly rule sees: the finished units and, per objective, how it
 * was paired. Rules return drafts; normalize-plan orders them by unit, then
 * objective, then rule.
 */
import type { ReaderMessage } from "../../extract/layout.js";
import type { Anomaly, Objective, Period, Unit } from "../plan-schema.js";
import type { NormalizeSettings } from "../settings.js";

export interface ObjectiveInfo {
  objective: Objective;
  /** Position of the objective in its unit. */
  index: number;
  /** The sheet matched no summary row. */
  orphan: boolean;
  /** Paired by number although the titles differ. */
  titleMismatch: boolean;
  /** Name of the unit whose summary the sheet is printed under, when that is another unit. */
  printedUnder: string | null;
  /** The summary row carries the OBIETTIVO INTERSETTORIALE tag. */
  summaryIntersectoral: boolean;
  /** The sheet's phases come from a month grid (PHASE_NO_MONTHS applies only then). */
  monthGrid: boolean;
  /** The document prints the objective's number (not numbered by order of appearance). */
  printedNumber: boolean;
}

export interface UnitInfo {
  unit: Unit;
  index: number;
  /** The unit has a summary sheet (it was not built from sheets alone). */
  hasSummary: boolean;
  /** Page of the unit's summary sheet. */
  page: number | null;
  objectives: ObjectiveInfo[];
}

export interface RuleContext {
  units: UnitInfo[];
  settings: NormalizeSettings;
  readerMessages: ReadonlyArray<ReaderMessage>;
  /** The years the plan covers, when the document says. */
  period: Period | null;
  /** The document holds objective sheets (one at least, read or unreadable): MISSING_DETAIL applies. */
  hasDetails: boolean;
}

export interface AnomalyDraft extends Anomaly {
  unitIndex: number;
  objectiveIndex: number;
}

export type Rule = (ctx: RuleContext) => AnomalyDraft[];

export function draft(u: UnitInfo, o: ObjectiveInfo | null, code: string, severity: Anomaly["severity"], message: string, page: number | null): AnomalyDraft {
  return {
    code,
    severity,
    unit: u.unit.name,
    objective: o ? o.objective.number : null,
    message,
    page,
    unitIndex: u.index,
    // Findings on a whole unit follow those on its objectives.
    objectiveIndex: o ? o.index : Number.MAX_SAFE_INTEGER,
  };
}

/** "15", "12,5": numbers as an Italian reader writes them. */
export function fmt(n: number): string {
  const r = Math.round(n * 100) / 100;
  return String(r).replace(".", ",");
}

export function detailPage(o: ObjectiveInfo): number | null {
  return o.objective.detail?.page ?? o.objective.summary?.page ?? null;
}

export function summaryPage(o: ObjectiveInfo): number | null {
  return o.objective.summary?.page ?? o.objective.detail?.page ?? null;
}
