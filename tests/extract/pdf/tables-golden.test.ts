/**
 * Golden tables for real PDFs: the committed tests/golden/pdf/<name>.tables.json
 * must match what the reader finds. UPDATE_GOLDEN=1 rewrites; a missing golden
 * fails. Each golden was checked by eye against page renders (see the report).
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { expectGolden } from "../../golden.js";
import { LayoutDocument } from "../../../src/extract/layout.js";
import { readOnce } from "../../read-once.js";
import { goldenText } from "./golden-text.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
const goldenDir = path.join(repoRoot, "tests/golden/pdf");

const CASES: { name: string; file: string }[] = [
  { name: "luzzara-2024", file: path.resolve(repoRoot, "../shared/samples/luzzara-2024.pdf") },
  ...["borgoverde-2024", "borgoverde-2025", "valle-2023", "asl-2024", "ateneo-2025", "provincia-2026", "unione-2024"].map((name) => ({
    name,
    file: path.join(repoRoot, `fixtures/${name}/${name}.pdf`),
  })),
  // The same plans printed from their HTML by Chromium (scripts/make-producer-pdfs.mjs).
  ...["luzzara-2024", "borgoverde-2024", "ateneo-2025"].map((name) => ({
    name: `${name}.chrome`,
    file: path.join(repoRoot, `fixtures/producers/${name}.chrome.pdf`),
  })),
];

describe("PDF tables against goldens", () => {
  for (const c of CASES) {
    it(`${c.name}`, async () => {
      // As `piao tables` reads it (readDocument, once per test worker: tests/read-once.ts); its
      // cleaning of control characters would show in the golden as a CONTROL_CHARACTERS message.
      const { layout: doc, format } = await readOnce(c.file);
      expect(format).toBe("pdf");
      LayoutDocument.parse(doc); // the reader's output honours the layout contract
      const actual = goldenText(doc);
      JSON.parse(actual); // the golden is valid JSON
      const golden = path.join(goldenDir, `${c.name}.tables.json`);
      expectGolden(golden, actual);
    });
  }
});
