/**
 * The shared JSON Schema (ajv, draft 2020-12) can fail. That every export `piao
 * extract` prints validates against it (and against the zod plan schema) is
 * checked beside each export's comparison, on the same extraction:
 * tests/pipeline/extract-samples.test.ts and extract-fixtures.test.ts.
 */
import { describe, expect, it } from "vitest";
import { schemaErrors as errors } from "./helpers.js";

describe("plan export JSON Schema", () => {
  it("rejects what the contract forbids (the validator can fail)", () => {
    const bad = { schemaVersion: 1, source: { path: "x", sha256: "nothex", format: "pdf" }, organization: null, year: null, units: [], anomalies: [] };
    expect(errors(bad)).toContain("sha256");
    const badMonth = {
      ...bad,
      source: { path: "x", sha256: "a".repeat(64), format: "pdf" },
      units: [
        {
          name: "U",
          manager: null,
          objectives: [
            {
              number: 1,
              title: "T",
              summary: null,
              detail: { number: 1, weight: null, title: "T", indicators: [], phases: [{ description: "d", months: ["2024-13"] }] },
            },
          ],
        },
      ],
    };
    expect(errors(badMonth)).not.toBe("");
  });
});
