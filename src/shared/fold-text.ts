/**
 * How Italian text is folded for comparison, written once: accents and case away
 * ("Attività" = "ATTIVITA'"), and the function words that fill every title.
 */

/** Lower case without accents: NFD, then the combining marks dropped ("Morosità" → "morosita"). */
export function foldAccents(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase();
}

/** Folded, every run of characters other than letters and digits one space, trimmed ("Obiettivo n°3 – SUAP" → "obiettivo n 3 suap"). */
export function matchKey(text: string): string {
  return foldAccents(text)
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/**
 * Italian function words (articles, prepositions and their contractions, conjunctions, a
 * few adverbs), folded: they fill every title ("di", "della", "per") and would make
 * unrelated titles look alike.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    "a ad al all alla alle allo ai agli anche che col come con da dagli dai dal dall dalla dalle dallo degli dei del dell della delle dello di " +
    "e ed fra gli i il in l la le lo nei negli nel nell nella nelle nello non o od per piu su sugli sui sul sull sulla sulle sullo tra un una uno"
  ).split(" "),
);
