/** Where a finding sits beyond its page, for both renderers. */
import type { Finding } from "./report-model.js";
/** The layout table (as `piao tables` names it), row and column (1-based). */
export function tableRef(f: Pick<Finding, "table" | "row" | "column">): string {
  if (f.table === undefined) return "";
  const cell = [f.row !== undefined ? `row ${f.row + 1}` : "", f.column !== undefined ? `column ${f.column + 1}` : ""].filter((s) => s !== "");
  return [`table ${f.table}`, ...cell].join(", ");
}
