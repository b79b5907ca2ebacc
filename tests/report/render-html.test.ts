/** The HTML report as a file: self-contained, escaped, linked to PDF pages, one chart per unit and objective. */
import * as cheerio from "cheerio";
import { describe, expect, it } from "vitest";
import { buildReport } from "../../src/report/build-report.js";
import { ganttSvg, monthSpan } from "../../src/report/gantt-svg.js";
import { reportSettings } from "../../src/report/report-settings.js";
import { en } from "../../src/report/i18n/en.js";
import { yearLoad } from "../../src/report/unit-year-svg.js";
import { it as italian } from "../../src/report/i18n/it.js";
import { renderHtml } from "../../src/report/render-html.js";
import { everyCodePlan, objective, phase, plan, unit, yearPair } from "./constructed-plans.js";
import { pegPlan, piaoPlan } from "../store/v2-plans.js";

const settings = reportSettings({ lang: "en" });

describe("renderHtml", () => {
  const plan = everyCodePlan();
  const report = buildReport([{ plan }], settings);
  const html = renderHtml(report, { sourceHref: () => "../docs/prova 2024 #1.pdf" });
  const $ = cheerio.load(html);

  it("is one self-contained file: inline style and SVG, no scripts, no external requests", () => {
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect($("style")).toHaveLength(1);
    expect($("script")).toHaveLength(0);
    expect($("link, img, iframe, object, embed")).toHaveLength(0);
    expect(html).not.toMatch(/\bsrc=|url\(|@import/);
    // The only absolute URL is the SVG namespace, which is never fetched.
    const urls = html.match(/\bhttps?:\/\/[^\s"'<>]+/g) ?? [];
    expect(new Set(urls)).toEqual(new Set(["http://www.w3.org/2000/svg"]));
  });

  it("escapes text from the plan everywhere", () => {
    expect(html).not.toContain("<2025>");
    expect(html).not.toContain("<tecnici>");
    expect(html).toContain("&quot;smart working&quot; &lt;2025&gt; &amp; oltre");
    expect($("h2").first().text()).toContain('Comune di "Prova" & Uniti');
    expect($(".findings-objective .otitle").first().text()).toBe('1. Regolamento "smart working" <2025> & oltre');
    expect($("section.unit h4").eq(2).text()).toContain("Servizi <tecnici>");
    // Inside the SVG charts too.
    expect($("svg.gantt").first().attr("aria-label")).toBe('Gantt of objective 1: Regolamento "smart working" <2025> & oltre');
    expect($("svg.gantt g.g-row title").first().text()).toBe("1. Analisi dell'esistente & benchmark (Resp. Serv.)");
  });

  it("lists every finding once, each page linked to the PDF", () => {
    const items = $("li.finding");
    expect(items).toHaveLength(plan.anomalies.length);
    expect(
      items
        .map((_, e) => $(e).attr("data-code"))
        .get()
        .sort(),
    ).toEqual(plan.anomalies.map((a) => a.code).sort());
    const links = $("li.finding a.page")
      .map((_, e) => $(e).attr("href"))
      .get();
    const paged = plan.anomalies.filter((a) => a.page !== null);
    expect(links).toHaveLength(paged.length);
    expect(links).toEqual(expect.arrayContaining(paged.map((a) => `../docs/prova%202024%20%231.pdf#page=${a.page}`)));
    expect($("li.finding a.page").first().text()).toMatch(/^p\. \d+$/);
  });

  it("gives every element a distinct id, even objectives sharing a number", () => {
    const ids = $("[id]")
      .map((_, e) => $(e).attr("id"))
      .get();
    expect(ids.length).toBeGreaterThan(plan.units.length);
    expect(new Set(ids).size).toBe(ids.length);
    // Every in-page link has its target.
    for (const href of $('a[href^="#"]')
      .map((_, e) => $(e).attr("href"))
      .get())
      expect(ids).toContain(href.slice(1));
  });

  it("draws one timeline card per objective sheet", () => {
    const sheets = plan.units.flatMap((u) => u.objectives).filter((o) => o.detail !== null);
    expect($(".gantt-card")).toHaveLength(sheets.length);
  });

  it("draws one weight chart per unit and one Gantt chart per objective with phases", () => {
    // Not for a unit without any weight (WEIGHTS_ABSENT): a note instead.
    expect($("svg.weight-chart")).toHaveLength(plan.units.length - 1);
    expect($("section.unit").last().find(".unit-grid p.none").text()).toBe("No weights in this unit: nothing to chart.");
    const withPhases = plan.units.flatMap((u) => u.objectives).filter((o) => (o.detail?.phases.length ?? 0) > 0);
    expect($("svg.gantt")).toHaveLength(withPhases.length);
    // A mismatching sheet weight is drawn in the error colour.
    expect($("svg.weight-chart").first().find("rect.w-mismatch")).toHaveLength(1);
  });

  it("does not link pages of documents without pages or without a known location", () => {
    const docx = { ...plan, source: { ...plan.source, format: "docx" as const, pageCount: null } };
    const noLinks = cheerio.load(renderHtml(buildReport([{ plan: docx }], settings), { sourceHref: () => "x.docx" }));
    expect(noLinks("a.page")).toHaveLength(0);
    expect(cheerio.load(renderHtml(report))("a.page")).toHaveLength(0);
  });

  it("shows the changes since the previous year", () => {
    const { previous, current } = yearPair();
    const $$ = cheerio.load(renderHtml(buildReport([{ plan: current, previous: { plan: previous } }], settings)));
    expect($$("section.changes h3").text()).toBe("Changes since 2023");
    expect($$("td.kind.added")).toHaveLength(3);
    expect($$("td.kind.dropped")).toHaveLength(2);
    expect($$("section.changes").text()).toContain("reweighted: 30 → 25");
    expect($$("section.variation")).toHaveLength(0);
  });

  it("shows an in-year variation in its own section", () => {
    const { current } = yearPair();
    const revised = structuredClone(current);
    revised.units[1]!.objectives[2]!.summary!.weight = 15;
    const $$ = cheerio.load(renderHtml(buildReport([{ plan: revised, superseded: { plan: current, planId: 4 } }], settings)));
    expect($$("section.variation h3").text()).toBe("Changes since the earlier version of this plan");
    expect(
      $$("section.variation td.kind")
        .map((_, e) => $$(e).text())
        .get(),
    ).toEqual(["changed"]);
    expect($$("section.variation").text()).toContain("reweighted: 10 → 15");
    expect($$("section.year-over-year")).toHaveLength(0);
  });

  it("names the plan's kind and period, and the units by their numbers", () => {
    expect($("dl.meta dt").first().text()).toBe("Plan");
    expect($("dl.meta dd").first().text()).toBe("Piano della performance (performance plan), 2024");
    expect(
      $("section.unit h4")
        .map((_, e) => $(e).text())
        .get()
        .filter((t) => /^\d – /.test(t)),
    ).toHaveLength(4);
    expect($("table.overview td a").last().text()).toBe("5 – Servizi demografici");
  });

  it("shows the findings of export version 2 like the others: unit-level ones under their unit, SUMMARY_ONLY for the whole document", () => {
    const unitOf = (code: string) => $(`li.finding[data-code="${code}"]`).closest(".findings-unit").find("h4").first().text();
    expect(unitOf("SUMMARY_ONLY")).toBe("Whole document");
    expect(unitOf("NUMBERING")).toMatch(/^4 – Polizia locale/);
    expect(unitOf("WEIGHTS_ABSENT")).toMatch(/^5 – Servizi demografici/);
    for (const code of ["PHASE_WEIGHT_TOTAL", "DEADLINE_OUT_OF_PERIOD", "DUPLICATE_OBJECTIVE"])
      expect($(`li.finding[data-code="${code}"]`).closest(".findings-objective")).toHaveLength(1);
  });

  it("draws dated phases as milestones and spans, their timing in words, and activity weights", () => {
    const card = $(".gantt-card")
      .filter((_, e) => $(e).text().includes("Carta d'identità"))
      .first();
    const svg = card.find("svg.gantt");
    expect(svg.find("rect.g-bar")).toHaveLength(0);
    expect(svg.find("path.g-milestone")).toHaveLength(2);
    expect(svg.find("rect.g-span")).toHaveLength(1);
    expect(svg.find("text.g-when").text()).toBe("II semestre");
    expect(svg.find("rect.g-missing")).toHaveLength(0);
    expect(
      svg
        .find("text.g-weight")
        .map((_, e) => $(e).text())
        .get(),
    ).toEqual(["50%", "30%"]);
    expect(svg.find("path.g-milestone title").first().text()).toBe('deadline 30 Jun 2024 ("entro giugno")');
    expect(svg.find("g.g-row > title").first().text()).toBe(
      '1. Apertura del sabato (Ufficio anagrafe; weight 50; from 1 Feb 2024; deadline 30 Jun 2024; "entro giugno")',
    );
    // The grid runs to March 2025, the last deadline.
    expect(svg.find("text.g-month")).toHaveLength(15);
  });

  it("renders a PIAO of several years and a PEG out of 1000 with no sheets", () => {
    const both = buildReport([{ plan: piaoPlan() }, { plan: pegPlan() }], settings);
    const $$ = cheerio.load(renderHtml(both));
    expect(
      $$("h2 .year")
        .map((_, e) => $$(e).text())
        .get(),
    ).toEqual(["2026–2028", "2025"]);
    expect($$("dl.meta dd").first().text()).toBe("PIAO (Piano integrato di attività e organizzazione: integrated plan), 2026–2028");
    expect(
      $$("table.weights td.num .note")
        .map((_, e) => $$(e).text())
        .get(),
    ).toEqual(["(600/1000)", "(400/1000)"]);
    expect($$("section.plan").last().find("svg.gantt")).toHaveLength(0);
    expect($$("section.plan").last().text()).toContain("No objective sheets, so no timeline.");
    expect($$("li.finding[data-code=SUMMARY_ONLY]").closest(".findings-unit").find("h4").text()).toBe("Whole document");
  });

  it("renders an empty report", () => {
    const empty = renderHtml(buildReport([], settings));
    expect(cheerio.load(empty)("p.none").text()).toBe("No plans to report.");
  });
});

describe("ganttSvg", () => {
  it("spans the plan year, widened to months marked outside it", () => {
    expect(monthSpan(2024, [phase(1, "a", ["2024-03"])])).toEqual({ first: 2024 * 12, last: 2024 * 12 + 11 });
    expect(monthSpan(2024, [phase(1, "a", ["2023-11", "2025-02"])])).toEqual({ first: 2023 * 12 + 10, last: 2025 * 12 + 1 });
    expect(monthSpan(null, [phase(1, "a", ["2024-05", "2024-07"])])).toEqual({ first: 2024 * 12 + 4, last: 2024 * 12 + 6 });
    expect(monthSpan(null, [phase(1, "a", [])])).toBeNull();
  });

  it("fills marked months, outlines a phase without months and labels years across a year end", () => {
    const $ = cheerio.load(ganttSvg([phase(1, "Uno", ["2024-01", "2024-02"]), phase(2, "Due", []), phase(3, "Tre", ["2025-01"])], 2024, "cap", en));
    expect($("rect.g-bar")).toHaveLength(3);
    expect($("rect.g-missing")).toHaveLength(1);
    expect($("text.g-month")).toHaveLength(13);
    expect(
      $("text.g-year")
        .map((_, e) => $(e).text())
        .get(),
    ).toEqual(["2024", "2025"]);
  });

  it("names the months when they fit, else gives their initials", () => {
    const year = cheerio.load(ganttSvg([phase(1, "Uno", ["2024-01"])], 2024, "cap", italian));
    expect(
      year("text.g-month")
        .map((_, e) => year(e).text())
        .get()
        .slice(0, 3),
    ).toEqual(["gen", "feb", "mar"]);
    expect(
      cheerio
        .load(ganttSvg([phase(1, "Uno", ["2024-01"])], 2024, "cap", en))("text.g-month")
        .first()
        .text(),
    ).toBe("Jan");
    const long = cheerio.load(ganttSvg([phase(1, "Uno", ["2024-01", "2026-06"])], 2024, "cap", italian));
    expect(long("text.g-month")).toHaveLength(30);
    expect(
      long("text.g-month")
        .map((_, e) => long(e).text())
        .get()
        .slice(0, 3),
    ).toEqual(["g", "f", "m"]);
  });

  it("draws nothing without phases", () => {
    expect(ganttSvg([], 2024, "cap", en)).toBe("");
  });
});

describe("advisory checks in the HTML", () => {
  const plan = everyCodePlan();

  it("have their own section, items apart from the export's findings, pages linked", () => {
    const report = buildReport([{ plan }], settings);
    const $ = cheerio.load(renderHtml(report, { sourceHref: () => "prova.pdf" }));
    const section = $("section.advisory");
    expect(section).toHaveLength(1);
    expect(section.find("h3").text()).toBe("Advisory checks (domain rules, not in the export)");
    const items = section.find("li.advisory-finding");
    expect(items.map((_, e) => $(e).attr("data-code")).get()).toEqual(report.plans[0]!.advisory.map((f) => f.code));
    expect(section.find("li.finding")).toHaveLength(0);
    expect(items.find("a.page").first().attr("href")).toBe("prova.pdf#page=3");
    expect($("header.top p").text()).toContain("advisory: 2 warnings, 3 info");
  });

  it("are left out with settings.advisory false", () => {
    const $ = cheerio.load(renderHtml(buildReport([{ plan }], reportSettings({ advisory: false, lang: "en" }))));
    expect($("section.advisory")).toHaveLength(0);
    expect($("li.advisory-finding")).toHaveLength(0);
    expect($("header.top p").text()).not.toContain("advisory");
  });
});

describe("summary page and year chart", () => {
  const twoPhases = objective({
    number: 1,
    title: "Sportello unico",
    weight: 60,
    sheet: { phases: [phase(1, "Analisi", ["2024-01", "2024-02"]), phase(2, "Avvio", ["2024-02"])] },
  });
  const deadlineOnly = objective({
    number: 2,
    title: "Regolamento",
    weight: 40,
    sheet: { phases: [phase(1, "Approvazione", [], null, { deadline: "2024-11-30" })] },
  });
  const p = plan("Comune di Prova", 2024, [unit("Area tecnica", "Rossi", [twoPhases, deadlineOnly])], []);

  it("counts the phases at work per month and finds the empty quarters", () => {
    const report = buildReport([{ plan: p }], reportSettings());
    const load = yearLoad(report.plans[0]!.units[0]!.objectives, 2024)!;
    expect(load.load).toEqual([1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0]);
    // Q2 and Q3 of 2024: nothing at work, nothing due.
    expect(load.emptyQuarters).toEqual([2024 * 4 + 1, 2024 * 4 + 2]);
  });

  it("opens each plan with a summary: units and weights, findings by severity, a year chart per unit (in Italian)", () => {
    const $ = cheerio.load(renderHtml(buildReport([{ plan: p }, { plan: everyCodePlan() }], reportSettings())));
    expect($("html").attr("lang")).toBe("it");
    expect($("section.summary")).toHaveLength(2);
    const first = $("section.summary").first();
    expect(first.find("h3").text()).toBe("Riepilogo");
    expect(first.find("table.overview th").first().text()).toBe("Unità organizzativa");
    expect(
      first
        .find("table.severities thead th")
        .map((_, e) => $(e).text())
        .get(),
    ).toEqual(["", "errori", "avvisi", "note"]);
    const chart = first.find("svg.year-chart");
    expect(chart).toHaveLength(1);
    expect(chart.find("g.y-row")).toHaveLength(2);
    expect(chart.find("path.y-milestone title").text()).toBe("Approvazione: scadenza 30/11/2024");
    expect(chart.find("g.y-empty")).toHaveLength(2);
    expect(
      chart
        .find("text.y-quarter")
        .map((_, e) => $(e).text())
        .get(),
    ).toEqual(["I trim.", "II trim.", "III trim.", "IV trim."]);
    // The summary comes before the findings; every unit of the second plan has its row.
    const second = $("section.plan").eq(1);
    expect(second.find("section.summary table.overview tbody tr")).toHaveLength(4);
    expect(second.html()!.indexOf('section class="summary"')).toBeLessThan(second.html()!.indexOf("findings-section"));
    expect($("div.sign").first().text()).toContain("Firma");
  });
});
