/**
 * Every fixture with an expected export (fixtures/manifest.json): the extract
 * output equals it, messages aside (fixtures fix codes, units, objectives,
 * pages and order; the wording is ours).
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { extractPlan } from "../../src/pipeline/extract-plan.js";
import { body, fixtureEntries, fixturesDir, readJson, withoutMessages } from "./helpers.js";

const entries = fixtureEntries();

describe("fixtures", () => {
  it("the manifest lists fixtures with expected exports", () => {
    expect(entries.length).toBeGreaterThan(0);
  });
  for (const entry of entries) {
    it(`${entry.id} equals ${entry.expected}`, async () => {
      const { plan } = await extractPlan(path.join(fixturesDir, entry.file));
      const expected = readJson(path.join(fixturesDir, entry.expected!)) as Record<string, unknown>;
      expect(withoutMessages(body(plan))).toEqual(withoutMessages(body(expected)));
    });
  }
});
