/**
 * Which kind of text conversion a text is. Tab-separated conversions (and
 * Markdown pipe tables) put a tab or a pipe between cells; layout-preserving
 * ones (`pdftotext -layout`) align cells in columns with runs of spaces and
 * end every page with a form feed. A text is read as a layout conversion
 * when enough of its lines have such a gap between words and they outnumber
 * the tab-separated lines, or when it has form feeds and no tab-separated
 * line at all.
 */
import type { TextSettings } from "../settings.js";

export type TextStyle = "tabs" | "layout";

const PIPE_ROW = /^\s*\|.*\|\s*$/;

export function textStyle(text: string, settings: TextSettings): TextStyle {
  const gap = new RegExp(`\\S[ \\u00a0]{${settings.layoutGapSpaces},}\\S`);
  let nonBlank = 0;
  let tabbed = 0;
  let gapped = 0;
  for (const line of text.split(/\r\n?|\n|\f/)) {
    if (line.trim() === "") continue;
    nonBlank++;
    if (line.includes("\t") || PIPE_ROW.test(line)) tabbed++;
    else if (gap.test(line)) gapped++;
  }
  if (tabbed === 0 && text.includes("\f") && nonBlank > 0) return "layout";
  return gapped > tabbed && gapped >= settings.layoutMinGapShare * nonBlank ? "layout" : "tabs";
}
