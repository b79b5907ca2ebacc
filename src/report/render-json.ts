/**
 * The Report model as JSON for automation: keys in schema order, two-space
 * indent, final newline. Values stay as the plans hold them; JSON.stringify
 * escapes C0 control characters, and DEL and C1 ones are written as \u
 * escapes too, so printing the JSON to a terminal sends it no control
 * character from a plan while every value reads back the same.
 */
import { Report } from "./report-model.js";

// eslint-disable-next-line no-control-regex
const DEL_C1 = /[\u007f-\u009f]/g;

export function renderJson(report: Report): string {
  // Parsing again puts keys in the schema's order whatever built the object.
  const json = JSON.stringify(Report.parse(report), null, 2);
  return json.replace(DEL_C1, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`) + "\n";
}
