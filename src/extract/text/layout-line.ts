/**
 * One line of a layout-preserving text conversion (`pdftotext -layout`):
 * its words with the character columns they occupy, grouped into segments —
 * runs of words separated by single spaces, which is how such converters
 * write one cell's text on one line; a wider gap separates two cells.
 * Positions count code points, as the converter counts characters.
 */
import type { TextSettings } from "../settings.js";

/** A word and its character columns, `end` exclusive. */
export interface Word {
  text: string;
  start: number;
  end: number;
}

/** Words one space apart: a cell's text on one line (or a run of prose). */
export interface Segment {
  start: number;
  end: number;
  words: Word[];
}

export const segmentText = (s: Segment): string => s.words.map((w) => w.text).join(" ");

/** Segment from a run of words (at least one). */
export const segmentOf = (words: Word[]): Segment => ({
  start: (words[0] as Word).start,
  end: (words[words.length - 1] as Word).end,
  words,
});

/** Vertical box-drawing bars (other converters' column rules) read as blanks; positions are kept. */
const VERTICAL_RULE = /[\u2502\u2503\u2551]/g;

/** Tabs expanded to the next multiple of eight, as a terminal shows them. */
function expandTabs(line: string): string {
  if (!line.includes("\t")) return line;
  let out = "";
  for (const ch of line) out += ch === "\t" ? " ".repeat(8 - (Array.from(out).length % 8)) : ch;
  return out;
}

/** Symbol/Wingdings bullets that PDFs carry as private-use code points (U+F0B7 …), read as the bullet they show. */
const SYMBOL_BULLET = /^[\uf076\uf0a7\uf0a8\uf0b7\uf0d8]$/;

const isBlankChar = (ch: string): boolean => ch === " " || ch === "\u00a0" || ch === "\u3000";

export function lineWords(raw: string): Word[] {
  const chars = Array.from(expandTabs(raw).replace(VERTICAL_RULE, " "));
  const out: Word[] = [];
  let i = 0;
  while (i < chars.length) {
    if (isBlankChar(chars[i] as string)) {
      i++;
      continue;
    }
    const start = i;
    while (i < chars.length && !isBlankChar(chars[i] as string)) i++;
    const text = chars.slice(start, i).join("");
    out.push({ text: SYMBOL_BULLET.test(text) ? "•" : text, start, end: i });
  }
  return out;
}

/**
 * List bullets as converters write them: standard bullets and the private-use
 * code points of Symbol/Wingdings bullets (U+F0B7 …) that PDFs often carry.
 */
const BULLET = /^[•·▪▫◦●○■□◆◇►▸▶➢➤\u2043\uf076\uf0a7\uf0a8\uf0b7\uf0d8]$/u;

export const isBullet = (text: string): boolean => BULLET.test(text);

/**
 * Segments of a line. A bullet standing alone a few spaces before text is
 * that text's list marker, not a cell of its own.
 */
export function lineSegments(raw: string, settings: TextSettings): Segment[] {
  const words = lineWords(raw);
  const groups: Word[][] = [];
  for (const w of words) {
    const last = groups[groups.length - 1];
    const prev = last?.[last.length - 1];
    if (last && prev && w.start - prev.end < settings.layoutGapSpaces) last.push(w);
    else groups.push([w]);
  }
  const merged: Word[][] = [];
  for (const g of groups) {
    const last = merged[merged.length - 1];
    const lone = last?.length === 1 ? last[0] : undefined;
    const first = g[0] as Word;
    if (lone && isBullet(lone.text) && /^[\p{L}\p{N}"'«(]/u.test(first.text) && first.start - lone.end <= settings.layoutBulletGap) {
      last!.push(...g);
    } else merged.push([...g]);
  }
  return merged.map(segmentOf);
}

/** A line drawn with -, _, = or ─ (and box-drawing joints): a row separator, no content. */
export function isRuleLine(raw: string, settings: TextSettings): boolean {
  const t = raw.trim();
  if (t === "" || !/^[-_=─━═┄┈╌+┼┬┴├┤┌┐└┘╪╫╬\s|│┃║]+$/u.test(t)) return false;
  return (t.match(/[-_=─━═┄┈╌]/gu)?.length ?? 0) >= settings.layoutRuleMinChars;
}
