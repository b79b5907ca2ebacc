/**
 * Golden text and JSON reports (tests/golden/report/NAME.txt|.json) for the
 * shared samples' expected exports, the constructed plans and every fixture
 * export, in Italian (the default); two of them in English too (NAME.en.txt).
 * UPDATE_GOLDEN=1 rewrites them; a missing golden fails.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildReport, type PlanInput } from "../../src/report/build-report.js";
import { Report } from "../../src/report/report-model.js";
import { reportSettings } from "../../src/report/report-settings.js";
import { renderJson } from "../../src/report/render-json.js";
import { renderText } from "../../src/report/render-text.js";
import { it as italian } from "../../src/report/i18n/it.js";
import type { PlanExport } from "../../src/normalize/plan-schema.js";
import { everyCodePlan, yearPair } from "./constructed-plans.js";
import { pegPlan, piaoPlan } from "../store/v2-plans.js";
import { contractCodes, expectGolden, fixtureExports, fixturesDir, loadExport, samplesDir } from "./helpers.js";

const settings = reportSettings();

interface Case {
  name: string;
  inputs: () => PlanInput[];
}

/**
 * One export per fixture folder (the PDF's where there is one: it has pages),
 * paired with the same body's export of the year before when there is one.
 * The other formats of a fixture differ only in provenance.
 */
function fixtureCases(): Case[] {
  const byFolder = new Map<string, string[]>();
  for (const f of fixtureExports()) {
    const folder = path.relative(fixturesDir, path.dirname(f));
    byFolder.set(folder, [...(byFolder.get(folder) ?? []), f]);
  }
  const chosen = [...byFolder].map(([folder, files]) => {
    const file = files.find((f) => f.endsWith(".pdf.expected.json")) ?? files[0]!;
    // The fixture generator may rebuild the documents byte-differently; the
    // report of a plan does not depend on its hash, so the goldens leave it out.
    const plan = loadExport(file);
    return { folder, plan: { ...plan, source: { ...plan.source, sha256: "0".repeat(64) } } };
  });
  const previousOf = (p: PlanExport) =>
    chosen.find((q) => q.plan.organization !== null && q.plan.organization === p.organization && p.year !== null && q.plan.year === p.year - 1);
  return chosen.map(({ folder, plan }) => {
    const prev = previousOf(plan);
    const name = "fixture-" + folder.replace(/[\\/]+/g, "--");
    return { name, inputs: () => [{ plan, previous: prev ? { plan: prev.plan } : null }] };
  });
}

const cases: Case[] = [
  { name: "sample-luzzara-2024-pdf", inputs: () => [{ plan: loadExport(path.join(samplesDir, "luzzara-2024.pdf.expected.json")) }] },
  { name: "sample-luzzara-2024-html", inputs: () => [{ plan: loadExport(path.join(samplesDir, "luzzara-2024.html.expected.json")) }] },
  { name: "constructed-every-code", inputs: () => [{ plan: everyCodePlan() }] },
  {
    name: "constructed-year-pair",
    inputs: () => {
      const { previous, current } = yearPair();
      return [{ plan: current, planId: 2, previous: { plan: previous, planId: 1 } }];
    },
  },
  // The shapes of export version 2: a PIAO of three years (no weights, missions, targets,
  // deadlines, weighted activities) and a PEG weighted out of 1000 with no sheets.
  { name: "constructed-piao", inputs: () => [{ plan: piaoPlan() }] },
  { name: "constructed-peg", inputs: () => [{ plan: pegPlan() }] },
  ...fixtureCases(),
];

describe.each(cases)("report golden $name", ({ name, inputs }) => {
  const given = inputs();
  const report = buildReport(given, settings);

  it("shows every finding of the plan with its severity, code and page", () => {
    const text = renderText(report);
    for (const a of given.flatMap((i) => i.plan.anomalies)) {
      const head = `${italian.severityTag[a.severity].padEnd(8)}${a.code}${a.page === null ? "" : `  p. ${a.page}`}`;
      expect(text, `${a.code} ${a.unit} ${a.objective}`).toContain(head);
    }
  });

  it("text", () => {
    const text = renderText(report);
    expectGolden(`tests/golden/report/${name}.txt`, text);
    // Readable in a 96-column terminal, plain when not a TTY.
    for (const line of text.split("\n")) expect([...line].length, line).toBeLessThanOrEqual(96);
    expect(text).not.toContain("\x1b[");
  });

  it("json", () => {
    const json = renderJson(report);
    expectGolden(`tests/golden/report/${name}.json`, json);
    expect(Report.parse(JSON.parse(json))).toEqual(report);
  });
});

