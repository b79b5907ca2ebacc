/**
 * The phases table of an objective sheet: its header (N°, Descrizione fase,
 * Responsabile, Prodotto intermedio, then the month grid, possibly under a row
 * of years), and each phase row's marked months. A month header may span
 * several sub-columns (half months); marks are mapped to months by bbox
 * x-overlap when both have boxes, else by the columns they cover.
 */
import type { BBox, Cell, Table } from "../extract/layout.js";
import { cleanBlock, cleanInline, labelKey } from "./clean-text.js";
import { isMarkedCell } from "./marks.js";
import { parseYearToken, readPeriodSequence } from "./month-header.js";
import type { NormalizeSettings } from "./settings.js";
import { colRange, colsOverlap, type ColRange, xOverlapRatio } from "./table-grid.js";
import type { Phase } from "./plan-schema.js";
import { parseDeadline, parseStart } from "./parse-date.js";
import { parseWeight } from "./parse-weight.js";
import { PHASE_COLUMN_LABELS, type PhaseColumnRole } from "./vocabulary.js";

export interface MonthColumn extends ColRange {
  bbox: BBox | null;
  /** "YYYY-MM" of each month the column stands for (three for a quarter, six for a semester). */
  yms: string[];
}

export interface PhaseGrid {
  number: ColRange | null;
  description: ColRange;
  responsible: ColRange | null;
  output: ColRange | null;
  /** Timing columns: a deadline (Scadenza / Termine / Data fine), a start date, the activity's weight. */
  deadline: ColRange | null;
  start: ColRange | null;
  weight: ColRange | null;
  months: MonthColumn[];
  /** Column count of the table the grid was read from (continuations must agree). */
  cols: number;
}

type Role = PhaseColumnRole;

/** Header labels are short; a long text is content, whatever words it contains. */
export function roleOf(text: string, maxWords: number): Role | null {
  const k = labelKey(text);
  if (k.split(" ").length > maxWords) return null;
  for (const [re, role] of PHASE_COLUMN_LABELS) if (re.test(k)) return role;
  return null;
}

/**
 * If row `r` of `rows` starts a phases header, the grid it defines and the index
 * of the first phase row; else null.
 */
export function readPhaseHeader(
  table: Table,
  rows: ReadonlyArray<ReadonlyArray<Cell>>,
  r: number,
  planYear: number | null,
  settings: Pick<NormalizeSettings, "phaseHeaderMinMonths" | "phaseHeaderMinPeriods" | "headerMaxWords" | "yearOverlap">,
): { grid: PhaseGrid; firstRow: number } | null {
  const head = rows[r] ?? [];
  const roles = new Map<Role, ColRange>();
  for (const cell of head) {
    const role = roleOf(cell.text, settings.headerMaxWords);
    if (role && !roles.has(role)) roles.set(role, colRange(cell));
  }
  const description = roles.get("description");
  if (!description) return null;
  const gridWith = (months: PhaseGrid["months"]): PhaseGrid => {
    // A "Tempistica" label spanning the month columns heads the grid, not a deadline column.
    const outsideMonths = (range: ColRange | undefined) => (range && !months.some((m) => colsOverlap(m, range)) ? range : null);
    return {
      number: roles.get("number") ?? null,
      description,
      responsible: roles.get("responsible") ?? null,
      output: roles.get("output") ?? null,
      deadline: outsideMonths(roles.get("deadline")),
      start: outsideMonths(roles.get("start")),
      weight: outsideMonths(roles.get("weight")),
      months,
      cols: table.cols,
    };
  };
  // The month row is this row or one of the next two (under "Tempificazione", maybe under years).
  for (let m = r; m <= r + 2 && m < rows.length; m++) {
    const cells = (rows[m] ?? []).filter((c) => c.col > description.col1);
    const months = readPeriodSequence(cells.map((c) => c.text));
    const found = months.filter((x) => x !== null);
    const periods = found.filter((x) => x!.length > 1).length;
    if (found.length < settings.phaseHeaderMinMonths && periods < settings.phaseHeaderMinPeriods) continue;
    const yearCells = rows
      .slice(r, m)
      .flat()
      .filter((c) => parseYearToken(c.text) !== null);
    const monthCols: MonthColumn[] = [];
    let year = planYear ?? new Date().getUTCFullYear();
    let prev = 0;
    cells.forEach((cell, i) => {
      const period = months[i];
      if (period == null) return;
      const range = colRange(cell);
      const yc = yearCells.find((y) => (y.bbox && cell.bbox ? xOverlapRatio(y.bbox, cell.bbox) > settings.yearOverlap : colsOverlap(colRange(y), range)));
      if (yc) year = parseYearToken(yc.text)!;
      else if (period[0]! <= prev) year += 1; // the sequence wrapped into the next year
      prev = period[period.length - 1]!;
      const y = year;
      monthCols.push({ ...range, bbox: cell.bbox, yms: period.map((m) => `${y}-${String(m).padStart(2, "0")}`) });
    });
    return { grid: gridWith(monthCols), firstRow: m + 1 };
  }
  // A description header with no month row: phases without a grid. It must name at
  // least two columns, so that a phase row with "fase" in its text is not taken for one.
  if (roles.size < 2) return null;
  return { grid: gridWith([]), firstRow: r + 1 };
}

