/**
 * Dates as plans write them → ISO dates. "31.12.2026", "31/12/26", "30 giugno
 * 2026", "giugno 2026" (a month alone is its last day), "entro giugno" and
 * "31/12" (the plan's year), "Tutto l'anno fino al 31.12.2026" (the date it
 * names). Periods ("II semestre", "I trimestre", "tutto l'anno") name no date.
 */

const MONTHS: ReadonlyArray<readonly [RegExp, number]> = [
  [/^genn?(?:aio)?$/, 1],
  [/^febb?(?:raio)?$/, 2],
  [/^marz?o?$/, 3],
  [/^apr(?:ile)?$/, 4],
  [/^magg?(?:io)?$/, 5],
  [/^giu(?:gno|g|n)?$/, 6],
  [/^lug(?:lio|l)?$/, 7],
  [/^ago(?:sto)?$/, 8],
  [/^sett?(?:embre)?$/, 9],
  [/^ott(?:obre)?$/, 10],
  [/^nov(?:embre)?$/, 11],
  [/^dic(?:embre)?$/, 12],
];

function monthOf(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, "");
  for (const [re, m] of MONTHS) if (re.test(w)) return m;
  return null;
}

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function iso(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > lastDay(year, month)) return null;
  return `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function fullYear(y: string): number {
  const n = Number(y);
  return y.length === 2 ? 2000 + n : n;
}

const NUMERIC = /(?<![\d/.-])(\d{1,2})\s*[./-]\s*(\d{1,2})(?:\s*[./-]\s*((?:19|20)\d{2}|\d{2}))?(?![\d/.-]*\d)/g;
const WORDED =
  /(?:(\d{1,2})\s*(?:°\s*)?)?\b(gen\w*|feb\w*|mar\w*|apr\w*|mag\w*|giu\w*|lug\w*|ago\w*|set\w*|ott\w*|nov\w*|dic\w*)\.?(?:\s+((?:19|20)\d{2}))?/giu;

/** Every date the text names, in order, each resolved against the plan's year. */
export function datesIn(text: string, planYear: number | null): string[] {
  const found: Array<{ at: number; date: string }> = [];
  for (const m of text.matchAll(NUMERIC)) {
    const year = m[3] ? fullYear(m[3]) : planYear;
    if (year === null) continue;
    const d = iso(year, Number(m[2]), Number(m[1]));
    if (d) found.push({ at: m.index ?? 0, date: d });
  }
  for (const m of text.matchAll(WORDED)) {
    const month = monthOf(m[2] ?? "");
    if (month === null) continue;
    const year = m[3] ? Number(m[3]) : planYear;
    if (year === null) continue;
    const d = iso(year, month, m[1] ? Number(m[1]) : lastDay(year, month));
    if (d) found.push({ at: m.index ?? 0, date: d });
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.date);
}

/** The deadline a phase's timing text names: the last date in it ("dal 1/3 al 30/6" → 30/6). */
export function parseDeadline(text: string | null, planYear: number | null): string | null {
  if (!text) return null;
  return datesIn(text, planYear).at(-1) ?? null;
}

/** A start date: the first date the text names. */
export function parseStart(text: string | null, planYear: number | null): string | null {
  if (!text) return null;
  return datesIn(text, planYear)[0] ?? null;
}
