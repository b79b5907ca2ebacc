/**
 * The consistency report as data: what `piao check --format json` prints and
 * what the text and HTML renderers draw. Built from plan exports only (see
 * build-report.ts), so it is the same whether the plans came from files or
 * from the database. Key order is fixed by these schemas; no timestamps and no
 * absolute paths, so two runs on the same plans print the same bytes.
 */
import { z } from "../shared/zod.js";
import { SourceFormat } from "../extract/layout.js";
import { Lang } from "./i18n/lang.js";
import { Anomaly, IsoDate, Period, PlanKind } from "../normalize/plan-schema.js";

/** One anomaly of the plan export, unchanged: the export's own schema, not a copy. */
export const Finding = Anomaly;
export type Finding = z.infer<typeof Finding>;

export const SeverityCounts = z.object({
  error: z.number().int(),
  warning: z.number().int(),
  info: z.number().int(),
});
export type SeverityCounts = z.infer<typeof SeverityCounts>;

/**
 * A phase as the Gantt chart draws it: its marked months, else its dates (a
 * deadline is a milestone; a start and a deadline a span), else its timing as
 * written; and its weight within the objective where the plan gives one.
 */
export const PhaseView = z.object({
  number: z.number().int().nullable(),
  description: z.string(),
  responsible: z.string().nullable(),
  months: z.array(z.string()),
  weight: z.number().nullable(),
  start: IsoDate.nullable(),
  deadline: IsoDate.nullable(),
  deadlineText: z.string().nullable(),
});
export type PhaseView = z.infer<typeof PhaseView>;

/**
 * How an objective's summary weight compares with its sheet's Peso dell'obiettivo:
 * `match`, `mismatch`, `no-sheet` (summary row only), `no-summary` (sheet only),
 * `no-weight` (one side has a blank weight).
 */
export const WeightStatus = z.enum(["match", "mismatch", "no-sheet", "no-summary", "no-weight"]);
export type WeightStatus = z.infer<typeof WeightStatus>;

export const ObjectiveView = z.object({
  number: z.number().int(),
  title: z.string(),
  summaryWeight: z.number().nullable(),
  sheetWeight: z.number().nullable(),
  /** The weights as written ("150/1000"), where the plan gives them. */
  summaryWeightText: z.string().nullable(),
  sheetWeightText: z.string().nullable(),
  weightStatus: WeightStatus,
  summaryPage: z.number().int().nullable(),
  sheetPage: z.number().int().nullable(),
  intersectoral: z.boolean(),
  phases: z.array(PhaseView),
  /** Findings about this objective alone. */
  findings: z.array(Finding),
  /**
   * Some finding concerns this objective: one of its own, or a unit-level one
   * naming its number (two objectives sharing a number, DUPLICATE_NUMBER).
   */
  flagged: z.boolean(),
});
export type ObjectiveView = z.infer<typeof ObjectiveView>;

/**
 * A unit's weight totals. `expected` is the declared TOTALE row when present
 * (`expectedFrom: "declared"`), else the configured expected total. `summaryStatus`
 * is `none` when no summary row has a weight; `sheetStatus` is `incomplete`
 * when some summary rows have no sheet weight, so the sheet total cannot be judged.
 */
export const WeightTotals = z.object({
  summary: z.number().nullable(),
  sheet: z.number().nullable(),
  summaryCount: z.number().int(),
  sheetCount: z.number().int(),
  expected: z.number(),
  expectedFrom: z.enum(["declared", "default"]),
  summaryStatus: z.enum(["ok", "off", "none"]),
  sheetStatus: z.enum(["ok", "off", "incomplete", "none"]),
});
export type WeightTotals = z.infer<typeof WeightTotals>;

export const UnitView = z.object({
  /** The unit's number as printed, else null. */
  number: z.number().int().nullable(),
  name: z.string(),
  manager: z.string().nullable(),
  page: z.number().int().nullable(),
  totals: WeightTotals,
  /** Findings about the unit as a whole, or naming an objective number the unit does not have once. */
  findings: z.array(Finding),
  objectives: z.array(ObjectiveView),
});
export type UnitView = z.infer<typeof UnitView>;

