/**
 * End to end with the real readers: `piao import` on the sample plans, then the
 * stored plans read back. (A SIGKILL of a real `piao import` mid-batch is in
 * tests/store/kill-import.test.ts, beside the seeded kills.)
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/store/open-database.js";
import { listPlans } from "../../src/store/list-plans.js";
import { loadPlan } from "../../src/store/load-plan.js";
import { runPiao } from "../run-piao.js";
import { SAMPLES, tempDirEachTest } from "./helpers.js";

const tmp = tempDirEachTest("piao-real-");

describe("piao import with the real readers", () => {
  // The reference is each sample's expected export (written independently of src/), the file's
  // own path aside: tests/pipeline/extract-samples.test.ts checks that `piao extract` prints it.
  it("imports the samples; what is stored is each sample's expected export, which `piao extract` prints", async () => {
    const db = path.join(tmp.dir, "p.sqlite");
    const files = ["luzzara-2024.pdf", "luzzara-2024.docx", "luzzara-2024.html"].map((n) => path.join(SAMPLES, n));
    const r = await runPiao(["import", ...files, "--db", db, "--jobs", "2"]);
    expect(r.stdout.split("\n")[0]).toBe("imported 3, unchanged 0, failed 0");
    expect(r.code).toBe(0);
    const d = openDatabase(db, { readonly: true });
    try {
      const plans = listPlans(d);
      expect(plans.map((p) => p.path).sort()).toEqual([...files].sort());
      for (const p of plans) {
        const expected = JSON.parse(readFileSync(`${p.path}.expected.json`, "utf8")) as { source: Record<string, unknown> };
        expect(loadPlan(d, p.planId)).toStrictEqual({ ...expected, source: { ...expected.source, path: p.path } });
        expect(p.sha256).toBe(expected.source["sha256"]);
      }
      expect(listPlans(d, { currentOnly: true })).toHaveLength(1);
    } finally {
      d.close();
    }
    const again = await runPiao(["import", ...files, "--db", db]);
    expect(again.stdout.split("\n")[0]).toBe("imported 0, unchanged 3, failed 0");
  });
});
