/**
 * CSV as RFC 4180 says (comma, CRLF, fields quoted when they hold a comma, a quote
 * or a line break; quotes doubled), with a UTF-8 byte-order mark so that
 * spreadsheet programs read accented letters right. Control characters are made
 * inert as in the report (src/report/inert-text.ts). A text field that begins
 * like a formula (= + - @, tab, CR) gets a leading apostrophe: a cell of plan
 * text must never run as a spreadsheet formula (OWASP "CSV injection").
 */
import { inertText } from "../report/inert-text.js";

export type CsvCell = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "1" : "0";
  const inert = inertText(value);
  const text = FORMULA_START.test(inert) ? `'${inert}` : inert;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header, ...rows].map((r) => r.map(csvCell).join(","));
  return "\uFEFF" + lines.join("\r\n") + "\r\n";
}
