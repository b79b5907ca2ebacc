/**
 * PDF cell text comes as visual lines; DOCX and HTML give paragraphs. This
 * rejoins wrapped lines so every format reaches the recognisers as paragraphs:
 * a line break is kept only where the next line starts a list item, or where it
 * starts with a capital and its first word would have fitted on the line above
 * (so the line was ended on purpose). Cells that use bullets break only at
 * bullets. Fitting is judged on the cell lines' real geometry where the PDF
 * reader gives it (Cell.lines), else on estimated glyph widths.
 */
import { isPrinted, type Cell, type CellLine, type LayoutDocument } from "../extract/layout.js";
import type { NormalizeSettings } from "./settings.js";

const ITEM_START = /^\s*(?:[•▪◦●■◆►▸‣⁃∙*]|[-–—](?=\s*\S)|[a-z][.)]\s)/u;
const NUMBER_START = /^\s*(\d{1,2})[.)]\s/;
const BULLET_START = /^\s*[•▪◦●■◆►▸‣⁃∙]/u;
const CAPITAL_START = /^["'«“(]?\p{Lu}/u;

/** Width of one character (a code point), by the classes textWidth documents. */
function charWidth(ch: string): number {
  if (/[iljtfI.,;:'’!| ]/.test(ch)) return 0.5;
  if (/[mwMW]/.test(ch)) return 1.5;
  if (/\p{Lu}/u.test(ch)) return 1.25;
  return 1;
}

/**
 * charWidth by UTF-16 code unit, filled on first use (0 = not yet): textWidth
 * is asked about every cell line, and three regex tests per character showed
 * in profiles. Surrogate pairs (astral code points) go to charWidth itself.
 */
const WIDTH_BY_CODE = new Float64Array(0x10000);

/**
 * Rough width of a text in "average lowercase letters": narrow glyphs count
 * half, capitals and m/w more. Enough to tell whether a word would have fitted.
 */
export function textWidth(text: string): number {
  let w = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < n) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        w += charWidth(text.slice(i, i + 2));
        i++;
        continue;
      }
    }
    let cw = WIDTH_BY_CODE[c]!;
    if (cw === 0) cw = WIDTH_BY_CODE[c] = charWidth(String.fromCharCode(c));
    w += cw;
  }
  return w;
}

/** `text.split(/\s+/)[0]` of a trimmed text, without splitting the whole of it. */
function firstToken(text: string): string {
  return /^\S*/.exec(text)![0];
}

const SPACE = /\s/;

/** `text.split(/\s+/).at(-1)` of a trimmed text, without splitting the whole of it. */
function lastToken(text: string): string {
  let i = text.length;
  while (i > 0 && !SPACE.test(text[i - 1]!)) i--;
  return text.slice(i);
}

/** Short Italian words that never end a word broken across lines. */
const SHORT_WORDS = new Set("a e i o ad al da di ed il in la le lo tra fra su per con del dei dal nel sul che non un una uno gli".split(" "));
const CAPS_WORD = /^[\p{Lu}/]+$/u;

