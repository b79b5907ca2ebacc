/**
 * Month headers of a Gantt grid: names in every abbreviation offices use
 * (Gen/Genn./Gennaio, Mag/Magg./Mai, Giu/Giun/Giug., …), fragments split by
 * narrow columns ("Ge n", "M\nar"), numbers 1-12, and the single letters
 * G F M A M G L A S O N D, which only make sense read as a sequence.
 */
import { foldAccents } from "../shared/fold-text.js";

/** Prefixes (after squeezing out spaces and dots) → month number. Longest first wins. */
const NAME_PREFIXES: ReadonlyArray<readonly [string, number]> = [
  ["gennaio", 1],
  ["genn", 1],
  ["gen", 1],
  ["jan", 1],
  ["febbraio", 2],
  ["febb", 2],
  ["feb", 2],
  ["fe", 2],
  ["marzo", 3],
  ["marz", 3],
  ["mar", 3],
  ["aprile", 4],
  ["apr", 4],
  ["ap", 4],
  ["maggio", 5],
  ["magg", 5],
  ["mag", 5],
  ["mai", 5],
  ["may", 5],
  ["giugno", 6],
  ["giug", 6],
  ["giun", 6],
  ["giu", 6],
  ["jun", 6],
  ["luglio", 7],
  ["lugl", 7],
  ["lug", 7],
  ["lu", 7],
  ["jul", 7],
  ["agosto", 8],
  ["ago", 8],
  ["ag", 8],
  ["aug", 8],
  ["settembre", 9],
  ["sett", 9],
  ["set", 9],
  ["se", 9],
  ["sep", 9],
  ["ottobre", 10],
  ["ott", 10],
  ["ot", 10],
  ["oct", 10],
  ["novembre", 11],
  ["nov", 11],
  ["no", 11],
  ["dicembre", 12],
  ["dic", 12],
  ["di", 12],
  ["dec", 12],
];

/** The single-letter initials of the Italian months, January first. */
const LETTERS = "GFMAMGLASOND";

export type MonthToken = { kind: "month"; month: number } | { kind: "letter"; letter: string } | { kind: "none" };

function squeezeToken(text: string): string {
  return foldAccents(text).replace(/[\s.\-_'’]+/g, "");
}

/** One header cell's text → a month, a bare letter, or nothing. */
export function parseMonthToken(text: string): MonthToken {
  const t = squeezeToken(text);
  if (t === "") return { kind: "none" };
  if (/^\d{1,2}$/.test(t)) {
    const n = Number(t);
    return n >= 1 && n <= 12 ? { kind: "month", month: n } : { kind: "none" };
  }
  if (/^[a-z]$/.test(t)) {
    return LETTERS.includes(t.toUpperCase()) ? { kind: "letter", letter: t.toUpperCase() } : { kind: "none" };
  }
  // Two-letter fragments only count when they cannot be anything else ("ge" from "Ge n" is already joined).
  for (const [prefix, month] of NAME_PREFIXES) {
    if (t === prefix || (prefix.length >= 3 && t.startsWith(prefix) && isMonthWordTail(t, prefix))) {
      return { kind: "month", month };
    }
  }
  return { kind: "none" };
}

/** "gennaio2024" or "gen24" still name January; "generale" does not. */
function isMonthWordTail(t: string, prefix: string): boolean {
  const rest = t.slice(prefix.length);
  if (/^\d{2,4}$/.test(rest)) return true;
  const full = NAME_PREFIXES.find(([p, m]) => p.length > prefix.length && p.startsWith(prefix) && m === monthOf(prefix));
  return full?.[0].startsWith(t) === true;
}

function monthOf(prefix: string): number | undefined {
  return NAME_PREFIXES.find(([p]) => p === prefix)?.[1];
}

/**
 * A header row's cell texts → month number per cell (null for non-month cells).
 * Letters are resolved as a run: the run must follow G F M A M G L A S O N D
 * from some starting month, which fixes each letter's month.
 */
export function readMonthSequence(texts: ReadonlyArray<string>): Array<number | null> {
  const tokens = texts.map(parseMonthToken);
  const out: Array<number | null> = tokens.map((t) => (t.kind === "month" ? t.month : null));
  // Resolve runs of letters, anchored by a known month just before or after when there is one.
  let i = 0;
  while (i < tokens.length) {
    if (tokens[i]!.kind !== "letter") {
      i++;
      continue;
    }
    let j = i;
    while (j < tokens.length && tokens[j]!.kind === "letter") j++;
    const letters = tokens.slice(i, j).map((t) => (t as { letter: string }).letter);
    const before = i > 0 ? out[i - 1] : null;
    const start = resolveLetterRun(letters, before ?? null);
    if (start !== null)
      letters.forEach((_, k) => {
        out[i + k] = ((start - 1 + k) % 12) + 1;
      });
    i = j;
  }
  return out;
}

/** First month (1-12) a run of initials can start at, or null when none fits. */
export function resolveLetterRun(letters: ReadonlyArray<string>, previousMonth: number | null): number | null {
  const fits = (start: number) => letters.every((l, k) => LETTERS[(start - 1 + k) % 12] === l);
  if (previousMonth !== null) {
    const next = (previousMonth % 12) + 1;
    if (fits(next)) return next;
  }
  // A lone run is read from January when it can be; otherwise the first start that fits.
  for (let start = 1; start <= 12; start++) if (fits(start)) return start;
  return null;
}

/** A year header cell ("2024", "Anno 2025"). */
export function parseYearToken(text: string): number | null {
  const m = /^(?:anno\s*)?((?:19|20)\d{2})$/i.exec(text.replace(/\s+/g, " ").trim());
  return m?.[1] ? Number(m[1]) : null;
}

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };
const ORDINAL: Record<string, number> = { primo: 1, secondo: 2, terzo: 3, quarto: 4 };

/**
 * Quarters and semesters ("I trim.", "1° trimestre", "II sem", "secondo semestre")
 * → the months they cover; null for anything else.
 */
export function parsePeriodToken(text: string): number[] | null {
  const t = foldAccents(text).replace(/\s+/g, " ").trim();
  const m = /^(?:(i{1,3}|iv)|([1-4])\s*[°ºo^]?|(primo|secondo|terzo|quarto))\s*(trim(?:estre|\.)?|sem(?:estre|\.)?)$/.exec(t);
  if (!m) return null;
  const n = m[1] ? ROMAN[m[1]]! : m[2] ? Number(m[2]) : ORDINAL[m[3]!]!;
  const size = m[4]!.startsWith("trim") ? 3 : 6;
  if (n * size > 12) return null;
  return Array.from({ length: size }, (_, k) => (n - 1) * size + k + 1);
}

/** Per header cell, the months it stands for: one month, a quarter or semester, or null. */
export function readPeriodSequence(texts: ReadonlyArray<string>): Array<number[] | null> {
  const months = readMonthSequence(texts);
  return texts.map((t, i) => {
    const m = months[i];
    if (m != null) return [m];
    return parsePeriodToken(t);
  });
}
