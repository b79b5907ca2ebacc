/**
 * The HTML report opened in headless Chromium: it renders (SVG charts have a
 * size, no horizontal overflow, escaped titles read back as written), logs no
 * console errors, and a screenshot goes to test-artifacts/report.png. Printed
 * to PDF it is A4 (595 × 842 pt) on every page, one unit per page, and no row
 * of a weight table is cut across two pages (measured in the PDF's text, with
 * a control print that lets rows split to show the measure finds splits); the
 * PDF goes to test-artifacts/report.pdf. One Chromium for the file (playwright-core,
 * the system's browser) and one tab, each report loaded into it.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildReport } from "../../src/report/build-report.js";
import { reportSettings } from "../../src/report/report-settings.js";
import { renderHtml } from "../../src/report/render-html.js";
import { findChromium, launchChromium, pngSize } from "./chromium.js";
import { everyCodePlan, ind, objective, plan as planOf, unit, yearPair } from "./constructed-plans.js";
import { getDocument, loadPdfWorker } from "../../src/extract/pdf/pdfjs.js";
import { loadExport, repoRoot, samplesDir } from "./helpers.js";

const work = mkdtempSync(path.join(tmpdir(), "piao-html-"));
/**
 * One Chromium for the file (through playwright-core, which brings no browser of its own) and one
 * tab of 1280 × 2000: each report is a new document loaded into it (a new tab costs Chromium about
 * half a second of CPU, a load in the same tab about a tenth; the tab's size does not change a print).
 */
let browser: Browser;
let page: Page;
/** Every console line and uncaught error of the document in the tab, emptied when another is loaded. */
let logged: string[] = [];
beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 2000 } });
  page.on("console", (m) => logged.push(`console ${m.type()}: ${m.text()}`));
  page.on("pageerror", (e) => logged.push(`uncaught: ${e.message}`));
});
afterAll(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

/**
 * Test-only probe, appended to a copy of the report (the report itself has no
 * script): measures the laid-out page and stores the numbers as JSON in the DOM,
 * which --dump-dom prints.
 */
const PROBE = `<script>
console.log("piao-probe-loaded");
window.addEventListener("load", () => {
  const q = (s) => [...document.querySelectorAll(s)];
  const r = {
    gantt: q("svg.gantt").map((e) => Math.round(e.getBoundingClientRect().width)),
    weightCharts: q("svg.weight-chart").map((e) => Math.round(e.getBoundingClientRect().height)),
    ganttBars: q("svg.gantt rect.g-bar").filter((e) => e.getBoundingClientRect().width > 0).length,
    findings: q("li.finding").length,
    advisory: q("li.advisory-finding").length,
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
    objectiveTitles: q(".findings-objective .otitle").map((e) => e.textContent),
    pageLinks: q("a.page").map((a) => a.getAttribute("href")),
    changeKinds: q("table.changes td.kind").map((e) => e.textContent),
  };
  const out = document.createElement("script");
  out.type = "application/json";
  out.id = "probe";
  out.textContent = JSON.stringify(r).replace(/</g, "\\\\u003c");
  document.body.appendChild(out);
});
</script>`;

interface Probe {
  gantt: number[];
  weightCharts: number[];
  ganttBars: number;
  findings: number;
  advisory: number;
  scrollWidth: number;
  innerWidth: number;
  objectiveTitles: string[];
  pageLinks: string[];
  changeKinds: string[];
}

/** The page loaded in the tab (1280 × 2000) with the probe run, and every console line and uncaught error it logged. */
async function openInChromium(html: string, name: string): Promise<{ probe: Probe; logged: string[] }> {
  const file = path.join(work, `${name}.html`);
  writeFileSync(file, html.replace("</body>", `${PROBE}</body>`));
  logged = [];
  await page.goto(pathToFileURL(file).href);
  const json = await page.locator("#probe").textContent({ timeout: 60_000 });
  if (json === null) throw new Error(`the probe did not run; the page logged:\n${logged.join("\n")}`);
  return { probe: JSON.parse(json) as Probe, logged };
}

/** What the page logged other than the probe's own line. */
function consoleProblems(logged: string[]): string[] {
  return logged.filter((l) => !l.includes("piao-probe-loaded"));
}

/** The report printed to PDF by Chromium, read back with pdf.js: each page's size in points and its text items in order. */
async function printed(html: string, name: string, keep?: string): Promise<{ sizes: [number, number][]; texts: string[][] }> {
  const file = path.join(work, `${name}.html`);
  const pdf = keep ?? path.join(work, `${name}.pdf`);
  writeFileSync(file, html);
  rmSync(pdf, { force: true });
  // As the browser's print dialog prints: CSS @page size and margins, no header or footer of Chromium's own.
  await page.goto(pathToFileURL(file).href);
  await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true, displayHeaderFooter: false });
  if (!existsSync(pdf)) throw new Error(`no PDF at ${pdf}`);
  await loadPdfWorker();
  const doc = await getDocument({ data: new Uint8Array(readFileSync(pdf)), useSystemFonts: false }).promise;
  const sizes: [number, number][] = [];
  const texts: string[][] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const v = page.getViewport({ scale: 1 });
    sizes.push([v.width, v.height]);
    const content = await page.getTextContent();
    texts.push(content.items.flatMap((it) => ("str" in it && it.str.trim() !== "" ? [it.str.trim()] : [])));
  }
  await doc.destroy();
  return { sizes, texts };
}

