/**
 * Text clean-up shared by every recogniser: whitespace, hyphenation across line
 * breaks, HTML fragments left by converters, and a "label key" form used to
 * match labels whatever their case, accents or punctuation.
 */
import { foldAccents } from "../shared/fold-text.js";

/** Collapse runs of spaces/tabs; trim. Keeps "\n". */
export function squeeze(text: string): string {
  return text
    .replace(/\u00a0/g, " ")
    .replace(/[ \t\f\v\r]+/g, " ")
    .replace(/ *\n */g, "\n")
    .trim();
}

/** Remove HTML tags and decode the few entities converters leave behind. */
export function stripHtml(text: string): string {
  if (!/[<&]/.test(text)) return text;
  return text
    .replace(/<\s*(br|\/p|\/li|\/div|li|p)\b[^>]*>/gi, (m) => (/^<\s*li/i.test(m) ? "\n• " : "\n"))
    .replace(/<[^>]+>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'");
}

/** Join a word hyphenated across a line break ("respon-\nsabile" → "responsabile"). */
export function joinHyphenation(text: string): string {
  return text.replace(/([a-zà-ÿ])-\n([a-zà-ÿ])/g, "$1$2");
}

/**
 * Running text: hyphenation joined, HTML removed, every line break a space.
 * Used for titles, names and labels' values that are one phrase.
 */
export function cleanInline(text: string): string {
  return squeeze(joinHyphenation(squeeze(stripHtml(text))).replace(/\n+/g, " "));
}

/**
 * Multi-paragraph text: blank lines (paragraph breaks) become one "\n", single
 * line breaks inside a paragraph are kept as the reader gave them unless they
 * are a hyphenation.
 */
export function cleanBlock(text: string): string {
  const t = joinHyphenation(squeeze(stripHtml(text)));
  return t
    .split(/\n{2,}/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .join("\n");
}

/**
 * labelKey is asked about the same cell and header texts over and over: recent
 * keys of short texts (labels are short), bounded.
 */
const LABEL_KEY_LIMIT = 8192;
const LABEL_KEY_MAX_TEXT = 256;
const labelKeys = new Map<string, string>();

/** Lower case, accents removed, punctuation → space, spaces squeezed: for label matching. */
export function labelKey(text: string): string {
  if (text.length > LABEL_KEY_MAX_TEXT) return makeLabelKey(text);
  let key = labelKeys.get(text);
  if (key === undefined) {
    if (labelKeys.size >= LABEL_KEY_LIMIT) labelKeys.clear();
    key = makeLabelKey(text);
    labelKeys.set(text, key);
  }
  return key;
}

function makeLabelKey(text: string): string {
  return foldAccents(stripHtml(text))
    .replace(/[°º]/g, " ")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** Empty, or only dashes, bullets or dots ("-", "•", "…"): nothing written. */
export function isBlankValue(text: string | null | undefined): boolean {
  if (text == null) return true;
  return /^[\s\-–—•·.…_/]*$/.test(stripHtml(text));
}

/** Cut to n characters (no ellipsis: messages quote the start of a title). */
export function cut(text: string, n: number): string {
  return text.length <= n ? text : text.slice(0, n);
}
