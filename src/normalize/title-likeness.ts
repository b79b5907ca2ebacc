/**
 * How alike two titles are, the two measures in one place, on the same folded words
 * (shared/fold-text.ts: no accents, case or function words):
 *
 * - `titleLikeness`, within one document: the share of the shorter title's content words
 *   found in the other. Sheets often shorten the summary title ("Suap BR" for "Suap
 *   Bassa Reggiana"), so containment matters more than equality.
 * - `titleSimilarity`, across documents (one year's plan against the last): a reworded
 *   title still matches its old self, so word order and inflection count a little.
 */
import { matchKey, STOP_WORDS } from "../shared/fold-text.js";

/** The title's content words: folded, no function words, no one-letter words. */
function titleWords(title: string): string[] {
  return matchKey(title)
    .split(" ")
    .filter((w) => w.length > 1 && !STOP_WORDS.has(w));
}

export function titleLikeness(a: string, b: string): number {
  const wa = new Set(titleWords(a));
  const wb = new Set(titleWords(b));
  if (wa.size === 0 || wb.size === 0) return 0;
  let common = 0;
  for (const w of wa) if (wb.has(w)) common++;
  return common / Math.min(wa.size, wb.size);
}

function bigrams(words: readonly string[]): Map<string, number> {
  const grams = new Map<string, number>();
  for (const word of words) {
    // Pad the start so one-letter words and word beginnings count; not the end,
    // since Italian endings (-o, -e, -i, -a) are shared by almost any two titles.
    const padded = ` ${word}`;
    for (let i = 0; i + 1 < padded.length; i++) {
      const g = padded.slice(i, i + 2);
      grams.set(g, (grams.get(g) ?? 0) + 1);
    }
  }
  return grams;
}

function contentWords(key: string): string[] {
  const all = key.split(" ");
  const words = all.filter((w) => !STOP_WORDS.has(w));
  // A title of function words only keeps them all.
  return words.length ? words : all;
}

function dice<T>(a: Map<T, number>, b: Map<T, number>): number {
  let shared = 0;
  let total = 0;
  for (const [g, n] of a) {
    shared += Math.min(n, b.get(g) ?? 0);
    total += n;
  }
  for (const n of b.values()) total += n;
  return total === 0 ? 0 : (2 * shared) / total;
}

function counts(words: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const w of words) m.set(w, (m.get(w) ?? 0) + 1);
  return m;
}

/**
 * Title likeness across documents, 1 = same, 0 = nothing shared: the mean of two
 * Sørensen–Dice coefficients over the content words of the folded titles, one on
 * character bigrams (tolerates inflection and typos: "archivio"/"archivi") and one on
 * whole words (so one shared long word such as "manutenzione" does not make two
 * objectives alike).
 */
export function titleSimilarity(a: string, b: string): number {
  const na = matchKey(a);
  const nb = matchKey(b);
  if (na === nb) return na === "" ? 0 : 1;
  if (na === "" || nb === "") return 0;
  const wa = contentWords(na);
  const wb = contentWords(nb);
  return (dice(bigrams(wa), bigrams(wb)) + dice(counts(wa), counts(wb))) / 2;
}

/** Share of the smaller list found (folded) in the other: 1 when one is contained in the other. */
export function listOverlap(a: readonly string[], b: readonly string[]): number {
  const na = new Set(a.map(matchKey).filter((s) => s !== ""));
  const nb = new Set(b.map(matchKey).filter((s) => s !== ""));
  if (na.size === 0 || nb.size === 0) return 0;
  let shared = 0;
  for (const s of na) if (nb.has(s)) shared++;
  return shared / Math.min(na.size, nb.size);
}
