/**
 * End to end with the real readers: `piao import` on the sample plans, then the
 * stored plans read back. (A SIGKILL of a real `piao import` mid-batch is in
 * tests/store/kill-import.test.ts, beside the seeded kills.)
 */
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/store/open-database.js";
import { listPlans } from "../../src/store/list-plans.js";
import { loadPlan } from "../../src/store/load-plan.js";
import { runPiao } from "../run-piao.js";
import { loadSample, SAMPLES, tempDir } from "./helpers.js";

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  const t = tempDir("piao-real-");
  dir = t.dir;
  cleanup = t.cleanup;
});
afterEach(() => cleanup());

describe("piao import with the real readers", () => {
  it("imports the samples; what is stored is what `piao extract` printed", async () => {
    const db = path.join(dir, "p.sqlite");
    const files = ["luzzara-2024.pdf", "luzzara-2024.docx", "luzzara-2024.html"].map((n) => path.join(SAMPLES, n));
    const r = await runPiao(["import", ...files, "--db", db, "--jobs", "2"]);
    expect(r.stdout.split("\n")[0]).toBe("imported 3, unchanged 0, failed 0");
    expect(r.code).toBe(0);
    const d = openDatabase(db, { readonly: true });
    try {
      for (const p of listPlans(d)) {
        const extracted = JSON.parse((await runPiao(["extract", p.path])).stdout);
        expect(loadPlan(d, p.planId)).toStrictEqual(extracted);
        expect(p.sha256).toBe(loadSample(path.basename(p.path) as "luzzara-2024.pdf").source.sha256);
      }
      expect(listPlans(d, { currentOnly: true })).toHaveLength(1);
    } finally {
      d.close();
    }
    const again = await runPiao(["import", ...files, "--db", db]);
    expect(again.stdout.split("\n")[0]).toBe("imported 0, unchanged 3, failed 0");
  });
});
