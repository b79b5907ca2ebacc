/**
 * The schemaVersion 2 findings that come from the shapes of plans
 * (src/normalize/anomaly-rules/shape-rules.ts; docs/families.md "Findings that
 * come from the shapes"; shared/contract/anomaly-codes.md): NUMBERING,
 * DUPLICATE_OBJECTIVE, PHASE_WEIGHT_TOTAL, DEADLINE_OUT_OF_PERIOD,
 * WEIGHTS_ABSENT, SUMMARY_ONLY, and MISSING_DETAIL narrowed to documents that
 * hold sheets. Each rule on small hand-built contexts, then on layouts through
 * normalizePlan.
 */
import { describe, expect, it } from "vitest";
import type { ObjectiveInfo, RuleContext, UnitInfo } from "../../src/normalize/anomaly-rules/context.js";
import { duplicateNumber, missingDetail } from "../../src/normalize/anomaly-rules/pairing-rules.js";
import {
  deadlineOutOfPeriod,
  duplicateObjective,
  objectiveNumbering,
  phaseWeightTotal,
  summaryOnly,
  unitNumbering,
  weightsAbsent,
} from "../../src/normalize/anomaly-rules/shape-rules.js";
import { normalizePlan } from "../../src/normalize/normalize-plan.js";
import type { DetailSheet, Objective, Period, Phase, SummaryRow } from "../../src/normalize/plan-schema.js";
import { normalizeSettings } from "../../src/normalize/settings.js";
import { doc, line, sheet, summary, table } from "./layout-builder.js";

// ---------------------------------------------------------------- builders

function summaryRow(title: string, weight: number | null = 50): SummaryRow {
  return {
    weight,
    weightText: weight === null ? null : String(weight),
    title,
    indicators: [{ text: "Indicatore", formula: null, baseline: null, target: null }],
    notes: null,
    page: null,
  };
}

function detailSheet(title: string, parts: Partial<DetailSheet> = {}): DetailSheet {
  return {
    number: null,
    weight: null,
    weightText: null,
    title,
    unitName: null,
    manager: null,
    duration: null,
    endYear: null,
    intersectoral: false,
    description: null,
    indicators: [{ text: "Indicatore", formula: null, baseline: null, target: null }],
    criticalities: null,
    phases: [],
    page: null,
    ...parts,
  };
}

function phase(description: string, parts: Partial<Phase> = {}): Phase {
  return { number: null, description, responsible: null, output: null, months: [], weight: null, start: null, deadline: null, deadlineText: null, ...parts };
}

interface ObjSpec {
  number: number;
  title?: string;
  printed?: boolean;
  summary?: SummaryRow | null;
  detail?: DetailSheet | null;
}

function objective(spec: ObjSpec, index: number): ObjectiveInfo {
  const title = spec.title ?? `Obiettivo ${spec.number}`;
  const o: Objective = {
    number: spec.number,
    title,
    summary: spec.summary === undefined ? summaryRow(title) : spec.summary,
    detail: spec.detail ?? null,
    strategy: null,
  };
  return {
    objective: o,
    index,
    orphan: false,
    titleMismatch: false,
    printedUnder: null,
    summaryIntersectoral: false,
    monthGrid: false,
    printedNumber: spec.printed ?? true,
  };
}

function unit(name: string, objectives: ObjSpec[], number: number | null = null, index = 0): UnitInfo {
  const infos = objectives.map((s, i) => objective(s, i));
  return {
    unit: { number, name, manager: null, declaredTotal: null, objectives: infos.map((i) => i.objective) },
    index,
    hasSummary: infos.some((i) => i.objective.summary !== null),
    page: null,
    objectives: infos,
  };
}

function context(units: UnitInfo[], period: Period | null = { from: 2026, to: 2026 }, hasDetails = true): RuleContext {
  units.forEach((u, i) => (u.index = i));
  return { units, settings: normalizeSettings({}), readerMessages: [], period, hasDetails };
}

const numbered = (...ns: number[]): ObjSpec[] => ns.map((number) => ({ number }));
const where = (ds: ReadonlyArray<{ code: string; unit: string | null; objective: number | null }>) =>
  ds.map((d) => `${d.code}:${d.unit ?? "-"}:${d.objective ?? "-"}`);
