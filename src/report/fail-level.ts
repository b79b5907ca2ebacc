/** `--fail-on error|warning`: whether the report holds findings at or above that severity. */
import { z } from "zod";
import type { Report } from "./report-model.js";

export const FailOn = z.enum(["error", "warning"]);
export type FailOn = z.infer<typeof FailOn>;

export function failLevelReached(report: Report, level: FailOn): boolean {
  const f = report.totals.findings;
  return level === "error" ? f.error > 0 : f.error + f.warning > 0;
}
