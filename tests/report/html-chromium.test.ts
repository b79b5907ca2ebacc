/**
 * The HTML report opened in headless Chromium: it renders (SVG charts have a
 * size, no horizontal overflow, escaped titles read back as written), logs no
 * console errors, and a screenshot goes to test-artifacts/report.png.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { buildReport } from "../../src/report/build-report.js";
import { reportSettings } from "../../src/report/report-settings.js";
import { renderHtml } from "../../src/report/render-html.js";
import { findChromium, pngSize, runChromium } from "./chromium.js";
import { everyCodePlan, yearPair } from "./constructed-plans.js";
import { loadExport, repoRoot, samplesDir } from "./helpers.js";

const work = mkdtempSync(path.join(tmpdir(), "piao-html-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

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

async function openInChromium(html: string, name: string): Promise<{ probe: Probe; stderr: string }> {
  const file = path.join(work, `${name}.html`);
  writeFileSync(file, html.replace("</body>", `${PROBE}</body>`));
  const run = await runChromium(["--window-size=1280,2000", "--enable-logging=stderr", "--v=0", "--dump-dom", pathToFileURL(file).href]);
  const m = run.stdout.match(/<script type="application\/json" id="probe">(.*?)<\/script>/s);
  if (!m) throw new Error(`the probe did not run (exit ${run.code}); stderr:\n${run.stderr.slice(-2000)}`);
  return { probe: JSON.parse(m[1]!) as Probe, stderr: run.stderr };
}

/** Console lines Chromium logged for the page, other than the probe's own. */
function consoleProblems(stderr: string): string[] {
  return stderr
    .split("\n")
    .filter((l) => /CONSOLE|Uncaught/i.test(l) && !l.includes("piao-probe-loaded"));
}

describe("HTML report in headless Chromium", () => {
  it("renders the Luzzara sample: charts sized, no overflow, no console errors; screenshot", async () => {
    const plan = loadExport(path.join(samplesDir, "luzzara-2024.pdf.expected.json"));
    const report = buildReport([{ plan }], reportSettings());
    const html = renderHtml(report, { sourceHref: () => "luzzara-2024.pdf" });
    const { probe, stderr } = await openInChromium(html, "luzzara");
    // The probe's own console line proves the console is being captured.
    expect(stderr).toContain("piao-probe-loaded");
    expect(consoleProblems(stderr)).toEqual([]);
    const withPhases = plan.units.flatMap((u) => u.objectives).filter((o) => (o.detail?.phases.length ?? 0) > 0).length;
    expect(probe.gantt).toHaveLength(withPhases);
    for (const w of probe.gantt) expect(w).toBeGreaterThan(300);
    expect(probe.weightCharts).toHaveLength(plan.units.length);
    for (const h of probe.weightCharts) expect(h).toBeGreaterThan(100);
    const markedMonths = plan.units.flatMap((u) => u.objectives).flatMap((o) => o.detail?.phases ?? []).reduce((n, p) => n + p.months.length, 0);
    expect(probe.ganttBars).toBe(markedMonths);
    expect(probe.findings).toBe(plan.anomalies.length);
    expect(probe.advisory).toBe(report.plans[0]!.advisory.length);
    expect(probe.scrollWidth).toBeLessThanOrEqual(probe.innerWidth);
    expect(probe.pageLinks).toContain("luzzara-2024.pdf#page=9");

    const artifacts = path.join(repoRoot, "test-artifacts");
    mkdirSync(artifacts, { recursive: true });
    const shotFile = path.join(artifacts, "report.png");
    rmSync(shotFile, { force: true });
    const page = path.join(work, "luzzara-plain.html");
    writeFileSync(page, html);
    const shot = await runChromium(["--window-size=1280,2000", "--hide-scrollbars", `--screenshot=${shotFile}`, pathToFileURL(page).href]);
    expect(existsSync(shotFile), `no screenshot; chromium said:\n${shot.stderr.slice(-2000)}`).toBe(true);
    expect(pngSize(readFileSync(shotFile))).toEqual({ width: 1280, height: 2000 });
    // A blank page compresses to a few kilobytes; the report is text and charts.
    expect(statSync(shotFile).size).toBeGreaterThan(50_000);
  });

  it("reads escaped titles back as written, and shows the year-over-year changes", async () => {
    const { previous, current } = yearPair();
    const report = buildReport([{ plan: everyCodePlan() }, { plan: current, previous: { plan: previous } }], reportSettings());
    const { probe, stderr } = await openInChromium(renderHtml(report, { sourceHref: () => "docs/prova 2024 #1.pdf" }), "escaping");
    expect(consoleProblems(stderr)).toEqual([]);
    expect(probe.objectiveTitles).toContain('1. Regolamento "smart working" <2025> & oltre');
    expect(probe.pageLinks).toContain("docs/prova%202024%20%231.pdf#page=12");
    expect(probe.scrollWidth).toBeLessThanOrEqual(probe.innerWidth);
    const kinds = report.plans[1]!.changes!.units.flatMap((u) => u.changes.map((c) => c.status));
    expect(probe.changeKinds).toEqual(kinds);
    expect(new Set(kinds)).toEqual(new Set(["added", "dropped", "changed"]));
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
