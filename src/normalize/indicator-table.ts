/**
 * An indicator table inside an objective sheet (PEG and ministries' sheets):
 * a header row Indicatore | Formula | Baseline | Target (any subset holding an
 * indicator or target column, any order), then one indicator per row.
 */
import type { Cell } from "../extract/layout.js";
import { cleanInline, isBlankValue } from "./clean-text.js";
import type { Indicator } from "./plan-schema.js";
import { summaryRoleOf } from "./recognize-summary.js";
import { colRange, colsOverlap, type ColRange } from "./table-grid.js";

type Part = "text" | "formula" | "baseline" | "target";

export type IndicatorColumns = Partial<Record<Part, ColRange>>;

const PART_OF: Partial<Record<string, Part>> = { indicators: "text", formula: "formula", baseline: "baseline", target: "target" };

/** The columns of an indicator table's header row, or null when the row is none. */
export function readIndicatorHeader(row: ReadonlyArray<Cell>): IndicatorColumns | null {
  const filled = row.filter((c) => c.text.trim() !== "");
  if (filled.length < 2) return null;
  const cols: IndicatorColumns = {};
  let known = 0;
  for (const cell of filled) {
    const role = summaryRoleOf(cell.text);
    // A header of labels only: a title or phase column makes it another table.
    if (role === "title") return null;
    const part = role ? PART_OF[role] : undefined;
    if (!part) continue;
    // Labels are short; a long cell is content.
    if (cleanInline(cell.text).split(" ").length > 6) return null;
    if (!cols[part]) cols[part] = colRange(cell);
    known++;
  }
  if (known < 2 || (!cols.text && !cols.target)) return null;
  return cols;
}

function textIn(row: ReadonlyArray<Cell>, range: ColRange | undefined): string | null {
  if (!range) return null;
  const t = cleanInline(
    row
      .filter((c) => colsOverlap(colRange(c), range))
      .map((c) => c.text)
      .join("\n"),
  );
  return isBlankValue(t) ? null : t;
}

/** One row of an indicator table → an indicator, or null for an empty row. */
export function readIndicatorRow(row: ReadonlyArray<Cell>, cols: IndicatorColumns): Indicator | null {
  const item: Indicator = {
    text: textIn(row, cols.text) ?? "",
    formula: textIn(row, cols.formula),
    baseline: textIn(row, cols.baseline),
    target: textIn(row, cols.target),
  };
  if (item.text === "" && item.formula === null && item.baseline === null && item.target === null) return null;
  return item;
}
