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

function bigrams(text: string): Map<string, number> {
  const grams = new Map<string, number>();
  for (const word of text.split(" ")) {
    // Pad each word so one-letter words and word edges count too.
    const padded = ` ${word} `;
    for (let i = 0; i + 1 < padded.length; i++) {
      const g = padded.slice(i, i + 2);
      grams.set(g, (grams.get(g) ?? 0) + 1);
    }
  }
  return grams;
}

/** Sørensen–Dice coefficient over character bigrams of the normalised texts: 1 = same, 0 = nothing shared. */
export function titleSimilarity(a: string, b: string): number {
  const na = normalizeForMatch(a);
  const nb = normalizeForMatch(b);
  if (na === nb) return na === "" ? 0 : 1;
  if (na === "" || nb === "") return 0;
  const ga = bigrams(na);
  const gb = bigrams(nb);
  let shared = 0;
  let total = 0;
  for (const [g, n] of ga) {
    shared += Math.min(n, gb.get(g) ?? 0);
    total += n;
  }
  for (const n of gb.values()) total += n;
  return (2 * shared) / total;
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
