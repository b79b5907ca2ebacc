/**
 * Never all-or-nothing, end to end: plans without weights, summaries or sheets
 * (a PIAO objective table alone; boxed sheets under numbered headings) are
 * imported and reported with the findings that explain the absences.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runPiao } from "../run-piao.js";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "piao-partial-"));
const db = path.join(dir, "plans.sqlite");
afterAll(async () => fs.rmSync(dir, { recursive: true, force: true }));

describe("plans that lack weights, summaries or sheets", () => {
  it("piao import stores them", async () => {
    const r = await runPiao(["import", "fixtures/lagoverde-2025/lagoverde-2025.pdf", "fixtures/fontebassa-2025/fontebassa-2025.docx", "--db", db]);
    expect(r.code).toBe(0);
    // Progress lines go to stderr; the summary too.
    expect(r.stdout + r.stderr).toContain("imported 2, unchanged 0, failed 0");
    expect(r.stdout + r.stderr).not.toContain("failed:");
  });

  it("piao check reports them with the findings that say what is missing", async () => {
    const r = await runPiao(["check", "--db", db, "--format", "json"]);
    expect(r.code).toBe(0);
    const codes = r.stdout.match(/"code": "([A-Z_]+)"/g) ?? [];
    expect(codes).toContain('"code": "SUMMARY_ONLY"');
    expect(codes).toContain('"code": "WEIGHTS_ABSENT"');
    expect(codes).not.toContain('"code": "MISSING_DETAIL"');
  });

  it("piao check FILE reads such a plan directly", async () => {
    const r = await runPiao(["check", "fixtures/fontebassa-2025/fontebassa-2025.pdf"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("WEIGHTS_ABSENT");
    expect(r.stdout).toContain("NUMBERING");
  });
});