const codesOf = (p: ReturnType<typeof normalizePlan>) => where(p.anomalies);
const file = "test.html";

// ---------------------------------------------------------------- NUMBERING

describe("NUMBERING of one unit's objectives", () => {
  it("reports a skip once, on the first number out of place", () => {
    const out = objectiveNumbering(context([unit("Area tecnica", numbered(1, 2, 3, 5))]));
    expect(where(out)).toEqual(["NUMBERING:Area tecnica:5"]);
    expect(out[0]!.severity).toBe("warning");
    expect(where(objectiveNumbering(context([unit("Area tecnica", numbered(1, 3, 4, 7))])))).toEqual(["NUMBERING:Area tecnica:3"]);
  });

  it("leaves a repeated number to DUPLICATE_NUMBER", () => {
    const ctx = context([unit("Area tecnica", numbered(1, 2, 2, 3))]);
    expect(objectiveNumbering(ctx)).toEqual([]);
    expect(where(duplicateNumber(ctx))).toEqual(["DUPLICATE_NUMBER:Area tecnica:2"]);
  });

  it("reports numbering that goes back", () => {
    expect(where(objectiveNumbering(context([unit("Area tecnica", numbered(1, 2, 3, 2))])))).toEqual(["NUMBERING:Area tecnica:2"]);
  });

  it("lets a sequence start anywhere: numbering across units (6, 7, 8 in the second unit) is no skip", () => {
    const ctx = context([unit("Area finanze", numbered(1, 2, 3, 4, 5)), unit("Area tecnica", numbered(6, 7, 8))]);
    expect(objectiveNumbering(ctx)).toEqual([]);
  });

  it("looks only at numbers the document prints, not at numbers by order of appearance", () => {
    const objectives: ObjSpec[] = [{ number: 1 }, { number: 2 }, { number: 5, printed: false }];
    expect(objectiveNumbering(context([unit("Area tecnica", objectives)]))).toEqual([]);
  });
});

describe("NUMBERING of units", () => {
  it("reports 1, 2, 3, 4, 6, 6 once, on the first 6, with no objective", () => {
    const units = [1, 2, 3, 4, 6, 6].map((n, i) => unit(`Settore ${String.fromCharCode(65 + i)}`, numbered(1), n, i));
    const out = unitNumbering(context(units).units);
    expect(where(out)).toEqual(["NUMBERING:Settore E:-"]);
    expect(out[0]!.severity).toBe("warning");
  });

  it("counts units with a number only, and lets the sequence start anywhere", () => {
    expect(
      unitNumbering(context([unit("A", numbered(1), 1), unit("B", numbered(1), null), unit("C", numbered(1), 2), unit("D", numbered(1), 3)]).units),
    ).toEqual([]);
    expect(unitNumbering(context([unit("A", numbered(1), 3), unit("B", numbered(1), 4), unit("C", numbered(1), 5)]).units)).toEqual([]);
    expect(unitNumbering(context([unit("A", numbered(1), null), unit("B", numbered(1), null)]).units)).toEqual([]);
  });
});

// ---------------------------------------------------------------- DUPLICATE_OBJECTIVE