function textIn(row: ReadonlyArray<Cell>, range: ColRange | null): string {
  if (!range) return "";
  return row
    .filter((c) => colsOverlap(colRange(c), range) && c.col <= range.col1 && c.col >= range.col0)
    .map((c) => c.text)
    .join("\n");
}

/** One phase row → a phase, or null when the row holds no phase. */
export function readPhaseRow(
  row: ReadonlyArray<Cell>,
  grid: PhaseGrid,
  settings: Pick<NormalizeSettings, "markOverlap" | "fractionMax">,
  planYear: number | null = null,
): Phase | null {
  const description = cleanBlock(textIn(row, grid.description));
  const numberText = cleanInline(textIn(row, grid.number));
  // A row with no phase description (a number alone, a row of marks) holds no phase.
  if (description === "") return null;
  const firstMonthCol = grid.months.length ? Math.min(...grid.months.map((m) => m.col0)) : Infinity;
  const lead = row.filter((c) => c.col < firstMonthCol);
  const leadFills = new Set(lead.map((c) => (c.shaded ? (c.fill ?? "shaded") : "none")));
  const rowFill = leadFills.size === 1 && !leadFills.has("none") ? [...leadFills][0]! : null;
  const months = new Set<string>();
  for (const cell of row) {
    if (cell.col + cell.colSpan - 1 < firstMonthCol) continue;
    if (!isMarkedCell(cell, rowFill)) continue;
    for (const m of grid.months) {
      const hit = cell.bbox && m.bbox ? xOverlapRatio(cell.bbox, m.bbox) >= settings.markOverlap : colsOverlap(colRange(cell), m);
      if (hit) for (const ym of m.yms) months.add(ym);
    }
  }
  const num = /^(\d{1,3})\b/.exec(numberText);
  const deadlineText = nullIfBlank(cleanInline(textIn(row, grid.deadline)));
  const startText = nullIfBlank(cleanInline(textIn(row, grid.start)));
  return {
    number: num?.[1] ? Number(num[1]) : null,
    description,
    responsible: nullIfBlank(cleanBlock(textIn(row, grid.responsible))),
    output: nullIfBlank(cleanBlock(textIn(row, grid.output))),
    months: [...months].sort(),
    weight: parseWeight(cleanInline(textIn(row, grid.weight)), settings),
    start: parseStart(startText, planYear),
    deadline: parseDeadline(deadlineText, planYear),
    deadlineText,
  };
}

function nullIfBlank(s: string): string | null {
  return /^[\s\-–—•.]*$/.test(s) ? null : s;
}