function isEndOfSentence(line: string): boolean {
  return /[.:;!?]["'”»)]?$/.test(line);
}

export function reflowLines(
  lines: ReadonlyArray<string>,
  capacity: number,
  settings: Pick<NormalizeSettings, "reflowFit" | "reflowFitSentence" | "brokenWordMin">,
  /** Width of each printed line when a line here lost its start (a label cut off); else measured from the text. */
  widths?: ReadonlyArray<number>,
  /** Per line, what the page geometry says of the break before it: true ended on purpose, false wrapped, null unknown. */
  verdicts?: ReadonlyArray<boolean | null>,
): string {
  const bulleted = lines.some((l) => BULLET_START.test(l));
  let out = "";
  // Numbered items count only in sequence (1., 2., 3.): "programma\n03. Indicatori" is one sentence.
  let lastNumber = 0;
  const numberedItem = (line: string): boolean => {
    const m = NUMBER_START.exec(line);
    if (!m || (Number(m[1]) !== 1 && Number(m[1]) !== lastNumber + 1) || m[1]!.startsWith("0")) return false;
    lastNumber = Number(m[1]);
    return true;
  };
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (i === 0) {
      numberedItem(line);
      out = line;
      return;
    }
    const prev = lines[i - 1]!.trim();
    const firstWord = firstToken(line);
    const lastWord = lastToken(prev);
    let paragraph: boolean;
    if (line === "" || prev === "") paragraph = true;
    else if (bulleted) paragraph = BULLET_START.test(line);
    else if (ITEM_START.test(line) || numberedItem(line)) paragraph = true;
    else if (!CAPITAL_START.test(line)) paragraph = false;
    // A run of capitals or of initials ("B. M. C. M." / "R. / L. C.") goes on across the break.
    else if (/^\p{Lu}+$/u.test(lastWord) && /^\p{Lu}{3,}[.,;:]?$/u.test(firstWord)) paragraph = false;
    else if (/(?:^|\s)\p{Lu}\.$/u.test(prev) && /^\p{Lu}\.(?:\s|$)/u.test(line)) paragraph = false;
    else if (verdicts?.[i] != null) paragraph = verdicts[i]!;
    else {
      // Ended on purpose if the next word would have fitted on this line.
      const fit = ((widths?.[i - 1] ?? textWidth(prev)) + 0.5 + textWidth(firstWord)) / capacity;
      paragraph = fit <= (isEndOfSentence(prev) ? settings.reflowFitSentence : settings.reflowFit);
    }
    if (paragraph) out += `\n${line}`;
    else if (/[\p{L}\d]-$/u.test(prev) && /^[\p{Ll}\d]/u.test(line))
      out += line; // "Vice-segretari", "2024-2025": keep the hyphen
    else if (
      // A capitals word too long for a narrow column, broken without a hyphen: "DOCUMENTAZI" + "ONE".
      CAPS_WORD.test(lastWord) &&
      CAPS_WORD.test(firstWord.replace(/[.,;:]$/, "")) &&
      lastWord.length >= settings.brokenWordMin &&
      firstWord.length <= 3 &&
      !SHORT_WORDS.has(firstWord.toLowerCase())
    )
      out += line;
    else if (brokenWord(lastWord, firstWord, capacity)) out += line;
    else out += ` ${line}`;
  });
  return out;
}

/** Endings that only continue a word ("telecomunica" + "zioni"). */
const WORD_TAILS = /^(?:zion[ei]|ment[ei]|tiv[oaie]|it[aà]|ent[oi]|at[oaie]|al[ei]|ic[oaie]|ist[aie]|or[ei]|ur[ae])[.,;:]?$/u;

/**
 * A word too wide for the column, broken without a hyphen: joined back when the
 * two pieces together could not fit on any line and the first piece cannot end
 * a word (it ends in a consonant) or the second is a short tail.
 */
function brokenWord(lastWord: string, firstWord: string, capacity: number): boolean {
  if (!/^\p{L}+$/u.test(lastWord) || !/^\p{Ll}+[.,;:]?$/u.test(firstWord)) return false;
  if (textWidth(lastWord + firstWord) <= capacity) return false;
  const consonantEnd = /[b-df-hj-np-tv-z]$/i.test(lastWord) && !/(?:n|l|r)$/i.test(lastWord);
  const shortTail = firstWord.replace(/[.,;:]$/, "").length <= 2 && !SHORT_WORDS.has(firstWord.replace(/[.,;:]$/, "").toLowerCase());
  return consonantEnd || shortTail || WORD_TAILS.test(firstWord) || /(?:zion|ion)$/i.test(lastWord);
}

type ReflowSettings = Pick<
  NormalizeSettings,
  | "pdfCharWidth"
  | "reflowFit"
  | "reflowFitSentence"
  | "brokenWordMin"
  | "reflowShortCell"
  | "reflowSpaceWidth"
  | "reflowSureFit"
  | "reflowOpenRoom"
  | "reflowAlignTolerance"
>;

/** A line end after which a wrap would have needed a space (not a hyphen, dash or slash). */
const WRAPS_AT_SPACE = /[\p{L}\p{N}.,;:!?)\]}»"'”’%]$/u;

/**
 * What the real geometry of a PDF cell's lines says of each break (see
 * CellLine). The room left on a line is measured against the cell's inner
 * right edge (its padding taken as equal on both sides).
 * - Where the producer draws a space at its wraps (`spaceAtWraps`), a line
 *   ending with one wrapped, unless the next word would surely have fitted
 *   (a space typed before the paragraph mark); a line ending without one,
 *   although a space and more would have fitted, ended its paragraph.
 * - Otherwise the line was ended on purpose when the next line's first word
 *   would have fitted in the room.
 */
