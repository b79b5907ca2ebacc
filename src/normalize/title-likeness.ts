/**
 * How alike two objective titles are (0-1): the share of the shorter title's
 * content words found in the other, on words without accents, case or
 * stop-words. Sheets often shorten the summary title ("Suap BR" for "Suap Bassa
 * Reggiana"), so containment matters more than equality.
 */
const STOP = new Set(
  "il lo la i gli le un uno una di a da in con su per tra fra e ed o od del dello della dei degli delle al allo alla ai agli alle dal dallo dalla dai dagli dalle nel nello nella nei negli nelle sul sullo sulla sui sugli sulle che non come anche piu".split(" "),
);

export function titleWords(title: string): string[] {
  return title
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 1 && !STOP.has(w));
}

export function titleLikeness(a: string, b: string): number {
  const wa = new Set(titleWords(a));
  const wb = new Set(titleWords(b));
  if (wa.size === 0 || wb.size === 0) return 0;
  let common = 0;
  for (const w of wa) if (wb.has(w)) common++;
  return common / Math.min(wa.size, wb.size);
}
