/**
 * The plan export: the shared contract (`shared/contract/plan-export.schema.json`)
 * as zod schemas. This file is the one source of the plan types; a test checks
 * that what these schemas accept also validates against the shared JSON Schema.
 *
 * Fields beyond the contract (allowed by it) carry provenance: `table` is the id
 * of the layout table a value was read from (see `piao tables`).
 */
import { z } from "zod";
import { SourceFormat } from "../extract/layout.js";

export const YearMonth = z.string().regex(/^[0-9]{4}-(0[1-9]|1[0-2])$/);

export const Phase = z.object({
  number: z.number().int().nullable(),
  description: z.string(),
  responsible: z.string().nullable(),
  output: z.string().nullable(),
  months: z.array(YearMonth),
  page: z.number().int().nullable().optional(),
});
export type Phase = z.infer<typeof Phase>;

export const SummaryRow = z.object({
  weight: z.number().nullable(),
  title: z.string(),
  indicators: z.array(z.string()),
  notes: z.string().nullable(),
  page: z.number().int().nullable(),
  table: z.string().nullable().optional(),
});
export type SummaryRow = z.infer<typeof SummaryRow>;

export const DetailSheet = z.object({
  number: z.number().int().nullable(),
  weight: z.number().nullable(),
  title: z.string(),
  unitName: z.string().nullable(),
  manager: z.string().nullable(),
  duration: z.string().nullable(),
  endYear: z.number().int().nullable(),
  intersectoral: z.boolean(),
  description: z.string().nullable(),
  indicators: z.array(z.string()),
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
});
export type Objective = z.infer<typeof Objective>;

export const Unit = z.object({
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
});
export type Anomaly = z.infer<typeof Anomaly>;

export const Source = z.object({
  path: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  format: SourceFormat,
  pageCount: z.number().int().nonnegative().nullable(),
});
export type Source = z.infer<typeof Source>;

export const PlanExport = z.object({
  schemaVersion: z.literal(1),
  source: Source,
  organization: z.string().nullable(),
  year: z.number().int().nullable(),
  units: z.array(Unit),
  anomalies: z.array(Anomaly),
});
export type PlanExport = z.infer<typeof PlanExport>;
