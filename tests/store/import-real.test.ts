/**
 * End to end with the real readers: `node bin/piao import` on the sample plans,
 * then the stored plans read back; and a SIGKILL of `piao import` mid-batch (a real process).
 */
import { spawn } from "node:child_process";
import { appendFileSync, copyFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/store/open-database.js";
import { listPlans } from "../../src/store/list-plans.js";
import { loadPlan } from "../../src/store/load-plan.js";
import { runPiao } from "../run-piao.js";
import { counts, loadSample, SAMPLES, tempDir } from "./helpers.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const BIN = path.join(ROOT, "bin/piao");

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

  it("SIGKILL of `piao import` mid-batch leaves whole plans; a re-import completes it", async () => {
    // Ten copies, killed after the second is stored: mid-batch, at less than half the cost of the 24 it took (tests/store/kill-import.test.ts kills a larger batch).
    const N = 10;
    mkdirSync(path.join(dir, "in"));
    for (let i = 0; i < N; i++) {
      const f = path.join(dir, "in", `p${String(i).padStart(2, "0")}.pdf`);
      copyFileSync(path.join(SAMPLES, "luzzara-2024.pdf"), f);
      appendFileSync(f, `\n%kill ${i}\n`);
    }
    const db = path.join(dir, "p.sqlite");
    const seen = await new Promise<number>((resolve, reject) => {
      const child = spawn(process.execPath, [BIN, "import", path.join(dir, "in"), "--db", db, "--jobs", "2"], { stdio: ["ignore", "ignore", "pipe"] });
      let n = 0;
      let log = "";
      child.stderr.on("data", (c: Buffer) => {
        log += c.toString();
        n += (c.toString().match(/\] imported /g) ?? []).length;
        if (n >= 2) child.kill("SIGKILL");
      });
      child.on("error", reject);
      child.on("exit", (code, signal) =>
        signal === "SIGKILL" ? resolve(n) : reject(new Error(`import ended (exit ${code}) before it was killed:\n${log.split("\n").slice(-6).join("\n")}`)),
      );
    });
    expect(seen).toBeGreaterThanOrEqual(2);
    const check = () => {
      const d = openDatabase(db);
      try {
        expect(d.pragma("integrity_check", { simple: true })).toBe("ok");
        expect(d.pragma("foreign_key_check")).toEqual([]);
        const c = counts(d);
        const perPlan = (t: string) => d.prepare(`SELECT count(*) FROM ${t} x`).pluck().get() as number;
        // Every stored plan is whole: each table holds the same multiple of one plan's rows.
        const one = { units: perPlan("units") / c.plans!, objectives: perPlan("objectives") / c.plans! };
        expect(Number.isInteger(one.units) && Number.isInteger(one.objectives)).toBe(true);
        expect(
          d.prepare("SELECT count(DISTINCT n) FROM (SELECT count(*) n FROM objectives o JOIN units u ON u.id = o.unit_id GROUP BY u.plan_id)").pluck().get(),
        ).toBe(1);
        expect(d.prepare("SELECT count(*) FROM plans p WHERE NOT EXISTS (SELECT 1 FROM units u WHERE u.plan_id = p.id)").pluck().get()).toBe(0);
        expect(c.documents).toBe(c.plans);
        return c;
      } finally {
        d.close();
      }
    };
    const partial = check();
    expect(partial.documents).toBeGreaterThanOrEqual(2);
    expect(partial.documents).toBeLessThan(N);
    const r = await runPiao(["import", path.join(dir, "in"), "--db", db, "--jobs", "2"]);
    expect(r.stdout.split("\n")[0]).toBe(`imported ${N - partial.documents!}, unchanged ${partial.documents}, failed 0`);
    const full = check();
    expect(full.documents).toBe(N);
    expect(full.objectives).toBe((partial.objectives! / partial.documents!) * N);
  });
});