export function lineVerdicts(cell: Cell, lines: readonly CellLine[], spaceAtWraps: boolean, settings: ReflowSettings): (boolean | null)[] {
  // Room is measured for left-aligned text; centred or right-aligned lines are left to the estimate.
  if (!leftAligned(lines, settings.reflowAlignTolerance)) return lines.map(() => null);
  const left = Math.min(...lines.map((l) => l.x0));
  const right = cell.bbox ? cell.bbox.x1 - Math.max(0, left - cell.bbox.x0) : Math.max(...lines.map((l) => l.x1));
  return lines.map((line, i) => {
    if (i === 0) return null;
    if (line.paragraphGap) return true;
    const prev = lines[i - 1]!;
    const room = right - prev.x1;
    const advance = (prev.x1 - prev.x0) / Math.max(1, prev.text.length);
    const space = advance * settings.reflowSpaceWidth;
    const word = firstWordWidth(line);
    if (spaceAtWraps && prev.endSpace === true) return room >= space + word * settings.reflowSureFit;
    if (spaceAtWraps && prev.endSpace === false && room >= advance * settings.reflowOpenRoom && WRAPS_AT_SPACE.test(prev.text)) return true;
    return room >= space + word;
  });
}

/** Lines whose left edges differ while their centres or right edges agree are centred or right-aligned. */
function leftAligned(lines: readonly CellLine[], tol: number): boolean {
  const spread = (xs: number[]) => Math.max(...xs) - Math.min(...xs);
  if (spread(lines.map((l) => l.x0)) <= tol) return true;
  return spread(lines.map((l) => (l.x0 + l.x1) / 2)) > tol && spread(lines.map((l) => l.x1)) > tol;
}

/**
 * Width of a line's first word: the reader's measure (which spreads a text
 * run's width evenly over its characters) or its share of the line by glyph
 * shapes, whichever is wider, so capitals are not taken for narrow letters.
 */
function firstWordWidth(line: CellLine): number {
  const space = line.text.indexOf(" ");
  const word = space < 0 ? line.text : line.text.slice(0, space);
  const byShape = ((line.x1 - line.x0) * textWidth(word)) / Math.max(textWidth(line.text), 1e-9);
  return Math.max(line.firstX1 - line.x0, byShape);
}

export function reflowCell(cell: Cell, settings: ReflowSettings, spaceAtWraps = false): string {
  if (!cell.text.includes("\n")) return cell.text;
  const lines = cell.text.split("\n");
  const widest = Math.max(...lines.map((l) => textWidth(l.trim())));
  // Three lines or more show the wrap width. With fewer, a cell whose lines all fall
  // well short of its box was broken on purpose: its box estimates the width.
  const fromBox = cell.bbox ? (cell.bbox.x1 - cell.bbox.x0) / settings.pdfCharWidth : 0;
  const useBox = lines.length < 3 && widest < fromBox * settings.reflowShortCell;
  // Where the reader measured the lines, their geometry decides; the estimate covers what it cannot.
  const geometry = cell.lines && cell.lines.map((l) => l.text).join("\n") === cell.text ? cell.lines : null;
  const verdicts = geometry ? lineVerdicts(cell, geometry, spaceAtWraps, settings) : undefined;
  return reflowLines(lines, useBox ? fromBox : widest, settings, undefined, verdicts);
}

/**
 * Whether the PDF's producer draws a space glyph where it wraps a line: enough
 * of the cell lines that do not end their cell end with one. Writers that do
 * (LibreOffice) draw none after a paragraph's last line; others draw none at all.
 */
export function drawsSpaceAtWraps(layout: LayoutDocument, settings: Pick<NormalizeSettings, "reflowEndSpaceShare">): boolean {
  let known = 0;
  let spaced = 0;
  for (const p of layout.pages) {
    for (const b of p.blocks) {
      if (b.kind !== "table") continue;
      for (const c of b.cells) {
        c.lines?.slice(0, -1).forEach((l) => {
          if (l.endSpace === null) return;
          known++;
          if (l.endSpace) spaced++;
        });
      }
    }
  }
  return known > 0 && spaced / known >= settings.reflowEndSpaceShare;
}

/**
 * The cell with its text reflowed: the cell itself when that leaves the text as
 * it was (most cells hold one line), so only changed cells are copied.
 */
function reflowedCell(c: Cell, settings: ReflowSettings, spaceAtWraps: boolean): Cell {
  const text = reflowCell(c, settings, spaceAtWraps);
  return text === c.text ? c : { ...c, text };
}

/**
 * A printed layout (a PDF, a space-aligned conversion of one) with every cell's text
 * reflowed into paragraphs (unchanged cells shared, the input left as it is); other
 * formats, whose line breaks are paragraphs already, as they are.
 */
export function reflowLayout(layout: LayoutDocument, settings: NormalizeSettings): LayoutDocument {
  if (!isPrinted(layout)) return layout;
  const spaceAtWraps = drawsSpaceAtWraps(layout, settings);
  return {
    ...layout,
    pages: layout.pages.map((p) => ({
      ...p,
      blocks: p.blocks.map((b) => (b.kind === "table" ? { ...b, cells: b.cells.map((c) => reflowedCell(c, settings, spaceAtWraps)) } : b)),
    })),
  };
}