describe("DUPLICATE_OBJECTIVE", () => {
  const withDescription = (number: number, title: string, description: string | null): ObjSpec => ({
    number,
    title,
    detail: detailSheet(title, { description }),
  });

  it("reports a later objective whose title and description fold to an earlier one's, on the later one", () => {
    const ctx = context([
      unit("Servizi demografici", [
        withDescription(1, "Digitalizzazione dell'archivio anagrafico", "Scansione dei fascicoli entro l'anno."),
        withDescription(2, "Sportello polifunzionale", "Apertura al pubblico."),
        withDescription(3, "DIGITALIZZAZIONE DELL’ARCHIVIO  ANAGRAFICO", "Scansione dei fascicoli entro l’anno"),
      ]),
    ]);
    const out = duplicateObjective(ctx);
    expect(where(out)).toEqual(["DUPLICATE_OBJECTIVE:Servizi demografici:3"]);
    expect(out[0]!.severity).toBe("warning");
  });

  it("folds accents too", () => {
    const ctx = context([unit("Area", [withDescription(1, "Qualità delle attività", "Testo."), withDescription(2, "Qualita delle attivita", "Testo.")])]);
    expect(where(duplicateObjective(ctx))).toEqual(["DUPLICATE_OBJECTIVE:Area:2"]);
  });

  it("reports near-identical titles (likeness ≥ 0.9) with the same description", () => {
    const ctx = context([
      unit("Area tecnica", [
        withDescription(1, "Digitalizzazione dell'archivio delle pratiche edilizie", "Scansione delle pratiche."),
        withDescription(2, "Digitalizzazione dell'archivio delle pratiche edilizie comunali", "Scansione delle pratiche."),
      ]),
    ]);
    expect(where(duplicateObjective(ctx))).toEqual(["DUPLICATE_OBJECTIVE:Area tecnica:2"]);
  });

  it("is silent when the descriptions differ, the titles differ, or the copies are in different units", () => {
    expect(
      duplicateObjective(
        context([unit("A", [withDescription(1, "Manutenzione strade", "Asfaltature."), withDescription(2, "Manutenzione strade", "Segnaletica.")])]),
      ),
    ).toEqual([]);
    expect(
      duplicateObjective(
        context([unit("A", [withDescription(1, "Manutenzione delle strade", "Testo."), withDescription(2, "Manutenzione del verde", "Testo.")])]),
      ),
    ).toEqual([]);
    expect(
      duplicateObjective(context([unit("A", [withDescription(1, "Trasparenza", "Testo.")]), unit("B", [withDescription(1, "Trasparenza", "Testo.")])])),
    ).toEqual([]);
  });
});

// ---------------------------------------------------------------- PHASE_WEIGHT_TOTAL

describe("PHASE_WEIGHT_TOTAL", () => {
  const weighted = (number: number, weights: Array<number | null>): ObjSpec => ({
    number,
    detail: detailSheet(`Obiettivo ${number}`, { phases: weights.map((weight, i) => phase(`Attività ${i + 1}`, { weight })) }),
  });

  it("reports phase weights 40, 50, 20 (110) as an error", () => {
    const out = phaseWeightTotal(context([unit("Settore tecnico", [weighted(1, [40, 50, 20])])]));
    expect(where(out)).toEqual(["PHASE_WEIGHT_TOTAL:Settore tecnico:1"]);
    expect(out[0]!.severity).toBe("error");
    expect(where(phaseWeightTotal(context([unit("Settore tecnico", [weighted(1, [30, 30, 30])])])))).toEqual(["PHASE_WEIGHT_TOTAL:Settore tecnico:1"]);
  });

  it("accepts weights adding to 100 within ±0.5", () => {
    expect(phaseWeightTotal(context([unit("S", [weighted(1, [40, 60]), weighted(2, [33.3, 33.3, 33.4]), weighted(3, [50, 50.4])])]))).toEqual([]);
  });

  it("is silent when the phases carry no weight", () => {
    expect(phaseWeightTotal(context([unit("S", [weighted(1, [null, null]), { number: 2 }])]))).toEqual([]);
  });
});

// ---------------------------------------------------------------- DEADLINE_OUT_OF_PERIOD

