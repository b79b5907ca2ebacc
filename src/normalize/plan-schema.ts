/**
 * The plan export: the shared contract (`shared/contract/plan-export.schema.json`)
 * as zod schemas. This file is the one source of the plan types; a test checks
 * that what these schemas accept also validates against the shared JSON Schema.
 *
 * Fields beyond the contract (allowed by it) carry provenance: `table` is the id
 * of the layout table a value was read from (see `piao tables`).
 */
import { z } from "../shared/zod.js";
import { SourceFormat } from "../extract/layout.js";

export const YearMonth = z.string().regex(/^[0-9]{4}-(0[1-9]|1[0-2])$/);

export const IsoDate = z.string().regex(/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/);

export const Phase = z.object({
  number: z.number().int().nullable(),
  description: z.string(),
  responsible: z.string().nullable(),
  output: z.string().nullable(),
  months: z.array(YearMonth),
  /** The activity's weight within the objective, 0-100. */
  weight: z.number().nullable(),
  start: IsoDate.nullable(),
  deadline: IsoDate.nullable(),
  /** The deadline or timing as written. */
  deadlineText: z.string().nullable(),
  page: z.number().int().nullable().optional(),
});

/** One result indicator; formula, baseline and target where the plan gives them apart. */
export const Indicator = z.object({
  text: z.string(),
  formula: z.string().nullable(),
  baseline: z.string().nullable(),
  target: z.string().nullable(),
});
export type Indicator = z.infer<typeof Indicator>;

/** Where the plan links an objective upward (PIAO, DUP-based plans). */
export const Strategy = z.object({
  mission: z.string().nullable(),
  programme: z.string().nullable(),
  strategicObjective: z.string().nullable(),
  publicValue: z.string().nullable(),
});
export type Strategy = z.infer<typeof Strategy>;
export type Phase = z.infer<typeof Phase>;

export const SummaryRow = z.object({
  weight: z.number().nullable(),
  /** The weight as written ("15%", "150/1000"), null where none. */
  weightText: z.string().nullable(),
  title: z.string(),
  indicators: z.array(Indicator),
  notes: z.string().nullable(),
  page: z.number().int().nullable(),
  table: z.string().nullable().optional(),
});
export type SummaryRow = z.infer<typeof SummaryRow>;

export const DetailSheet = z.object({
  number: z.number().int().nullable(),
  weight: z.number().nullable(),
  weightText: z.string().nullable(),
  title: z.string(),
  unitName: z.string().nullable(),
  manager: z.string().nullable(),
  duration: z.string().nullable(),
  endYear: z.number().int().nullable(),
  intersectoral: z.boolean(),
  description: z.string().nullable(),
  indicators: z.array(Indicator),
  criticalities: z.string().nullable(),
  phases: z.array(Phase),
  page: z.number().int().nullable(),
  table: z.string().nullable().optional(),
});
export type DetailSheet = z.infer<typeof DetailSheet>;

export const Objective = z.object({
  number: z.number().int(),
  title: z.string(),
  summary: SummaryRow.nullable(),
  detail: DetailSheet.nullable(),
  strategy: Strategy.nullable(),
});
export type Objective = z.infer<typeof Objective>;

export const Unit = z.object({
  /** The unit's number as printed ("3 - SETTORE TECNICO" gives 3). */
  number: z.number().int().nullable(),
  name: z.string(),
  manager: z.string().nullable(),
  declaredTotal: z.number().nullable(),
  objectives: z.array(Objective),
  page: z.number().int().nullable().optional(),
});
export type Unit = z.infer<typeof Unit>;

export const AnomalySeverity = z.enum(["error", "warning", "info"]);
export type AnomalySeverity = z.infer<typeof AnomalySeverity>;

export const Anomaly = z.object({
  code: z.string(),
  severity: AnomalySeverity,
  unit: z.string().nullable(),
  objective: z.number().int().nullable(),
  message: z.string(),
  page: z.number().int().nullable(),
  /**
   * Beyond the contract (which allows more fields): where a reader's finding sits, the
   * layout table's id and, within it, the row and column, 1-based (a layout cell's
   * `row`/`col` + 1). Absent when unknown.
   */
  table: z.string().optional(),
  row: z.number().int().positive().optional(),
  column: z.number().int().positive().optional(),
});
export type Anomaly = z.infer<typeof Anomaly>;

export const Source = z.object({
  path: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  format: SourceFormat,
  pageCount: z.number().int().nonnegative().nullable(),
});
export type Source = z.infer<typeof Source>;

export const PlanKind = z.enum(["pdo", "piano-performance", "piao", "peg", "other"]);
export type PlanKind = z.infer<typeof PlanKind>;

export const Period = z.object({ from: z.number().int(), to: z.number().int() });
export type Period = z.infer<typeof Period>;

export const SCHEMA_VERSION = 2;

export const PlanExport = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  source: Source,
  organization: z.string().nullable(),
  kind: PlanKind.nullable(),
  year: z.number().int().nullable(),
  period: Period.nullable(),
  units: z.array(Unit),
  anomalies: z.array(Anomaly),
});
export type PlanExport = z.infer<typeof PlanExport>;
