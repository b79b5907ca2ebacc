/**
 * Exports validate against the shared JSON Schema (ajv, draft 2020-12): what the
 * zod plan schema accepts and what `piao extract` prints.
 */
import fs from "node:fs";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { PlanExport } from "../../src/normalize/plan-schema.js";
import { extractPlan } from "../../src/pipeline/extract-plan.js";
import { contractDir, fixtureEntries, fixturesDir, readJson, samplesDir } from "./helpers.js";

const schema = readJson(path.join(contractDir, "plan-export.schema.json")) as Record<string, unknown>;
const ajv = new Ajv2020({ allErrors: true, strict: false });
const validate = ajv.compile(schema);

function errors(data: unknown): string {
  return validate(data) ? "" : ajv.errorsText(validate.errors);
}

describe("plan export JSON Schema", () => {
  const files = [
    ...["pdf", "docx", "html"].map((f) => path.join(samplesDir, `luzzara-2024.${f}`)),
    path.join(samplesDir, "luzzara-2024-piano-performance.converted.txt"),
    ...fixtureEntries().map((e) => path.join(fixturesDir, e.file)),
  ].filter((f) => fs.existsSync(f));

  for (const file of files) {
    it(`export of ${path.basename(file)} validates`, async () => {
      const { plan } = await extractPlan(file);
      expect(errors(plan)).toBe("");
      expect(() => PlanExport.parse(plan)).not.toThrow();
    });
  }

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
