/**
 * Text for a page: control characters made inert as the report does
 * (src/report/inert-text.ts: an ESC or a C1 character shows as a stand-in), then
 * escaped for HTML text and attribute values (src/report/html-escape.ts).
 */
import { esc } from "../report/html-escape.js";
import { inertText } from "../report/inert-text.js";

export function text(value: string | number | null | undefined): string {
  return esc(inertText(String(value ?? "")));
}
