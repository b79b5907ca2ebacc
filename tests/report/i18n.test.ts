/**
 * The report's two catalogues (src/report/i18n): the same keys with the same
 * kinds of value in Italian and English, a meaning for every finding code, and
 * every stored finding message of the fixtures, samples and constructed plans
 * read back through its code's Italian wording, so the English report says it
 * from its details instead of falling back to the stored Italian.
 */
import path from "node:path";
import { readdirSync } from "node:fs";
import { beforeAll, describe, expect, it as test } from "vitest";
import { ADVISORY_CODES } from "../../src/report/advisory-rules.js";
import { buildPlanReport, buildReport } from "../../src/report/build-report.js";
import { en } from "../../src/report/i18n/en.js";
import { VARIANTS, VARIANT_KEYS } from "../../src/report/i18n/finding-variants.js";
import { formatDate, formatNumber } from "../../src/report/i18n/format.js";
import { it } from "../../src/report/i18n/it.js";
import { localizeMessage, readMessage } from "../../src/report/i18n/localize-finding.js";
import { reportSettings } from "../../src/report/report-settings.js";
import { renderText } from "../../src/report/render-text.js";
import type { PlanExport } from "../../src/normalize/plan-schema.js";
import { extractedPlan } from "../read-once.js";
import { pegPlan, piaoPlan } from "../store/v2-plans.js";
import { everyCodePlan, yearPair } from "./constructed-plans.js";
import { contractCodes, fixtureExports, loadExport, samplesDir } from "./helpers.js";

/** The advisory findings of the plans, as advisory-rules words them. */
function buildPlanReports(plans: PlanExport[]): PlanExport["anomalies"] {
  return plans.flatMap((plan) => buildPlanReport({ plan }, reportSettings()).advisory);
}

/** Every key path of a catalogue with the kind of its value ("string", "function", "object" for arrays). */
function shape(value: unknown, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) for (const [p, kind] of shape(v, prefix ? `${prefix}.${k}` : k)) out.set(p, kind);
  } else out.set(prefix, Array.isArray(value) ? `array:${(value as unknown[]).length}` : typeof value);
  return out;
}

const placeholders = (template: string) => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();

/**
 * Plans whose findings carry the wording piao writes: every fixture's HTML
 * (its DOCX where it has no HTML) read by the real pipeline, and the samples' exports. (The fixtures'
 * *.expected.json and the constructed plans hold wordings written by hand.)
 */
async function writtenByPiao(): Promise<PlanExport[]> {
  const html = fixtureExports()
    .map((f) => path.dirname(f))
    .filter((d, i, all) => all.indexOf(d) === i)
    .flatMap((d) => {
      // The HTML where the fixture has one (quick to read), else its DOCX.
      const names = readdirSync(d);
      const pick = names.filter((n) => n.endsWith(".html"));
      return (pick.length ? pick : names.filter((n) => n.endsWith(".docx"))).map((n) => path.join(d, n));
    });
  const read = [];
  for (const file of html) read.push(await extractedPlan(file));
  return [...read, loadExport(path.join(samplesDir, "luzzara-2024.pdf.expected.json")), loadExport(path.join(samplesDir, "luzzara-2024.html.expected.json"))];
}

/** Plans for the advisory checks to word their findings on: those above, every fixture export and the constructed plans. */
function moreShapes(): PlanExport[] {
  const { previous, current } = yearPair();
  return [...fixtureExports().map(loadExport), everyCodePlan(), previous, current, piaoPlan(), pegPlan()];
}

describe("catalogues", () => {
  test("Italian and English have the same keys, each with the same kind of value", () => {
    const a = shape(it);
    const b = shape(en);
    expect(
      [...a.keys()].filter((k) => !b.has(k)),
      "keys missing in en.ts",
    ).toEqual([]);
    expect(
      [...b.keys()].filter((k) => !a.has(k)),
      "keys missing in it.ts",
    ).toEqual([]);
    for (const [k, kind] of a) expect(b.get(k), k).toBe(kind);
    for (const [k, kind] of a) if (kind === "string") expect((it as unknown as Record<string, unknown>)[k] ?? "x", k).not.toBe("");
  });

  test("no label is empty in either language", () => {
    for (const cat of [it, en]) {
      const walk = (v: unknown, p: string): void => {
        if (typeof v === "string") expect(v.trim(), `${cat.lang}: ${p}`).not.toBe("");
        else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, `${p}.${k}`);
      };
      walk(cat, "");
    }
  });

  test("every finding code of the contract and of the advisory checks has a meaning and a wording in both", () => {
    const codes = [...contractCodes(), ...ADVISORY_CODES];
    for (const code of codes) {
      expect(Object.keys(it.codes), code).toContain(code);
      expect(Object.keys(en.codes), code).toContain(code);
      expect(
        VARIANT_KEYS.some((k) => VARIANTS[k].code === code),
        code,
      ).toBe(true);
    }
    expect(Object.keys(it.codes).sort()).toEqual([...new Set(codes)].sort());
  });

  test("each wording has the same placeholders in both languages, typed where they are not text", () => {
    for (const key of VARIANT_KEYS) {
      expect(placeholders(en.messages[key]), key).toEqual(placeholders(it.messages[key]));
      const typed = Object.keys((VARIANTS[key] as { params?: object }).params ?? {});
      for (const name of typed) expect(placeholders(it.messages[key]), `${key}: ${name}`).toContain(name);
    }
  });

  test("numbers and dates as each language writes them", () => {
    expect(formatNumber(it, 12.5)).toBe("12,5");
    expect(formatNumber(en, 12.5)).toBe("12.5");
    expect(formatNumber(it, 1 / 3)).toBe("0,33");
    expect(formatNumber(it, null)).toBe("–");
    expect(formatDate(it, "2026-12-31")).toBe("31/12/2026");
    expect(formatDate(en, "2026-12-31")).toBe("31 Dec 2026");
    expect(formatDate(en, "31/03/2027")).toBe("31 Mar 2027");
  });
});

