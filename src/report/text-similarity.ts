/**
 * Title likeness for matching objectives and units across documents: accents,
 * case and punctuation do not count ("Morosità" = "MOROSITA'"), word order a
 * little (character bigrams), so a reworded title still matches its old self.
 */

/** Lower case, accents and punctuation removed, single spaces. */
export function normalizeForMatch(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
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

/**
 * Italian function words: they fill every title ("di", "della", "per") and
 * would make unrelated titles look a quarter alike.
 */
const STOPWORDS = new Set(
  ("a ad al all alla alle allo ai agli che con col da dal dall dalla dalle dai degli dei del dell della delle dello di " +
    "e ed gli i il in l la le lo nel nell nella nelle nei negli o per su sul sull sulla sulle sui tra fra un una uno")
    .split(" "),
);

function contentWords(normalized: string): string[] {
  const all = normalized.split(" ");
  const words = all.filter((w) => !STOPWORDS.has(w));
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
 * Title likeness, 1 = same, 0 = nothing shared: the mean of two Sørensen–Dice
 * coefficients over the content words of the normalised titles, one on
 * character bigrams (tolerates inflection and typos: "archivio"/"archivi") and
 * one on whole words (so one shared long word such as "manutenzione" does not
 * make two objectives alike).
 */
export function titleSimilarity(a: string, b: string): number {
  const na = normalizeForMatch(a);
  const nb = normalizeForMatch(b);
  if (na === nb) return na === "" ? 0 : 1;
  if (na === "" || nb === "") return 0;
  const wa = contentWords(na);
  const wb = contentWords(nb);
  return (dice(bigrams(wa), bigrams(wb)) + dice(counts(wa), counts(wb))) / 2;
}

/** Share of the smaller list found (normalised) in the other: 1 when one is contained in the other. */
export function listOverlap(a: readonly string[], b: readonly string[]): number {
  const na = new Set(a.map(normalizeForMatch).filter((s) => s !== ""));
  const nb = new Set(b.map(normalizeForMatch).filter((s) => s !== ""));
  if (na.size === 0 || nb.size === 0) return 0;
  let shared = 0;
  for (const s of na) if (nb.has(s)) shared++;
  return shared / Math.min(na.size, nb.size);
}
