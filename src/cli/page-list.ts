/** `--pages 3`, `3-5`, `1,4-6`: a page list, 1-based, ascending, no repeats. */
import { CliUsageError } from "./cli-errors.js";

/** The most pages a list may name (a guard against "1-999999999" filling memory). */
const MAX_LISTED = 100_000;

export function parsePageList(spec: string): number[] {
  const out = new Set<number>();
  for (const part of spec.split(",")) {
    const m = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(part);
    if (!m) throw new CliUsageError(`--pages: '${part.trim()}' is not a page or a range (use e.g. 3, 3-5 or 1,4-6)`);
    const a = Number(m[1]),
      b = m[2] === undefined ? a : Number(m[2]);
    if (a < 1 || b < a) throw new CliUsageError(`--pages: '${part.trim()}' is not a range of pages from 1 up`);
    if (b - a + out.size >= MAX_LISTED) throw new CliUsageError(`--pages: more than ${MAX_LISTED} pages listed`);
    for (let n = a; n <= b; n++) out.add(n);
  }
  return [...out].sort((x, y) => x - y);
}