describe("finding messages", () => {
  let known: PlanExport["anomalies"] = [];
  let lang = "";
  beforeAll(async () => {
    const plans = await writtenByPiao();
    // The advisory findings as the rules word them (the report's own), with the export's.
    const advisory = buildPlanReports([...plans, ...moreShapes()]);
    const stored = [...plans.flatMap((p) => p.anomalies), ...advisory];
    known = stored.filter((f) => VARIANT_KEYS.some((k) => VARIANTS[k].code === f.code));
    lang = buildReport([], reportSettings()).settings.lang;
  }, 120_000);

  test("the corpus holds findings of every code", () => {
    const codes = new Set(known.map((f) => f.code));
    for (const code of contractCodes()) expect(codes, code).toContain(code);
    for (const code of ["indicator_qualitative", "phase_out_of_year", "payment_times_missing"]) expect(codes, code).toContain(code);
    expect(known.length).toBeGreaterThan(200);
  });

  test("every stored message of a known code is read by one of its wordings", () => {
    const unread = known.filter((f) => readMessage(f.code, f.message) === null).map((f) => `${f.code}: ${f.message}`);
    expect(unread).toEqual([]);
  });

  test("Italian says the stored message again, with dates as dd/mm/yyyy", () => {
    for (const f of known) {
      const said = localizeMessage(it, f);
      expect(said.replace(/(\d{2})\/(\d{2})\/(\d{4})/g, "$3-$2-$1"), f.message).toBe(f.message.replace(/(\d{2})\/(\d{2})\/(\d{4})/g, "$3-$2-$1"));
    }
    expect(lang).toBe("it");
  });

  test("English says every message of a known code from its details: unit, numbers, quoted titles kept", () => {
    for (const f of known) {
      const said = localizeMessage(en, f);
      // A reader's own reason (UNREADABLE) is said as the reader wrote it.
      if (readMessage(f.code, f.message)?.key !== "UNREADABLE.reason") expect(said, f.message).not.toBe(f.message);
      if (f.unit) expect(said, f.message).toContain(f.unit);
      for (const q of f.message.match(/\('[^']{1,20}/g) ?? []) expect(said, f.message).toContain(q);
      expect(said).not.toMatch(/\bobiettivo \d|scheda sintetica|\bpesa\b|stored message/);
    }
  });

  test("English writes the numbers with a point and the dates in words", () => {
    const f = {
      code: "WEIGHT_MISMATCH",
      unit: "Area X",
      objective: 2,
      message: "Area X, obiettivo 2: peso 12,5 nella scheda sintetica ma 7,25 nella scheda obiettivo.",
    };
    expect(localizeMessage(en, f)).toBe("Area X, objective 2: weight 12.5 in the summary sheet but 7.25 on the objective sheet.");
    const d = {
      code: "DEADLINE_OUT_OF_PERIOD",
      unit: "Area X",
      objective: 1,
      message: "Area X, obiettivo 1: la fase 'Collaudo' scade il 2029-03-31, fuori dal periodo del piano (2026-2028).",
    };
    expect(localizeMessage(en, d)).toBe("Area X, objective 1: phase 'Collaudo' is due on 31 Mar 2029, outside the plan's period (2026-2028).");
    expect(localizeMessage(it, d)).toBe("Area X, obiettivo 1: la fase 'Collaudo' scade il 31/03/2029, fuori dal periodo del piano (2026-2028).");
  });

  test("an unknown code keeps its message; a known code worded otherwise says what the code means", () => {
    const odd = { code: "baseline_missing", unit: "A", objective: 1, message: "A, obiettivo 1: manca il valore di partenza." };
    expect(localizeMessage(en, odd)).toBe(odd.message);
    expect(localizeMessage(it, odd)).toBe(odd.message);
    const old = { code: "WEIGHT_MISMATCH", unit: "A", objective: 1, message: "Pesi diversi (formato di una versione precedente)." };
    expect(localizeMessage(it, old)).toBe(old.message);
    expect(localizeMessage(en, old)).toBe(
      `A, objective 1: the summary sheet and the objective sheet give the objective different weights (stored message: "${old.message}")`,
    );
  });

  test("the English report has no Italian labels and the Italian one no English labels", () => {
    const plan = everyCodePlan();
    const english = renderText(buildReport([{ plan }], reportSettings({ lang: "en" })));
    const italian = renderText(buildReport([{ plan }], reportSettings()));
    for (const word of ["Rilievi per unità", "Riepilogo", "errori", "avvisi", "Fonte", "Totale", "ERRORE", "AVVISO"])
      expect(english).not.toMatch(new RegExp(`\\b${word}\\b`));
    for (const word of ["Findings by unit", "Overview", "errors", "warnings", "Source", "Total", "ERROR", "WARNING"])
      expect(italian).not.toMatch(new RegExp(`\\b${word}\\b`));
  });
});