describe("DEADLINE_OUT_OF_PERIOD", () => {
  const withPhases = (number: number, deadlines: string[], parts: Partial<DetailSheet> = {}): ObjSpec => ({
    number,
    detail: detailSheet(`Obiettivo ${number}`, {
      phases: deadlines.map((deadline, i) => phase(`Fase ${i + 1}`, { deadline, deadlineText: deadline })),
      ...parts,
    }),
  });
  const run = (spec: ObjSpec, period: Period | null) => where(deadlineOutOfPeriod(context([unit("Area", [spec])], period)));

  it("reports a phase deadline before the period (2025-12-31 in a 2026 plan) or after it", () => {
    const out = deadlineOutOfPeriod(context([unit("Area", [withPhases(1, ["2026-06-30", "2025-12-31"])])], { from: 2026, to: 2026 }));
    expect(where(out)).toEqual(["DEADLINE_OUT_OF_PERIOD:Area:1"]);
    expect(out[0]!.severity).toBe("warning");
    expect(run(withPhases(1, ["2027-01-31"]), { from: 2026, to: 2026 })).toEqual(["DEADLINE_OUT_OF_PERIOD:Area:1"]);
  });

  it("accepts deadlines from 1 January of the first year to 31 December of the last", () => {
    expect(run(withPhases(1, ["2026-01-01", "2026-12-31"]), { from: 2026, to: 2026 })).toEqual([]);
    expect(run(withPhases(1, ["2027-06-30", "2028-12-31"]), { from: 2026, to: 2028 })).toEqual([]);
  });

  it("reports an end year after the period for an annual objective, not for a biennale one", () => {
    expect(run(withPhases(1, [], { endYear: 2027, duration: "annuale" }), { from: 2026, to: 2026 })).toEqual(["DEADLINE_OUT_OF_PERIOD:Area:1"]);
    expect(run(withPhases(1, [], { endYear: 2027 }), { from: 2026, to: 2026 })).toEqual(["DEADLINE_OUT_OF_PERIOD:Area:1"]);
    expect(run(withPhases(1, [], { endYear: 2027, duration: "biennale" }), { from: 2026, to: 2026 })).toEqual([]);
    expect(run(withPhases(1, [], { endYear: 2028, duration: "triennale" }), { from: 2026, to: 2026 })).toEqual([]);
    expect(run(withPhases(1, [], { endYear: 2029, duration: "pluriennale" }), { from: 2026, to: 2026 })).toEqual([]);
  });

  it("reports an end year before the period, multi-year or not", () => {
    expect(run(withPhases(1, [], { endYear: 2025, duration: "biennale" }), { from: 2026, to: 2028 })).toEqual(["DEADLINE_OUT_OF_PERIOD:Area:1"]);
    expect(run(withPhases(1, [], { endYear: 2026, duration: "annuale" }), { from: 2026, to: 2028 })).toEqual([]);
  });

  it("reports once per objective however many dates are out", () => {
    expect(run(withPhases(1, ["2025-03-31", "2025-12-31", "2027-06-30"], { endYear: 2027, duration: "annuale" }), { from: 2026, to: 2026 })).toEqual([
      "DEADLINE_OUT_OF_PERIOD:Area:1",
    ]);
  });

  it("is silent when the plan names no period, and on undated phases", () => {
    expect(run(withPhases(1, ["2020-12-31"], { endYear: 2030 }), null)).toEqual([]);
    expect(
      run({ number: 1, detail: detailSheet("Obiettivo 1", { phases: [phase("Fase", { deadlineText: "II semestre" })] }) }, { from: 2026, to: 2026 }),
    ).toEqual([]);
  });
});

// ---------------------------------------------------------------- WEIGHTS_ABSENT

describe("WEIGHTS_ABSENT", () => {
  it("reports a unit whose objectives carry no weight anywhere, once, with no objective", () => {
    const ctx = context([
      unit("Direzione generale", [
        { number: 1, summary: summaryRow("Uno", null) },
        { number: 2, summary: summaryRow("Due", null), detail: detailSheet("Due") },
      ]),
    ]);
    const out = weightsAbsent(ctx);
    expect(where(out)).toEqual(["WEIGHTS_ABSENT:Direzione generale:-"]);
    expect(out[0]!.severity).toBe("info");
  });

  it("is silent when one objective has a weight in its summary or only in its sheet", () => {
    expect(
      weightsAbsent(
        context([
          unit("A", [
            { number: 1, summary: summaryRow("Uno", null) },
            { number: 2, summary: summaryRow("Due", 100) },
          ]),
        ]),
      ),
    ).toEqual([]);
    expect(
      weightsAbsent(context([unit("A", [{ number: 1, summary: summaryRow("Uno", null), detail: detailSheet("Uno", { weight: 100, weightText: "100%" }) }])])),
    ).toEqual([]);
  });

  it("reports per unit", () => {
    const ctx = context([
      unit("A", [{ number: 1, summary: summaryRow("Uno", null) }]),
      unit("B", [{ number: 1, summary: summaryRow("Uno", 100) }]),
      unit("C", [{ number: 1, summary: summaryRow("Uno", null) }]),
    ]);
    expect(where(weightsAbsent(ctx))).toEqual(["WEIGHTS_ABSENT:A:-", "WEIGHTS_ABSENT:C:-"]);
  });
});