export const ObjectiveChange = z.object({
  status: z.enum(["added", "dropped", "changed"]),
  number: z.number().int().nullable(),
  previousNumber: z.number().int().nullable(),
  title: z.string().nullable(),
  previousTitle: z.string().nullable(),
  weight: z.number().nullable(),
  previousWeight: z.number().nullable(),
  /** Title likeness of a matched pair (0-1, 3 decimals); null for added/dropped. */
  similarity: z.number().nullable(),
  renumbered: z.boolean(),
  retitled: z.boolean(),
  reweighted: z.boolean(),
  indicatorsAdded: z.array(z.string()),
  indicatorsRemoved: z.array(z.string()),
});
export type ObjectiveChange = z.infer<typeof ObjectiveChange>;

export const UnitChanges = z.object({
  /** The unit's name this year (null when the unit was dropped). */
  unit: z.string().nullable(),
  /** The unit's name in the previous plan (null when the unit is new). */
  previousUnit: z.string().nullable(),
  status: z.enum(["added", "dropped", "matched"]),
  unchanged: z.number().int(),
  changes: z.array(ObjectiveChange),
});
export type UnitChanges = z.infer<typeof UnitChanges>;

export const ChangeCounts = z.object({
  added: z.number().int(),
  dropped: z.number().int(),
  reweighted: z.number().int(),
  retitled: z.number().int(),
  renumbered: z.number().int(),
  indicatorsChanged: z.number().int(),
  unchanged: z.number().int(),
});
export type ChangeCounts = z.infer<typeof ChangeCounts>;

export const YearChanges = z.object({
  previous: z.object({
    planId: z.union([z.number(), z.string()]).nullable(),
    organization: z.string().nullable(),
    year: z.number().int().nullable(),
    sourcePath: z.string(),
  }),
  counts: ChangeCounts,
  units: z.array(UnitChanges),
});
export type YearChanges = z.infer<typeof YearChanges>;

export const PlanReport = z.object({
  /** The plan's id in the database, null for a plan read from a file. */
  planId: z.union([z.number(), z.string()]).nullable(),
  organization: z.string().nullable(),
  /** What the document calls itself (pdo, piano-performance, piao, peg, other), null when unknown. */
  kind: PlanKind.nullable(),
  year: z.number().int().nullable(),
  /** The years the plan covers, null when unknown. */
  period: Period.nullable(),
  source: z.object({
    path: z.string(),
    format: SourceFormat,
    pageCount: z.number().int().nullable(),
    sha256: z.string(),
  }),
  counts: z.object({
    units: z.number().int(),
    objectives: z.number().int(),
    findings: SeverityCounts,
    /** The advisory findings by severity (not in `findings`: the contract's counts stay the export's). */
    advisory: SeverityCounts,
  }),
  /** Findings naming no unit of the plan (e.g. UNREADABLE pages). */
  findings: z.array(Finding),
  units: z.array(UnitView),
  /**
   * Advisory findings: domain rules the contract has no code for (R4, R6, R8,
   * R9, R17 of shared/design/domain.md), computed by the report from the plan
   * and never part of the export. Document order (unit, then objective).
   * Empty when the report was built without them (`--no-advisory`).
   */
  advisory: z.array(Finding),
  /** What changed since the same body's previous plan, when the database holds one. */
  changes: YearChanges.nullable(),
  /**
   * What changed since the version of this same plan (same body and year) that
   * this one superseded in the database: an in-year variation (domain rule R14).
   */
  variation: YearChanges.nullable(),
});
export type PlanReport = z.infer<typeof PlanReport>;

export const Unreadable = z.object({ file: z.string(), reason: z.string() });
export type Unreadable = z.infer<typeof Unreadable>;

export const Report = z.object({
  reportVersion: z.literal(1),
  /**
   * `advisory`: whether the advisory checks were computed (false with `--no-advisory`);
   * `lang`: the language of the finding messages and of every rendered label (`--lang`).
   */
  settings: z.object({ expectedTotal: z.number(), totalTolerance: z.number(), advisory: z.boolean(), lang: Lang.default("it") }),
  totals: z.object({ plans: z.number().int(), unreadable: z.number().int(), findings: SeverityCounts, advisory: SeverityCounts }),
  plans: z.array(PlanReport),
  unreadable: z.array(Unreadable),
});
export type Report = z.infer<typeof Report>;

export const SEVERITY_RANK: Record<Finding["severity"], number> = { error: 3, warning: 2, info: 1 };