describe.each(cases.filter((c) => c.name === "constructed-every-code" || c.name === "sample-luzzara-2024-pdf"))(
  "report golden in English $name",
  ({ name, inputs }) => {
    const report = buildReport(inputs(), reportSettings({ lang: "en" }));

    it("text", () => {
      const text = renderText(report);
      expectGolden(`tests/golden/report/${name}.en.txt`, text);
      for (const line of text.split("\n")) expect([...line].length, line).toBeLessThanOrEqual(96);
    });

    it("json: the same report but for the language and the messages", () => {
      const json = JSON.parse(renderJson(report)) as Report;
      const it = JSON.parse(renderJson(buildReport(inputs(), settings))) as Report;
      expect(json.settings.lang).toBe("en");
      const strip = (r: Report) => JSON.stringify({ ...r, settings: { ...r.settings, lang: "" } }).replace(/"message":"(?:[^"\\]|\\.)*"/g, "");
      expect(strip(json)).toBe(strip(it));
    });
  },
);

it("the fixtures raise every anomaly code of the contract", () => {
  const codes = new Set(fixtureExports().flatMap((f) => loadExport(f).anomalies.map((a) => a.code)));
  for (const code of contractCodes()) expect(codes, code).toContain(code);
});

describe("text report", () => {
  const plan = everyCodePlan();
  const text = renderText(buildReport([{ plan }], settings));

  it("shows every finding with its code, severity and page", () => {
    for (const a of plan.anomalies) {
      const head = `${italian.severityTag[a.severity].padEnd(8)}${a.code}${a.page === null ? "" : `  p. ${a.page}`}`;
      expect(text, a.code).toContain(head);
    }
  });

  it("groups findings under their unit and objective", () => {
    const unitAt = text.indexOf("Area Amministrativa & Finanziaria (resp. Rossi Mario)");
    const objAt = text.indexOf("2. Tempi di pagamento delle fatture commerciali", unitAt);
    const codeAt = text.indexOf("PAYMENT_TIMES_WEIGHT", objAt);
    expect(unitAt).toBeGreaterThan(-1);
    expect(objAt).toBeGreaterThan(unitAt);
    expect(codeAt).toBeGreaterThan(objAt);
    expect(text.indexOf("Servizi <tecnici> (resp. Bianchi Anna)")).toBeGreaterThan(codeAt);
  });

  it("colours severities only when asked", () => {
    const coloured = renderText(buildReport([{ plan }], settings), { color: true });
    expect(coloured).toContain("\x1b[31;1mERRORE");
    expect(coloured.replace(/\x1b\[[0-9;]*m/g, "")).toBe(text);
  });

  it("lists the advisory checks in their own section after the findings, or not at all with advisory off", () => {
    const findingsAt = text.indexOf("Rilievi per unità e obiettivo");
    const advisoryAt = text.indexOf("Controlli aggiuntivi (regole di dominio, non nell'export)\n");
    expect(advisoryAt).toBeGreaterThan(findingsAt);
    expect(text.indexOf("Pesi: scheda sintetica e scheda obiettivo")).toBeGreaterThan(advisoryAt);
    expect(text.slice(advisoryAt)).toContain("AVVISO  phase_out_of_year  p. 3");
    expect(text).toContain("Controlli 2 avvisi, 3 note (regole di dominio, non nell'export)");
    const off = renderText(buildReport([{ plan }], reportSettings({ advisory: false })));
    expect(off).not.toMatch(/controlli aggiuntivi|regole di dominio|advisory/i);
    const stripped = text
      .replace(/^ {2}Controlli .*\n/m, "")
      .replace(/^Controlli aggiuntivi \(regole di dominio[\s\S]*?\n\n(?=Pesi:)/m, "")
      .replace(/^Controlli aggiuntivi \(non negli export\).*\n/m, "");
    expect(off).toBe(stripped);
  });

  it("fits a narrower terminal", () => {
    const narrow = renderText(buildReport([{ plan }], settings), { width: 80 });
    for (const line of narrow.split("\n")) expect([...line].length, line).toBeLessThanOrEqual(80);
  });
});
