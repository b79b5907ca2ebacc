/** The Report model as JSON for automation: keys in schema order, two-space indent, final newline. */
import { Report } from "./report-model.js";

export function renderJson(report: Report): string {
  // Parsing again puts keys in the schema's order whatever built the object.
  return JSON.stringify(Report.parse(report), null, 2) + "\n";
}
