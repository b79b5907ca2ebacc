/**
 * A list shown as an HTML table and downloaded as CSV from one description of its
 * columns, so the download holds exactly the rows and columns on the page.
 */
import { text } from "./html-text.js";
import { toCsv, type CsvCell } from "./csv.js";
import { formatNumber } from "./labels-it.js";

export interface Column<T> {
  readonly label: string;
  /** The value in the CSV (numbers stay numbers, with a decimal point). */
  readonly value: (row: T) => CsvCell;
  /** The cell's HTML; default: the value escaped (numbers in the Italian format). */
  readonly html?: (row: T) => string;
  readonly numeric?: boolean;
}

function defaultHtml(v: CsvCell): string {
  if (typeof v === "number") return text(formatNumber(v));
  if (v === null || v === undefined || v === "") return `<span class="muted">—</span>`;
  return text(String(v));
}

export function listTable<T>(columns: readonly Column<T>[], rows: readonly T[], id: string): string {
  const th = columns.map((c) => `<th${c.numeric ? ` class="num"` : ""}>${text(c.label)}</th>`).join("");
  const body = rows
    .map((r) => `<tr>${columns.map((c) => `<td${c.numeric ? ` class="num"` : ""}>${c.html ? c.html(r) : defaultHtml(c.value(r))}</td>`).join("")}</tr>`)
    .join("");
  return `<table id="${text(id)}" class="list"><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table>`;
}

export function listCsv<T>(columns: readonly Column<T>[], rows: readonly T[]): string {
  return toCsv(
    columns.map((c) => c.label),
    rows.map((r) => columns.map((c) => c.value(r))),
  );
}
