/**
 * The same plans printed by another PDF producer read as the same plans. The
 * PDFs in fixtures/producers are their HTML renderings printed by headless
 * Chromium (scripts/make-producer-pdfs.mjs; committed, so no Chromium is needed
 * here). `piao extract` of each must equal the HTML's expected export with what
 * depends on the producer left out: pages (another pagination), anomaly
 * messages (they quote pages), table ids and the source block.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { extractedPlan } from "../../read-once.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

/**
 * `known`: export paths still read differently, each with what is read. Left
 * open: a title wrapped after a hyphen ("Front-" / "Office") is joined with a
 * space by the summary reader (src/normalize), which the LibreOffice PDF never shows.
 */
const CASES: { id: string; expected: string; known?: Record<string, string> }[] = [
  {
    id: "luzzara-2024",
    expected: path.resolve(repoRoot, "../shared/samples/luzzara-2024.html.expected.json"),
    known: {
      "units.3.objectives.5.title":
        "Miglioramento della qualità dei servizi allo sportello Riorganizzazione Front- Office Aggiornamento e formazione dei Servizi Demografici",
      "units.3.objectives.5.summary.title":
        "Miglioramento della qualità dei servizi allo sportello Riorganizzazione Front- Office Aggiornamento e formazione dei Servizi Demografici",
    },
  },
  { id: "borgoverde-2024", expected: path.join(repoRoot, "fixtures/borgoverde-2024/borgoverde-2024.html.expected.json") },
  { id: "ateneo-2025", expected: path.join(repoRoot, "fixtures/ateneo-2025/ateneo-2025.html.expected.json") },
];

const PRODUCER_DEPENDENT = new Set(["page", "message", "table", "source"]);

function comparable(plan: unknown): unknown {
  return JSON.parse(JSON.stringify(plan, (k, v: unknown) => (PRODUCER_DEPENDENT.has(k) ? undefined : v)));
}

/** Sets the value at a dotted path, returning the value that was there. */
function swap(doc: unknown, at: string, value: unknown): unknown {
  const keys = at.split(".");
  let o = doc as Record<string, unknown>;
  for (const k of keys.slice(0, -1)) o = o[k] as Record<string, unknown>;
  const last = keys[keys.length - 1]!;
  const was = o[last];
  o[last] = value;
  return was;
}

describe("PDFs from other producers (Chromium print to PDF)", () => {
  for (const c of CASES) {
    it(`${c.id}.chrome.pdf reads as ${path.basename(c.expected)}`, async () => {
      const plan = await extractedPlan(path.join(repoRoot, `fixtures/producers/${c.id}.chrome.pdf`));
      const got = comparable(plan);
      const expected = comparable(JSON.parse(readFileSync(c.expected, "utf8")));
      // A known difference must still be exactly what it was (fixing it means removing it here).
      for (const [at, read] of Object.entries(c.known ?? {})) {
        swap(expected, at, null);
        expect(swap(got, at, null), at).toBe(read);
      }
      expect(got).toEqual(expected);
    });
  }
});