describe("HTML report in headless Chromium", () => {
  it("renders the Luzzara sample: charts sized, no overflow, no console errors; screenshot", async () => {
    const plan = loadExport(path.join(samplesDir, "luzzara-2024.pdf.expected.json"));
    const report = buildReport([{ plan }], reportSettings());
    const html = renderHtml(report, { sourceHref: () => "luzzara-2024.pdf" });
    const { probe, logged } = await openInChromium(html, "luzzara");
    // The probe's own console line proves the console is being captured.
    expect(logged.join("\n")).toContain("piao-probe-loaded");
    expect(consoleProblems(logged)).toEqual([]);
    const withPhases = plan.units.flatMap((u) => u.objectives).filter((o) => (o.detail?.phases.length ?? 0) > 0).length;
    expect(probe.gantt).toHaveLength(withPhases);
    for (const w of probe.gantt) expect(w).toBeGreaterThan(300);
    expect(probe.weightCharts).toHaveLength(plan.units.length);
    for (const h of probe.weightCharts) expect(h).toBeGreaterThan(100);
    const markedMonths = plan.units
      .flatMap((u) => u.objectives)
      .flatMap((o) => o.detail?.phases ?? [])
      .reduce((n, p) => n + p.months.length, 0);
    expect(probe.ganttBars).toBe(markedMonths);
    expect(probe.findings).toBe(plan.anomalies.length);
    expect(probe.advisory).toBe(report.plans[0]!.advisory.length);
    expect(probe.scrollWidth).toBeLessThanOrEqual(probe.innerWidth);
    expect(probe.pageLinks).toContain("luzzara-2024.pdf#page=9");

    const artifacts = path.join(repoRoot, "test-artifacts");
    mkdirSync(artifacts, { recursive: true });
    const shotFile = path.join(artifacts, "report.png");
    rmSync(shotFile, { force: true });
    // The page as laid out above (the probe adds only a script and a JSON script element, neither drawn).
    await page.screenshot({ path: shotFile });
    expect(existsSync(shotFile), "no screenshot").toBe(true);
    expect(pngSize(readFileSync(shotFile))).toEqual({ width: 1280, height: 2000 });
    // A blank page compresses to a few kilobytes; the report is text and charts.
    expect(statSync(shotFile).size).toBeGreaterThan(50_000);
  });

  it("reads escaped titles back as written, and shows the year-over-year changes", async () => {
    const { previous, current } = yearPair();
    const report = buildReport([{ plan: everyCodePlan() }, { plan: current, previous: { plan: previous } }], reportSettings({ lang: "en" }));
    const { probe, logged } = await openInChromium(renderHtml(report, { sourceHref: () => "docs/prova 2024 #1.pdf" }), "escaping");
    expect(consoleProblems(logged)).toEqual([]);
    expect(probe.objectiveTitles).toContain('1. Regolamento "smart working" <2025> & oltre');
    expect(probe.pageLinks).toContain("docs/prova%202024%20%231.pdf#page=12");
    expect(probe.scrollWidth).toBeLessThanOrEqual(probe.innerWidth);
    const kinds = report.plans[1]!.changes!.units.flatMap((u) => u.changes.map((c) => c.status));
    expect(probe.changeKinds).toEqual(kinds);
    expect(new Set(kinds)).toEqual(new Set(["added", "dropped", "changed"]));
  });

  it("prints on A4: every page 595 × 842 pt, one unit per page, no weight-table row cut across pages", async () => {
    // Two units of 24 objectives whose titles wrap over several lines, each
    // title made of one token of its own ("r07x"), which appears nowhere else
    // in the report (no sheets, no findings, no advisory checks).
    const titleOf = (u: number, k: number) => Array.from({ length: 26 }, () => `u${u}r${String(k).padStart(2, "0")}x`).join(" ");
    const units = [1, 2].map((u) =>
      unit(
        `Unità ${u}`,
        "Rossi",
        Array.from({ length: 24 }, (_, k) =>
          objective({ number: k + 1, title: titleOf(u, k + 1), weight: 4, sheet: false, indicators: [ind("Pratiche evase entro 30 giorni")] }),
        ),
      ),
    );
    const long = planOf("Comune di Prova", 2025, units, []);
    const html = renderHtml(buildReport([{ plan: long }], reportSettings({ advisory: false })));
    const pages = await printed(html, "rows");
    expect(
      pages.sizes.every(([w, h]) => Math.round(w) === 595 && Math.round(h) === 842),
      JSON.stringify(pages.sizes),
    ).toBe(true);
    const rows = units.flatMap((u, i) => u.objectives.map((o) => `u${i + 1}r${String(o.number).padStart(2, "0")}x`));
    const pagesOf = (texts: string[][], token: string) => texts.flatMap((t, i) => (t.some((s) => s.includes(token)) ? [i + 1] : []));
    for (const token of rows) expect(pagesOf(pages.texts, token), token).toHaveLength(1);
    // The rows do cross pages: the tables run over several.
    expect(new Set(rows.map((r) => pagesOf(pages.texts, r)[0])).size).toBeGreaterThan(3);
    // Each unit starts a page.
    for (const name of ["Unità 1", "Unità 2"])
      expect(
        pages.texts.some((t) => t.slice(0, 4).some((s) => s.startsWith(name))),
        name,
      ).toBe(true);
    // The control: the same report printed with rows allowed to break has some row on two pages.
    const control = await printed(html.replace("</style>", "@media print { tr { break-inside:auto !important; } }</style>"), "rows-control");
    expect(rows.filter((r) => pagesOf(control.texts, r).length > 1).length).toBeGreaterThan(0);
  });

  it("prints the Luzzara report: a summary page first, then one unit per page, a page count in proportion; PDF as artefact", async () => {
    const plan = loadExport(path.join(samplesDir, "luzzara-2024.pdf.expected.json"));
    const report = buildReport([{ plan }], reportSettings());
    const artifacts = path.join(repoRoot, "test-artifacts");
    mkdirSync(artifacts, { recursive: true });
    const pages = await printed(renderHtml(report), "luzzara-print", path.join(artifacts, "report.pdf"));
    expect(pages.sizes.every(([w, h]) => Math.round(w) === 595 && Math.round(h) === 842)).toBe(true);
    // Summary, findings, advisory checks, then a page or more per unit; not one page per line.
    expect(pages.texts.length).toBeGreaterThanOrEqual(plan.units.length + 2);
    expect(pages.texts.length).toBeLessThan(40);
    expect(pages.texts[0]!.join(" ")).toContain("RIEPILOGO");
    // The findings start on a page of their own, after the summary.
    const findingsPage = pages.texts.findIndex((t) => t.some((s) => s === "RILIEVI PER UNITÀ E OBIETTIVO"));
    expect(findingsPage).toBeGreaterThan(0);
    expect(pages.texts[findingsPage]!.slice(0, 3).join(" ")).toContain("RILIEVI PER UNITÀ E OBIETTIVO");
    // Each unit's weights open a page (its name first, then its table's heading), in document order.
    const unitPages = plan.units.map((u) => pages.texts.findIndex((t) => t.slice(0, 8).some((s) => s === u.name) && t.includes("Pagine")));
    expect(unitPages[0], JSON.stringify(unitPages)).toBeGreaterThan(findingsPage);
    for (let k = 1; k < unitPages.length; k++) expect(unitPages[k]!).toBeGreaterThan(unitPages[k - 1]!);
    // Page numbers from the @page margin box: "1 / N".
    expect(pages.texts[0]).toContain(`1 / ${pages.texts.length}`);
    expect(pages.texts.at(-1)!.join(" ")).toContain("Firma");
  });

  it("fails with a clear message when Chromium is missing", () => {
    const saved = process.env["CHROMIUM_BIN"];
    process.env["CHROMIUM_BIN"] = path.join(work, "no-such-chromium");
    try {
      expect(() => findChromium()).toThrow(/does not exist/);
    } finally {
      if (saved === undefined) delete process.env["CHROMIUM_BIN"];
      else process.env["CHROMIUM_BIN"] = saved;
    }
  });
});
