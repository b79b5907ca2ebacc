/**
 * `piao extract` on the shared Luzzara samples equals the expected export
 * beside each (the source block aside; messages included). The converted text,
 * which lacks pages of the plan, is compared with a golden checked by eye. Each
 * export validates against the shared JSON Schema and the zod plan schema.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PlanExport } from "../../src/normalize/plan-schema.js";
import { runPiao } from "../run-piao.js";
import { extractedPlan } from "../read-once.js";
import { body, expectPlanGolden, readJson, samplesDir, schemaErrors } from "./helpers.js";

describe("Luzzara samples", () => {
  for (const format of ["pdf", "docx", "html"]) {
    it(`${format} export equals luzzara-2024.${format}.expected.json`, async () => {
      const file = path.join(samplesDir, `luzzara-2024.${format}`);
      const plan = await extractedPlan(file);
      const expected = readJson(`${file}.expected.json`) as Record<string, unknown>;
      expect(body(plan)).toEqual(body(expected));
      expect(plan.source).toMatchObject({ format, sha256: (expected.source as { sha256: string }).sha256 });
    });
  }

  it("the converted text gives everything the text holds (golden)", async () => {
    const file = path.join(samplesDir, "luzzara-2024-piano-performance.converted.txt");
    const plan = await extractedPlan(file);
    expectPlanGolden("luzzara-2024-piano-performance.converted.txt.json", body(plan));
  });

  for (const name of ["luzzara-2024.pdf", "luzzara-2024.docx", "luzzara-2024.html", "luzzara-2024-piano-performance.converted.txt"]) {
    it(`export of ${name} validates`, async () => {
      const plan = await extractedPlan(path.join(samplesDir, name));
      expect(schemaErrors(plan)).toBe("");
      expect(() => PlanExport.parse(plan)).not.toThrow();
    });
  }

  it("piao extract prints the export on stdout", async () => {
    const file = path.join(samplesDir, "luzzara-2024.html");
    const run = await runPiao(["extract", file]);
    expect(run.code).toBe(0);
    const printed = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(body(printed)).toEqual(body(readJson(`${file}.expected.json`) as Record<string, unknown>));
  });
});
