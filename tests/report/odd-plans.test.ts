/** Plans at the edges: no units, a unit without objectives, no organization or year, blank weights. */
import { describe, expect, it } from "vitest";
import * as cheerio from "cheerio";
import { buildReport } from "../../src/report/build-report.js";
import { Report } from "../../src/report/report-model.js";
import { reportSettings } from "../../src/report/report-settings.js";
import { renderHtml } from "../../src/report/render-html.js";
import { renderJson } from "../../src/report/render-json.js";
import { renderText } from "../../src/report/render-text.js";
import { objective, phase, plan, unit } from "./constructed-plans.js";

const settings = reportSettings({ lang: "en" });

const odd = [
  plan(null, null, [], [], 1, "/srv/archivio/piani-della-performance/unione-dei-comuni-della-bassa/2024/definitivi/piano.pdf"),
  plan("Unione dei Comuni", null, [unit("Area vuota", null, [])], [], 2),
  plan(
    "Comune di Bianco",
    2024,
    [
      unit("Area", "X", [
        objective({ number: 1, title: "", weight: null, sheet: { weight: null, phases: [phase(1, "", [])] } }),
        objective({ number: 2, title: "Senza anno", weight: 12.5, sheet: { phases: [phase(null, "Fase", ["2023-12"])] } }),
      ]),
    ],
    [],
    3,
  ),
];

describe("odd plans", () => {
  const report = buildReport(
    odd.map((p) => ({ plan: p })),
    settings,
  );

  it("build and render in every format", () => {
    expect(Report.parse(JSON.parse(renderJson(report)))).toEqual(report);
    const text = renderText(report);
    expect(text).toContain("Unknown body, plan of unknown year");
    expect(text).toContain("No units.");
    expect(text).toContain("12.5");
    for (const line of text.split("\n")) expect([...line].length, line).toBeLessThanOrEqual(96);
    const $ = cheerio.load(renderHtml(report));
    expect($("section.plan")).toHaveLength(3);
    // "Area vuota" has no objectives, so no weights to chart.
    expect($("svg.weight-chart")).toHaveLength(1);
    // A December 2023 mark widens the 2024 grid back by one month.
    expect($("svg.gantt").last().find("text.g-month")).toHaveLength(13);
  });

  it("totals a unit without objectives as having no weights", () => {
    expect(report.plans[1]!.units[0]!.totals).toMatchObject({ summary: null, sheet: null, summaryStatus: "none", sheetStatus: "none" });
  });
});
