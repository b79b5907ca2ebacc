/**
 * `--fail-on error|warning`: whether the report holds findings at or above that
 * severity. The contract's findings only, unless `advisory` is set
 * (`--fail-on-advisory`): advisory checks are candidates, so by default they
 * inform without failing a publication gate.
 */
import { z } from "../shared/zod.js";
import type { Report } from "./report-model.js";

export const FailOn = z.enum(["error", "warning"]);
export type FailOn = z.infer<typeof FailOn>;

export function failLevelReached(report: Report, level: FailOn, options: { advisory?: boolean } = {}): boolean {
  const f = report.totals.findings;
  const a = options.advisory ? report.totals.advisory : { error: 0, warning: 0, info: 0 };
  return level === "error" ? f.error + a.error > 0 : f.error + f.warning + a.error + a.warning > 0;
}