// ---------------------------------------------------------------- SUMMARY_ONLY and MISSING_DETAIL

describe("SUMMARY_ONLY and MISSING_DETAIL", () => {
  const listed = () => [unit("A", numbered(1, 2)), unit("B", numbered(1))];

  it("reports SUMMARY_ONLY once, with no unit and no objective, when no objective has a sheet", () => {
    const out = summaryOnly(context(listed(), null, false).units, false);
    expect(where(out)).toEqual(["SUMMARY_ONLY:-:-"]);
    expect(out[0]!.severity).toBe("info");
  });

  it("raises no MISSING_DETAIL in a document with no sheet at all", () => {
    expect(missingDetail(context(listed(), null, false))).toEqual([]);
  });

  it("raises MISSING_DETAIL, and no SUMMARY_ONLY, once the document holds a sheet", () => {
    const units = [unit("A", [{ number: 1, detail: detailSheet("Obiettivo 1") }, { number: 2 }])];
    const ctx = context(units, null, true);
    expect(summaryOnly(ctx.units, false)).toEqual([]);
    expect(where(missingDetail(ctx))).toEqual(["MISSING_DETAIL:A:2"]);
  });

  it("raises no SUMMARY_ONLY when part of the document could not be read (its sheets may be there)", () => {
    expect(summaryOnly(context(listed(), null, true).units, true)).toEqual([]);
  });
});

// ---------------------------------------------------------------- through normalizePlan

