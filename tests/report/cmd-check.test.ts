/**
 * `piao check` end to end, in-process through the compiled CLI's `main(argv)`
 * (needs dist/, built by `npm test`), on plan exports, unreadable files and temp
 * databases.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import * as cheerio from "cheerio";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { PlanExport } from "../../src/normalize/plan-schema.js";
import { Report } from "../../src/report/report-model.js";
import { openDatabase } from "../../src/store/open-database.js";
import { storePlan } from "../../src/store/store-plan.js";
import { everyCodePlan, ind, yearPair } from "./constructed-plans.js";
import { pegPlan, piaoPlan } from "../store/v2-plans.js";
import { repoRoot, samplesDir } from "./helpers.js";
import { runPiao } from "../run-piao.js";

const piao = (args: string[], cwd = repoRoot) => runPiao(["check", ...args], { cwd });

let dir: string;
beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "piao-check-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function writeExport(name: string, plan: PlanExport): string {
  const file = path.join(dir, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(plan));
  return file;
}

const infoOnly = (): PlanExport => {
  const p = everyCodePlan();
  return { ...p, anomalies: p.anomalies.filter((a) => a.severity === "info") };
};
const warningsOnly = (): PlanExport => {
  const p = everyCodePlan();
  return { ...p, anomalies: p.anomalies.filter((a) => a.severity !== "error") };
};

describe("piao check FILE…", () => {
  it("prints the text report of a plan export", async () => {
    const r = await piao([path.join(samplesDir, "luzzara-2024.pdf.expected.json")]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Comune di Luzzara, piano 2024");
    expect(r.stdout).toContain("ERRORE  WEIGHT_MISMATCH  p. 9");
    expect(r.stdout).not.toContain("\x1b[");
  });

  it("speaks Italian by default and English with --lang en, in every format", async () => {
    const sample = path.join(samplesDir, "luzzara-2024.pdf.expected.json");
    const en = await piao([sample, "--lang", "en"]);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain("Comune di Luzzara, plan 2024");
    expect(en.stdout).toContain("ERROR   WEIGHT_MISMATCH  p. 9");
    expect(en.stdout.replace(/\s+/g, " ")).toMatch(/objective 6: weight 10 in the summary sheet but 100 on the objective sheet\./);
    const it = Report.parse(JSON.parse((await piao([sample, "--format", "json"])).stdout));
    const enJson = Report.parse(JSON.parse((await piao([sample, "--format", "json", "--lang", "en"])).stdout));
    expect([it.settings.lang, enJson.settings.lang]).toEqual(["it", "en"]);
    // Codes, severities, pages and counts are the same; only the messages are said in the language.
    expect(enJson.totals).toEqual(it.totals);
    const mismatch = (r: Report) => r.plans[0]!.units.flatMap((u) => u.objectives.flatMap((o) => o.findings)).find((f) => f.code === "WEIGHT_MISMATCH")!;
    expect(mismatch(it).message).toMatch(/obiettivo 6: peso 10 nella scheda sintetica ma 100 nella scheda obiettivo/);
    expect({ ...mismatch(enJson), message: "" }).toEqual({ ...mismatch(it), message: "" });
    const html = cheerio.load((await piao([sample, "--format", "html", "--lang", "en"])).stdout);
    expect(html("html").attr("lang")).toBe("en");
    expect(html("section.summary h3").text()).toBe("Summary");
    expect((await piao([sample, "--lang", "fr"])).stderr).toMatch(/--lang must be it or en, not 'fr'/);
  });

  it("--fail-on error exits 1 on errors only; --fail-on warning also on warnings", async () => {
    const errors = writeExport("errors.json", everyCodePlan());
    const warnings = writeExport("warnings.json", warningsOnly());
    const info = writeExport("info.json", infoOnly());
    expect((await piao([errors])).code).toBe(0);
    expect((await piao([errors, "--fail-on", "error"])).code).toBe(1);
    expect((await piao([warnings, "--fail-on", "error"])).code).toBe(0);
    expect((await piao([warnings, "--fail-on", "warning"])).code).toBe(1);
    expect((await piao([info, "--fail-on", "warning"])).code).toBe(0);
    expect((await piao([info, warnings, "--fail-on", "warning"])).code).toBe(1);
  });

  it("--no-advisory leaves the advisory checks out; --fail-on counts them only with --fail-on-advisory", async () => {
    // Contract findings: info only. Advisory: 2 warnings (phase_out_of_year, indicator_qualitative), 3 info.
    const info = writeExport("info.json", infoOnly());
    const text = await piao([info]);
    expect(text.stdout).toContain("Controlli aggiuntivi (regole di dominio, non nell'export)");
    expect(text.stdout).toContain("AVVISO  phase_out_of_year  p. 3");
    const off = await piao([info, "--no-advisory", "--format", "json"]);
    const report = Report.parse(JSON.parse(off.stdout));
    expect(report.settings.advisory).toBe(false);
    expect(report.plans[0]!.advisory).toEqual([]);
    expect((await piao([info, "--no-advisory"])).stdout).not.toMatch(/controlli aggiuntivi|regole di dominio/i);
    expect((await piao([info, "--fail-on", "warning"])).code).toBe(0);
    expect((await piao([info, "--fail-on", "warning", "--fail-on-advisory"])).code).toBe(1);
    expect((await piao([info, "--fail-on", "error", "--fail-on-advisory"])).code).toBe(0);
    const bad = await piao([info, "--fail-on-advisory"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--fail-on-advisory needs --fail-on/);
    expect((await piao([info, "--fail-on", "warning", "--fail-on-advisory", "--no-advisory"])).stderr).toMatch(/exclude each other/);
  });

  it("unreadable input: one line `piao: FILE: reason` each, exit 2, the readable ones still reported", async () => {
    const good = writeExport("good.json", infoOnly());
    const broken = path.join(dir, "broken.json");
    writeFileSync(broken, "{ not json");
    const notPlan = path.join(dir, "other.json");
    writeFileSync(notPlan, JSON.stringify({ hello: 1 }));
    const missing = path.join(dir, "missing.pdf");
    const r = await piao([good, broken, notPlan, missing, "--format", "json", "--fail-on", "warning"]);
    expect(r.code).toBe(2);
    const lines = r.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(new RegExp(`^piao: ${escapeRe(broken)}: not valid JSON`));
    expect(lines[1]).toMatch(new RegExp(`^piao: ${escapeRe(notPlan)}: not a plan export: `));
    expect(lines[2]).toMatch(new RegExp(`^piao: ${escapeRe(missing)}: `));
    const report = Report.parse(JSON.parse(r.stdout));
    expect(report.totals).toMatchObject({ plans: 1, unreadable: 3 });
    expect(report.unreadable.map((u) => u.file)).toEqual([broken, notPlan, missing]);
  });

  it("--out writes the report; HTML links each page to the PDF relative to the report", async () => {
    const docs = path.join(dir, "docs");
    mkdirSync(docs);
    copyFileSync(path.join(samplesDir, "luzzara-2024.pdf.expected.json"), path.join(docs, "luzzara-2024.pdf.expected.json"));
    copyFileSync(path.join(samplesDir, "luzzara-2024.pdf"), path.join(docs, "luzzara-2024.pdf"));
    const out = path.join(dir, "reports", "2024", "luzzara.html");
    const r = await piao([path.join(docs, "luzzara-2024.pdf.expected.json"), "--format", "html", "--out", out, "--fail-on", "error"]);
    expect(r.stdout).toBe("");
    expect(r.code).toBe(1);
    const $ = cheerio.load(readFileSync(out, "utf8"));
    expect(
      $("a.page")
        .map((_, a) => $(a).attr("href"))
        .get(),
    ).toContain("../../docs/luzzara-2024.pdf#page=9");
    // The format follows --out's extension when --format is not given.
    const inferred = path.join(dir, "inferred.html");
    await piao([path.join(docs, "luzzara-2024.pdf.expected.json"), "--out", inferred]);
    expect(readFileSync(inferred, "utf8")).toMatch(/^<!doctype html>/);
    const json = path.join(dir, "inferred.json");
    await piao([path.join(docs, "luzzara-2024.pdf.expected.json"), "--out", json]);
    expect(Report.parse(JSON.parse(readFileSync(json, "utf8"))).plans).toHaveLength(1);
    const txt = path.join(dir, "r.txt");
    expect((await piao([path.join(docs, "luzzara-2024.pdf.expected.json"), "--out", txt])).code).toBe(0);
    expect(readFileSync(txt, "utf8")).toContain("Comune di Luzzara, piano 2024");
  });

  it("rejects bad arguments with exit 2", async () => {
    expect((await piao([])).stderr).toBe("piao check: expects FILE… or --db FILE\n");
    expect((await piao(["x.json", "--format", "pdf"])).stderr).toMatch(/--format must be text, json or html/);
    expect((await piao(["x.json", "--fail-on", "info"])).stderr).toMatch(/--fail-on must be error or warning/);
    expect((await piao(["x.json", "--year", "2024"])).stderr).toMatch(/only|do not apply/);
    const r = await piao(["--db", "x.sqlite", "--year", "24"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--year must be a year/);
    expect((await piao(["x.json", "--bogus"])).code).toBe(2);
  });

  it("--help prints the options, exit 0", async () => {
    const r = await piao(["--help"]);
    expect(r.code).toBe(0);
    for (const flag of ["--format", "--out", "--fail-on", "--organization", "--year", "--db"]) expect(r.stdout).toContain(flag);
  });
});

describe("piao check on documents", () => {
  it("extracts a PDF and links its findings to its pages; an encrypted PDF is one line and exit 2", async () => {
    const pdf = path.join(dir, "plans", "borgoverde-2024.pdf");
    mkdirSync(path.dirname(pdf));
    copyFileSync(path.join(repoRoot, "fixtures/borgoverde-2024/borgoverde-2024.pdf"), pdf);
    const encrypted = path.join(repoRoot, "fixtures/bad/encrypted.pdf");
    const out = path.join(dir, "out", "report.html");
    const r = await piao(["plans/borgoverde-2024.pdf", encrypted, "--format", "html", "--out", out], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`piao: ${encrypted}: is encrypted (password-protected)\n`);
    const $ = cheerio.load(readFileSync(out, "utf8"));
    expect($("h2").first().text()).toContain("Comune di Borgoverde");
    const links = $("li.finding a.page")
      .map((_, a) => $(a).attr("href"))
      .get();
    expect(links.length).toBeGreaterThan(0);
    for (const href of links) expect(href).toMatch(/^\.\.\/plans\/borgoverde-2024\.pdf#page=\d+$/);
    expect($("section.plan:not(.unreadable)")).toHaveLength(1);
    expect($("section.unreadable").text()).toContain(`${encrypted}: is encrypted (password-protected)`);
  });
});

describe("piao check with export version 2 and data of version 1", () => {
  const v1Fixtures = path.join(repoRoot, "tests/store/fixtures");

  it("reads a plan export saved by an earlier piao (schemaVersion 1) forward", async () => {
    const r = await piao([path.join(v1Fixtures, "v1-borgoverde-2024.json"), "--format", "json"]);
    expect(r.stderr).toBe("");
    const plan = Report.parse(JSON.parse(r.stdout)).plans[0]!;
    expect(plan).toMatchObject({ organization: "Comune di Borgoverde", year: 2024, kind: null, period: null });
    expect((await piao([path.join(v1Fixtures, "v1-borgoverde-2024.json")])).stdout).toContain("Piano     tipo non indicato, periodo non indicato");
  });

  it("reports plans without weights, a summary-only PEG, a PIAO of several years", async () => {
    const peg = writeExport("peg.json", pegPlan());
    expect((await piao([peg, "--fail-on", "warning"])).code).toBe(0);
    const r = await piao([writeExport("piao.json", piaoPlan()), peg, "--format", "json"]);
    const report = Report.parse(JSON.parse(r.stdout));
    expect(report.plans.map((p) => [p.kind, p.period])).toEqual([
      ["piao", { from: 2026, to: 2028 }],
      ["peg", { from: 2025, to: 2025 }],
    ]);
    expect(report.plans[1]!.findings.map((f) => f.code)).toEqual(["SUMMARY_ONLY"]);
  });

  it("--db on a database of version 1: refused until `piao import` migrates it, then reported", async () => {
    const db = path.join(dir, "old.sqlite");
    copyFileSync(path.join(v1Fixtures, "v1-borgoverde.db"), db);
    const before = await piao(["--db", db]);
    expect(before.code).toBe(2);
    expect(before.stderr).toMatch(/schema is older than this piao .* run `piao import` on it once to migrate/);
    openDatabase(db).close();
    const r = await piao(["--db", db, "--organization", "Borgoverde", "--year", "2025", "--format", "json"]);
    expect(r.code).toBe(0);
    const plan = Report.parse(JSON.parse(r.stdout)).plans[0]!;
    expect(plan).toMatchObject({ year: 2025, kind: null, period: null });
    expect(plan.changes?.previous.year).toBe(2024);
  });
});

describe("piao check --db", () => {
  const makeDb2 = (plans: PlanExport[]) => makeDb(plans, "piao2.sqlite");
  function makeDb(plans: PlanExport[], name = "piao.sqlite"): string {
    const file = path.join(dir, name);
    const db = openDatabase(file);
    for (const p of plans) storePlan(db, p, { bytes: 1 });
    db.close();
    return file;
  }

  it("reports the current plans, with the previous year's changes, filtered by organization and year", async () => {
    const { previous, current } = yearPair();
    const db = makeDb([previous, current, everyCodePlan()]);
    const all = Report.parse(JSON.parse((await piao(["--db", db, "--format", "json"])).stdout));
    expect(all.plans.map((p) => [p.organization, p.year])).toEqual([
      ['Comune di "Prova" & Uniti', 2024],
      ["Comune di Prova", 2023],
      ["Comune di Prova", 2024],
    ]);
    const r = await piao(["--db", db, "--organization", "comune di prova", "--year", "2024", "--format", "json"]);
    expect(r.code).toBe(0);
    const report = Report.parse(JSON.parse(r.stdout));
    expect(report.plans).toHaveLength(1);
    const plan = report.plans[0]!;
    expect(plan.planId).toEqual(expect.any(Number));
    expect(plan.changes?.previous).toMatchObject({ year: 2023, sourcePath: "prova-2023.pdf", planId: expect.any(Number) });
    expect(plan.changes?.counts).toEqual({ added: 3, dropped: 2, reweighted: 3, retitled: 2, renumbered: 1, indicatorsChanged: 3, unchanged: 1 });
    const y2023 = Report.parse(JSON.parse((await piao(["--db", db, "--organization", "Comune di Prova", "--year", "2023", "--format", "json"])).stdout));
    expect(y2023.plans.map((p) => [p.year, p.changes])).toEqual([[2023, null]]);
    const text = (await piao(["--db", db, "--organization", "Prova", "--year", "2024"])).stdout;
    expect(text).toContain("Variazioni rispetto al 2023");
  });

  it("reports an in-year variation: what changed since the version the current plan replaced", async () => {
    const { previous, current } = yearPair();
    const revised: PlanExport = structuredClone(current);
    revised.source = { ...revised.source, sha256: "f".repeat(64), path: "prova-2024-rev1.pdf" };
    revised.units[0]!.objectives[0]!.summary!.weight = 20;
    revised.units[0]!.objectives[1]!.summary!.weight = 35;
    revised.units[2]!.objectives[0]!.summary!.indicators.push(ind("Controlli sulla sosta: 500"));
    const db = makeDb([previous, current, revised]);
    const r = await piao(["--db", db, "--organization", "Comune di Prova", "--year", "2024", "--format", "json"]);
    const plan = Report.parse(JSON.parse(r.stdout)).plans[0]!;
    expect(plan.source.path).toBe("prova-2024-rev1.pdf");
    expect(plan.variation?.previous).toMatchObject({ year: 2024, sourcePath: "prova-2024.pdf" });
    expect(plan.variation?.counts).toEqual({ added: 0, dropped: 0, reweighted: 2, retitled: 0, renumbered: 0, indicatorsChanged: 1, unchanged: 5 });
    // The year-over-year comparison is still against 2023.
    expect(plan.changes?.previous.year).toBe(2023);
    const text = (await piao(["--db", db, "--organization", "Comune di Prova", "--year", "2024"])).stdout;
    expect(text).toContain("Variazioni rispetto alla versione precedente di questo piano\n");
    expect(text).toMatch(/Confronto con prova-2024\.pdf \(piano \d+ del database\)/);
    expect(text).toContain("peso cambiato: 25 → 20");
  });

  it("compares FILE… with the previous year stored in --db", async () => {
    const { previous, current } = yearPair();
    const db = makeDb([previous]);
    const r = await piao([writeExport("current.json", current), "--db", db, "--format", "json"]);
    expect(r.code).toBe(0);
    expect(Report.parse(JSON.parse(r.stdout)).plans[0]!.changes?.counts.added).toBe(3);
    expect(Report.parse(JSON.parse(r.stdout)).plans[0]!.variation).toBeNull();
    // A revised file against the version stored for the same year.
    const db2 = makeDb2([previous, current]);
    const revised: PlanExport = { ...structuredClone(current), source: { ...current.source, sha256: "e".repeat(64) } };
    revised.units[0]!.objectives[3]!.summary!.weight = 15;
    const v = Report.parse(JSON.parse((await piao([writeExport("revised.json", revised), "--db", db2, "--format", "json"])).stdout)).plans[0]!;
    expect(v.variation?.counts).toMatchObject({ reweighted: 1, added: 0, dropped: 0 });
    // The stored document itself has no earlier version to compare with.
    expect(Report.parse(JSON.parse((await piao([writeExport("same.json", current), "--db", db2, "--format", "json"])).stdout)).plans[0]!.variation).toBeNull();
  });

  it("FILE… with an unusable --db: the files are still reported, without changes, exit 2", async () => {
    const { current } = yearPair();
    const missing = path.join(dir, "nope.sqlite");
    const r = await piao([writeExport("current.json", current), "--db", missing, "--format", "json"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`piao: ${missing}: cannot open database: no such file\n`);
    const report = Report.parse(JSON.parse(r.stdout));
    expect(report.plans.map((p) => [p.organization, p.changes])).toEqual([["Comune di Prova", null]]);
  });

  it("no matching plan: an empty report and a note, exit 0", async () => {
    const db = makeDb([everyCodePlan()]);
    const r = await piao(["--db", db, "--organization", "Comune di Nessuno", "--format", "json"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/no current plan in .* matches --organization 'Comune di Nessuno'/);
    expect(Report.parse(JSON.parse(r.stdout)).plans).toEqual([]);
  });

  it("a missing or foreign database: one line, exit 2", async () => {
    const missing = path.join(dir, "nope.sqlite");
    const r = await piao(["--db", missing]);
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n")[0]).toMatch(new RegExp(`^piao: ${escapeRe(missing)}: cannot open database`));
    const foreign = path.join(dir, "foreign.sqlite");
    writeFileSync(foreign, "this is not sqlite at all, just text");
    const f = await piao(["--db", foreign]);
    expect(f.code).toBe(2);
    expect(f.stderr.split("\n")[0]).toMatch(new RegExp(`^piao: ${escapeRe(foreign)}: `));
  });
});

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
