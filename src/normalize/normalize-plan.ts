import type { LayoutDocument } from "../extract/layout.js";
import type { PlanExport } from "./plan-schema.js";
import { DocumentError } from "../shared/errors.js";

export interface NormalizeOptions {
  file: string;
  /** The total a unit's weights must reach when it has no TOTALE row. */
  expectedTotal: number;
}

export type PlanBody = Pick<PlanExport, "organization" | "year" | "units" | "anomalies">;

export function normalizePlan(_layout: LayoutDocument, opts: Partial<NormalizeOptions> & { file: string }): PlanBody {
  throw new DocumentError("not-a-plan", opts.file, "normaliser not implemented yet");
}
