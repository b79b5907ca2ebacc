/**
 * Plan text made inert before it reaches a terminal or a page (issue 13): a
 * hostile plan can hold escape sequences (ESC ] 0 ; … BEL sets a terminal's
 * title, ESC [ 2 J clears its screen) or other control characters. Each C0
 * character but tab and newline, DEL and each C1 character is replaced by a
 * visible stand-in: the Unicode control picture of a C0 character or DEL
 * ("␛", "␇"), U+FFFD for a C1 one. What follows an ESC is then plain text, so
 * a sequence shows as "␛[2J" and does nothing. The readers are meant to clean
 * text at their edge; this is the report's own guard, whatever reaches it.
 */
import type { Report } from "./report-model.js";

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

function picture(c: string): string {
  const code = c.codePointAt(0)!;
  if (code < 0x20) return String.fromCodePoint(0x2400 + code);
  if (code === 0x7f) return "\u2421";
  return "\ufffd";
}

export function inertText(text: string): string {
  return text.replace(CONTROL, picture);
}

/** Every string of the value made inert; numbers, booleans and null as they are. */
function inertDeep<T>(value: T): T {
  if (typeof value === "string") return inertText(value) as T;
  if (Array.isArray(value)) return value.map(inertDeep) as T;
  if (value !== null && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, inertDeep(v)])) as T;
  return value;
}

/** The report with every text it carries (plan text, file names, reasons) made inert. */
export function inertReport(report: Report): Report {
  return inertDeep(report);
}
