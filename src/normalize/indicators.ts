/**
 * An indicator cell → its items, markers removed. Items are separated by bullets
 * (•, ▪, ◦, -, *), by "- " runs inside one line ("- A - B", "-A -B", "A.- B"),
 * by numbering ("1. A 2. B"), by <li> lines, or by line breaks. A line that
 * starts in lower case continues the previous item (a wrapped line).
 */
import { isBlankValue, squeeze, stripHtml } from "./clean-text.js";

const BULLET = /^\s*(?:[•▪◦●■◆►▸‣⁃∙·]|o(?=\s)|\*|[-–—](?!\d))\s*/;
const NUMBERED = /^\s*(\d{1,2})\s*[.)]\s+/;

export interface SplitOptions {
  /** Each line is a paragraph of its own (DOCX, HTML), not a wrapped visual line (PDF). */
  paragraphLines: boolean;
}

export function splitIndicators(raw: string, opts: SplitOptions = { paragraphLines: false }): string[] {
  const text = squeeze(stripHtml(raw));
  if (isBlankValue(text)) return [];
  const items: string[] = [];
  for (const paragraph of stripListNumbers(text).split(/\n{2,}/)) {
    let current: string | null = null;
    for (const line of paragraph.split("\n")) {
      for (const piece of splitInline(line)) {
        const marked = piece.marked;
        const body = piece.text.trim();
        if (body === "") continue;
        const continues = current !== null && !marked && !opts.paragraphLines && /^[a-zà-ÿ(]/.test(body);
        if (continues) current = `${current} ${body}`;
        else {
          if (current !== null) items.push(current);
          current = body;
        }
      }
    }
    if (current !== null) items.push(current);
  }
  return items.map((i) => i.replace(/\s+/g, " ").trim()).filter((i) => !isBlankValue(i));
}

/**
 * Lines numbered 1, 2, 3… in sequence (an HTML or Word list rendered as text,
 * "1.100% delle pratiche", "2.Tempo medio…") lose their numbers even when no
 * space follows the dot.
 */
function stripListNumbers(text: string): string {
  const lines = text.split("\n");
  const filled = lines.filter((l) => l.trim() !== "");
  if (filled.length < 2) return text;
  const nums = filled.map((l) => /^\s*(\d{1,2})[.)]\s*(?=\S)/.exec(l));
  const inSequence = nums.every((m, i) => m !== null && Number(m[1]) === i + 1);
  if (!inSequence) return text;
  return lines.map((l) => l.replace(/^\s*\d{1,2}[.)]\s*/, "")).join("\n");
}

interface Piece {
  text: string;
  /** Began with a bullet, dash or number marker: always a new item. */
  marked: boolean;
}

/** One line → pieces at bullet, dash-run and numbering boundaries. */
export function splitInline(line: string): Piece[] {
  let s = line.trim();
  if (s === "") return [];
  // Bullets anywhere in the line split it.
  if (/[•▪◦●■◆►▸‣⁃∙]/.test(s)) {
    return s
      .split(/\s*[•▪◦●■◆►▸‣⁃∙]\s*/)
      .map((t) => t.trim())
      .filter((t) => t !== "")
      .flatMap((t) => splitInline(t).map((p) => ({ ...p, marked: true })));
  }
  if (/^[-–—*]\s*\S/.test(s)) {
    // A dash run: "- A - B", "-A -B", "A.- B". A dash followed by lower case is a hyphen inside an item.
    // A new item: a hyphen before a capital or digit, or any dash after a ";" ("…obsolete; - realizzazione").
    const parts = s.split(/(?:^|(?<=[\s.;:,)]))-\s*(?=[A-ZÀ-Ý0-9"'«(])|(?<=;)\s*[-–—]\s+|^[-–—]\s*/);
    return parts
      .map((t) => t.trim())
      .filter((t) => t !== "")
      .map((t) => ({ text: t.replace(BULLET, ""), marked: true }));
  }
  const num = NUMBERED.exec(s);
  if (num && num[1] === "1") {
    // "1. A 2. B 3. C": split only where the numbering continues in sequence.
    const pieces: Piece[] = [];
    let expected = 2;
    s = s.replace(NUMBERED, "");
    for (;;) {
      const re = new RegExp(String.raw`\s${expected}\s*[.)]\s+`);
      const m = re.exec(s);
      if (!m) break;
      pieces.push({ text: s.slice(0, m.index), marked: true });
      s = s.slice(m.index + m[0].length);
      expected++;
    }
    pieces.push({ text: s, marked: true });
    return pieces;
  }
  if (num) return [{ text: s.replace(NUMBERED, ""), marked: true }];
  return [{ text: s, marked: false }];
}
