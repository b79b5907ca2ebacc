import { describe, expect, it } from "vitest";
import { buildPlanReport, buildReport } from "../../src/report/build-report.js";
import { reportSettings } from "../../src/report/report-settings.js";
import type { PlanReport } from "../../src/report/report-model.js";
import { anomaly, everyCodePlan, objective, plan, unit } from "./constructed-plans.js";
import { contractCodes } from "./helpers.js";

const settings = reportSettings();

function allFindings(r: PlanReport) {
  return [...r.findings, ...r.units.flatMap((u) => [...u.findings, ...u.objectives.flatMap((o) => o.findings)])];
}

describe("buildPlanReport", () => {
  const source = everyCodePlan();
  const report = buildPlanReport({ plan: source }, settings);
  const [a, b, c, d] = report.units;

  it("covers every anomaly code of the contract (the constructed plan is a complete test input)", () => {
    const codes = new Set(source.anomalies.map((x) => x.code));
    for (const code of contractCodes()) expect(codes, code).toContain(code);
  });

  it("places each anomaly exactly once, under its unit and objective", () => {
    const placed = allFindings(report);
    expect(placed).toHaveLength(source.anomalies.length);
    expect(new Set(placed.map((f) => f.message)).size).toBe(source.anomalies.length);
    expect(report.findings.map((f) => f.code)).toEqual(["UNREADABLE", "SUMMARY_ONLY"]);
    expect(a!.findings.map((f) => f.code)).toEqual(["WEIGHT_TOTAL"]);
    expect(a!.objectives[1]!.findings.map((f) => f.code)).toEqual(["WEIGHT_MISMATCH", "PAYMENT_TIMES_WEIGHT"]);
    expect(a!.objectives[3]!.findings.map((f) => f.code)).toEqual(["ORPHAN_DETAIL"]);
    // Number 2 is carried by two objectives of unit B: the finding cannot be pinned on one.
    expect(b!.findings.map((f) => f.code)).toEqual(["DUPLICATE_NUMBER"]);
    expect(b!.objectives[1]!.findings).toEqual([]);
    // ...but both objectives numbered 2 are flagged, the others of B only by their own findings.
    expect(b!.objectives.map((o) => o.flagged)).toEqual([true, true, true, true]);
    expect(a!.objectives.map((o) => o.flagged)).toEqual([true, true, true, true]);
    expect(c!.objectives.map((o) => o.flagged)).toEqual([true, true]);
    expect(b!.objectives[3]!.findings.map((f) => f.code)).toEqual(["UNIT_MISMATCH"]);
    expect(c!.objectives[1]!.findings.map((f) => f.code)).toEqual(["INTERSECTORAL_DRIFT", "baseline_missing"]);
    // The codes of export version 2: unit-level ones (objective null) on the unit, the rest on their objective.
    expect(c!.findings.map((f) => f.code)).toEqual(["NUMBERING"]);
    expect(d!.findings.map((f) => f.code)).toEqual(["WEIGHTS_ABSENT"]);
    expect(d!.objectives[0]!.findings.map((f) => f.code)).toEqual(["PHASE_WEIGHT_TOTAL", "DEADLINE_OUT_OF_PERIOD"]);
    expect(d!.objectives[1]!.findings.map((f) => f.code)).toEqual(["DUPLICATE_OBJECTIVE"]);
  });

  it("carries the plan's kind and period, the units' numbers, the weights as written and the phases' dates", () => {
    expect(report).toMatchObject({ kind: "piano-performance", year: 2024, period: { from: 2024, to: 2024 } });
    expect(report.units.map((u) => u.number)).toEqual([1, 2, 4, 5]);
    expect(a!.objectives[0]).toMatchObject({ summaryWeight: 40, summaryWeightText: "40", sheetWeightText: "40" });
    expect(d!.objectives[0]!.phases[0]).toEqual({
      number: 1,
      description: "Apertura del sabato",
      responsible: "Ufficio anagrafe",
      months: [],
      weight: 50,
      start: "2024-02-01",
      deadline: "2024-06-30",
      deadlineText: "entro giugno",
    });
  });

  it("needs no weight, summary or sheet: a unit without any has no totals to judge", () => {
    expect(d!.totals).toMatchObject({ summary: null, sheet: null, summaryStatus: "none", sheetStatus: "none" });
    expect(d!.objectives.map((o) => o.weightStatus)).toEqual(["no-weight", "no-sheet"]);
    const bare = plan("X", null, [unit("Unità 1", null, [objective({ number: 1, title: "T", summary: false, sheet: false })])], []);
    const r = buildPlanReport({ plan: bare }, settings);
    expect(r.units[0]!.totals).toMatchObject({ summary: null, sheet: null, summaryStatus: "none", sheetStatus: "none" });
    expect(r.units[0]!.page).toBeNull();
  });

  it("orders an objective's findings most severe first, document order otherwise", () => {
    const p = plan(
      "X",
      2024,
      [unit("U", "M", [objective({ number: 1, title: "T", weight: 100 })])],
      [
        anomaly("I1", "info", "U", 1, "i1", 1),
        anomaly("W1", "warning", "U", 1, "w1", 1),
        anomaly("E1", "error", "U", 1, "e1", 1),
        anomaly("W2", "warning", "U", 1, "w2", 1),
      ],
    );
    const r = buildPlanReport({ plan: p }, settings);
    expect(r.units[0]!.objectives[0]!.findings.map((f) => f.code)).toEqual(["E1", "W1", "W2", "I1"]);
  });

  it("counts findings by severity from the export, not from the grouping", () => {
    expect(report.counts).toEqual({
      units: 4,
      objectives: 12,
      findings: { error: 6, warning: 10, info: 3 },
      // The advisory checks are counted apart (advisory-rules.test.ts).
      advisory: { error: 0, warning: 2, info: 3 },
    });
  });

  it("compares summary and sheet weights per objective", () => {
    expect(a!.objectives.map((o) => o.weightStatus)).toEqual(["match", "mismatch", "no-sheet", "no-summary"]);
    expect(a!.objectives[1]).toMatchObject({ summaryWeight: 20, sheetWeight: 35, summaryPage: 2, sheetPage: 4 });
    const blank = plan("X", 2024, [unit("U", "M", [objective({ number: 1, title: "T", weight: null })])], []);
    expect(buildPlanReport({ plan: blank }, settings).units[0]!.objectives[0]!.weightStatus).toBe("no-weight");
  });

  it("totals a unit against its TOTALE row, else the expected total", () => {
    expect(a!.totals).toEqual({
      summary: 80,
      sheet: 85,
      summaryCount: 3,
      sheetCount: 3,
      expected: 100,
      expectedFrom: "default",
      summaryStatus: "off",
      sheetStatus: "incomplete",
    });
    expect(b!.totals).toMatchObject({ summary: 100, sheet: 100, expected: 100, expectedFrom: "declared", summaryStatus: "ok", sheetStatus: "ok" });
    expect(c!.totals).toMatchObject({ summary: 100, sheet: 100, summaryStatus: "ok", sheetStatus: "ok" });
    const eighty = buildPlanReport({ plan: source }, reportSettings({ expectedTotal: 80 }));
    expect(eighty.units[0]!.totals).toMatchObject({ expected: 80, summaryStatus: "ok", sheetStatus: "off" });
  });

  it("allows the rounding tolerance and no more", () => {
    const weights = (ws: number[]) =>
      buildPlanReport(
        {
          plan: plan(
            "X",
            2024,
            [
              unit(
                "U",
                null,
                ws.map((w, i) => objective({ number: i + 1, title: `T${i}`, weight: w })),
              ),
            ],
            [],
          ),
        },
        settings,
      ).units[0]!.totals;
    expect(weights([33.3, 33.3, 33.3]).summaryStatus).toBe("ok"); // 99.9
    expect(weights([33.3, 33.3, 33.3]).summary).toBe(99.9);
    expect(weights([49.4, 50]).summaryStatus).toBe("off"); // 99.4
    expect(weights([50.5, 50]).summaryStatus).toBe("ok"); // 100.5
  });

  it("keeps findings naming an unknown unit at plan level", () => {
    const p = plan(
      "X",
      2024,
      [unit("U", "M", [objective({ number: 1, title: "T", weight: 100 })])],
      [anomaly("UNIT_MISMATCH", "warning", "Altra area", 1, "m", 3)],
    );
    expect(buildPlanReport({ plan: p }, settings).findings.map((f) => f.unit)).toEqual(["Altra area"]);
  });
});

describe("buildReport", () => {
  it("adds the plans' counts and lists unreadable files", () => {
    const r = buildReport([{ plan: everyCodePlan() }, { plan: everyCodePlan() }], settings, [{ file: "x.pdf", reason: "encrypted" }]);
    expect(r.totals).toEqual({
      plans: 2,
      unreadable: 1,
      findings: { error: 12, warning: 20, info: 6 },
      advisory: { error: 0, warning: 4, info: 6 },
    });
    expect(r.unreadable).toEqual([{ file: "x.pdf", reason: "encrypted" }]);
  });
});
