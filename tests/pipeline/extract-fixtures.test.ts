/**
 * Every fixture with an expected export (fixtures/manifest.json): the tables its
 * reader finds equal their golden (DOCX, HTML, text; the PDFs' are in
 * tests/extract/pdf/tables-golden.test.ts), the extract output equals the
 * expected export, messages aside (fixtures fix codes, units, objectives, pages
 * and order; the wording is ours), and validates against the shared JSON Schema
 * and the zod plan schema.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { extractPlan } from "../../src/pipeline/extract-plan.js";
import { type DocumentError, isDocumentError } from "../../src/shared/errors.js";
import { PlanExport } from "../../src/normalize/plan-schema.js";
import { fixtureGoldenSuite } from "../extract/common/fixture-goldens.js";
import { extractedPlan } from "../read-once.js";
import { body, fixtureEntries, fixturesDir, readJson, schemaErrors, withoutMessages, withoutReaderNotes } from "./helpers.js";

const entries = fixtureEntries();

// The tables the reader finds in each DOCX, HTML and text fixture, against their goldens: here,
// beside the exports of the same reads, so that each fixture is read once (tests/read-once.ts
// shares a read between the files of one test worker only, and vitest hands the longest
// files to different workers first).
for (const format of ["docx", "html", "text"] as const) fixtureGoldenSuite(format);

describe("fixtures", () => {
  it("the manifest lists fixtures with expected exports", () => {
    expect(entries.length).toBeGreaterThan(0);
  });
  for (const entry of entries) {
    it(`${entry.id} equals ${entry.expected}`, async () => {
      const plan = await extractedPlan(path.join(fixturesDir, entry.file));
      const expected = readJson(path.join(fixturesDir, entry.expected!)) as Record<string, unknown>;
      expect(withoutMessages(body(withoutReaderNotes(plan)))).toEqual(withoutMessages(body(expected)));
    });
    it(`export of ${path.basename(entry.file)} validates`, async () => {
      const plan = await extractedPlan(path.join(fixturesDir, entry.file));
      expect(schemaErrors(plan)).toBe("");
      expect(() => PlanExport.parse(plan)).not.toThrow();
    });
  }
});

interface BadEntry {
  file: string;
  expectedError: string;
}

const badManifest = path.join(fixturesDir, "bad/manifest.json");
const bad: BadEntry[] = fs.existsSync(badManifest) ? (readJson(badManifest) as { files: BadEntry[] }).files : [];

describe("inputs that are no plan", () => {
  for (const entry of bad.filter((b) => b.expectedError === "not-a-plan")) {
    it(`${entry.file} is refused as not-a-plan`, async () => {
      const err = await extractPlan(path.join(fixturesDir, "bad", entry.file)).then(
        () => null,
        (e: unknown) => e,
      );
      expect(isDocumentError(err)).toBe(true);
      expect((err as DocumentError).kind).toBe("not-a-plan");
      expect((err as Error).message).toBe((await import("../../src/normalize/normalize-plan.js")).NO_OBJECTIVES);
    });
  }
});