describe("shape findings on whole documents", () => {
  it("reports NUMBERING 1, 2, 3, 5 and keeps global numbering across units", () => {
    const plan = normalizePlan(
      doc([
        line("PIANO DELLA PERFORMANCE 2026"),
        ...summary("AREA FINANZE", "MARIO NERI", [
          ["1", "25", "Bilancio consuntivo", "Approvazione"],
          ["2", "25", "Recupero evasione IMU", "Accertamenti"],
          ["3", "25", "Tempi di pagamento delle fatture commerciali", "Indice di ritardo"],
          ["5", "25", "Inventario dei beni", "Beni censiti"],
        ]),
        ...summary("AREA TECNICA", "LUCA GIALLI", [
          ["6", "50", "Manutenzione delle strade", "Km asfaltati"],
          ["7", "50", "Illuminazione pubblica", "Punti luce"],
        ]),
      ]),
      { file },
    );
    const codes = codesOf(plan);
    expect(codes.filter((c) => c.startsWith("NUMBERING"))).toEqual(["NUMBERING:Area finanze:5"]);
    expect(codes).not.toContain("MISSING_DETAIL:Area finanze:1");
    expect(codes.filter((c) => c.startsWith("SUMMARY_ONLY"))).toEqual(["SUMMARY_ONLY:-:-"]);
  });

  it("reports unit NUMBERING 1, 2, 3, 4, 6, 6 once, on the first 6", () => {
    const names = ["SERVIZI FINANZIARI", "AFFARI GENERALI", "LAVORI PUBBLICI", "POLIZIA LOCALE", "SERVIZI SOCIALI", "SERVIZI CULTURALI"];
    const blocks = [1, 2, 3, 4, 6, 6].flatMap((n, i) => [
      line(`SETTORE ${n} – ${names[i]}`),
      line(`RESPONSABILE Dott. Mario Rossi${i}`),
      table([
        ["N.", "Peso", "Descrizione obiettivo", "Indicatori"],
        ["1", "100", `Obiettivo unico ${names[i]!.toLowerCase()}`, "Indicatore"],
      ]),
    ]);
    const plan = normalizePlan(doc([line("PEG 2026"), ...blocks]), { file });
    expect(plan.units.map((u) => [u.number, u.name])).toEqual([
      [1, "Servizi finanziari"],
      [2, "Affari generali"],
      [3, "Lavori pubblici"],
      [4, "Polizia locale"],
      [6, "Servizi sociali"],
      [6, "Servizi culturali"],
    ]);
    expect(codesOf(plan).filter((c) => c.startsWith("NUMBERING"))).toEqual(["NUMBERING:Servizi sociali:-"]);
  });

  it("reports WEIGHTS_ABSENT and SUMMARY_ONLY for a PIAO table without weights or sheets, and no MISSING_DETAIL", () => {
    const plan = normalizePlan(
      doc([
        line("PIAO 2026-2028"),
        table([
          ["Obiettivo strategico", "Obiettivo operativo", "Struttura responsabile", "Indicatore", "Target 2026"],
          ["Ente digitale", "Pagamenti tramite PagoPA", "Servizi finanziari", "Quota di incassi PagoPA", "≥ 70%"],
          ["Ente digitale", "Fascicolo elettronico", "Servizi finanziari", "Fascicoli digitali", "100%"],
          ["Comunità inclusiva", "Sportello sociale unico", "Servizi sociali", "Utenti presi in carico", "150"],
        ]),
      ]),
      { file },
    );
    expect(codesOf(plan)).toEqual(["WEIGHTS_ABSENT:Servizi finanziari:-", "WEIGHTS_ABSENT:Servizi sociali:-", "SUMMARY_ONLY:-:-"]);
    expect(plan.anomalies.map((a) => a.severity)).toEqual(["info", "info", "info"]);
  });

  it("reports PHASE_WEIGHT_TOTAL and DEADLINE_OUT_OF_PERIOD from a sheet's weighted activities", () => {
    const plan = normalizePlan(
      doc([
        line("PEG 2026"),
        line("Scheda obiettivo 2026"),
        line("Settore: Lavori pubblici"),
        line("Responsabile: Ing. Paolo Rossi"),
        line("Peso dell'obiettivo: 100%"),
        line("Obiettivo operativo 1: Manutenzione straordinaria delle scuole"),
        line("Indicatori di risultato: Interventi eseguiti"),
        table([
          ["Attività", "Peso %", "Inizio", "Fine"],
          ["Progettazione", "40", "01/01/2026", "31/03/2026"],
          ["Gara", "50", "01/04/2026", "30/06/2026"],
          ["Lavori", "20", "01/07/2026", "31/03/2027"],
        ]),
      ]),
      { file },
    );
    const d = plan.units[0]!.objectives[0]!.detail!;
    expect(d.phases.map((p) => [p.description, p.weight, p.start, p.deadline])).toEqual([
      ["Progettazione", 40, "2026-01-01", "2026-03-31"],
      ["Gara", 50, "2026-04-01", "2026-06-30"],
      ["Lavori", 20, "2026-07-01", "2027-03-31"],
    ]);
    expect(codesOf(plan)).toEqual(["PHASE_WEIGHT_TOTAL:Lavori pubblici:1", "DEADLINE_OUT_OF_PERIOD:Lavori pubblici:1"]);
  });

  it("reports DUPLICATE_OBJECTIVE on a summary row pasted twice", () => {
    const plan = normalizePlan(
      doc([
        line("PIANO DELLA PERFORMANCE 2026"),
        ...summary("SERVIZI SOCIALI", "ANNA BIANCHI", [
          ["1", "50", "Assistenza domiciliare agli anziani", "Utenti seguiti"],
          ["2", "25", "Contributi per l'affitto", "Domande istruite"],
          ["3", "25", "Assistenza domiciliare agli anziani.", "Utenti seguiti"],
        ]),
      ]),
      { file },
    );
    expect(codesOf(plan)).toContain("DUPLICATE_OBJECTIVE:Servizi sociali:3");
    expect(codesOf(plan)).not.toContain("DUPLICATE_OBJECTIVE:Servizi sociali:1");
  });

  it("keeps MISSING_DETAIL where the document holds sheets", () => {
    const plan = normalizePlan(
      doc([
        ...summary("AREA TECNICA", "PAOLO ROSSI", [
          ["1", "60", "Manutenzione strade", "Km asfaltati"],
          ["2", "40", "Illuminazione pubblica", "Punti luce"],
        ]),
        ...sheet({
          area: "Area tecnica",
          manager: "Paolo Rossi",
          weight: "60",
          number: "1",
          title: "Manutenzione strade",
          indicators: "Km asfaltati",
          phases: [["Gara", [1]]],
        }),
      ]),
      { file },
    );
    expect(codesOf(plan)).toEqual(["MISSING_DETAIL:Area tecnica:2"]);
  });
});
