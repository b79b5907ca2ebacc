/**
 * Plan exports of schemaVersion 2 built in code, for the store, docs and report
 * tests: the shapes version 2 adds (shared/contract/CHANGES.md, docs/families.md)
 * whatever the normaliser makes of the fixtures today. A PIAO 2026-2028 whose
 * objectives are linked to missions and programmes, carry no weight, have
 * indicators with formula, baseline and target, and phases with deadlines
 * (S2) or weighted activities with dates (S4); and a PEG weighted out of 1000
 * that lists objectives in a table with no sheet at all (SUMMARY_ONLY).
 */
import type { Anomaly, Indicator, Objective, Phase, PlanExport, Strategy } from "../../src/normalize/plan-schema.js";

export const sha = (n: number) => n.toString(16).padStart(64, "0");

export function indicator(text: string, parts: Partial<Omit<Indicator, "text">> = {}): Indicator {
  return { text, formula: null, baseline: null, target: null, ...parts };
}

export function strategy(parts: Partial<Strategy>): Strategy {
  return { mission: null, programme: null, strategicObjective: null, publicValue: null, ...parts };
}

export function phaseV2(description: string, parts: Partial<Omit<Phase, "description">> = {}): Phase {
  return {
    number: null,
    description,
    responsible: null,
    output: null,
    months: [],
    weight: null,
    start: null,
    deadline: null,
    deadlineText: null,
    ...parts,
  };
}

const FIN = "Servizi finanziari";
const PL = "Polizia locale";

/** A PIAO 2026-2028 (performance section): no weights, strategy links, targets, deadlines, weighted activities. */
export function piaoPlan(n = 2026): PlanExport {
  const payment: Objective = {
    number: 1,
    title: "Ridurre i tempi di pagamento delle fatture commerciali",
    strategy: strategy({
      mission: "01 Servizi istituzionali, generali e di gestione",
      programme: "03 Gestione economica, finanziaria, programmazione e provveditorato",
      strategicObjective: "Un ente efficiente e puntuale",
      publicValue: "Liquidità per le imprese del territorio",
    }),
    summary: {
      weight: null,
      weightText: null,
      title: "Ridurre i tempi di pagamento delle fatture commerciali",
      indicators: [
        indicator("Tempo medio di pagamento", {
          formula: "Σ (giorni di pagamento × importo) / Σ importi",
          baseline: "2024: 42 giorni",
          target: "≤ 30 giorni",
        }),
        indicator("Indicatore annuale di ritardo", { target: "≤ 0" }),
      ],
      notes: null,
      page: 14,
      table: "p14-t1",
    },
    detail: {
      number: 1,
      weight: null,
      weightText: null,
      title: "Ridurre i tempi di pagamento delle fatture commerciali",
      unitName: FIN,
      manager: "Rossi Maria",
      duration: "triennale",
      endYear: 2028,
      intersectoral: false,
      description: "Pagare le fatture entro i termini di legge.",
      indicators: [indicator("Tempo medio di pagamento", { baseline: "2024: 42 giorni", target: "≤ 30 giorni" })],
      criticalities: null,
      phases: [
        phaseV2("Analisi dei ritardi per ufficio", { number: 1, deadline: "2026-06-30", deadlineText: "entro il 30.06.2026" }),
        phaseV2("Nuova procedura di liquidazione", { number: 2, deadline: "2026-12-31", deadlineText: "Tutto l'anno fino al 31.12.2026" }),
        phaseV2("Verifica dei risultati", { number: 3, deadline: "2027-03-31", deadlineText: "31 marzo 2027", responsible: "Ufficio ragioneria" }),
        phaseV2("Rendicontazione", { number: 4, deadlineText: "II semestre" }),
      ],
      page: 20,
      table: "p20-t1",
    },
  };
  const report: Objective = {
    number: 2,
    title: "Bilancio partecipato",
    strategy: strategy({ mission: "01", programme: "02" }),
    summary: {
      weight: null,
      weightText: null,
      title: "Bilancio partecipato",
      indicators: [indicator("Relazione finale alla Giunta"), indicator("Incontri pubblici con la cittadinanza")],
      notes: null,
      page: 14,
      table: "p14-t1",
    },
    detail: null,
  };
  const patrol = (number: number, page: number): Objective => ({
    number,
    title: "Sicurezza stradale davanti alle scuole",
    strategy: null,
    summary: null,
    detail: {
      number,
      weight: null,
      weightText: null,
      title: "Sicurezza stradale davanti alle scuole",
      unitName: PL,
      manager: "Neri Luca",
      duration: "annuale",
      endYear: 2026,
      intersectoral: false,
      description: "Presidio agli ingressi delle scuole primarie.",
      indicators: [indicator("", { target: "180 presidi nell'anno scolastico" })],
      criticalities: null,
      phases: [
        phaseV2("Piano dei presidi", { number: 1, weight: 60, start: "2026-01-07", deadline: "2026-02-28", deadlineText: "28/02/2026" }),
        phaseV2("Presidi agli ingressi", { number: 2, weight: 30, start: "2026-09-14", deadline: "2029-01-31", deadlineText: "31/01/2029" }),
      ],
      page,
      table: `p${page}-t1`,
    },
  });
  const anomalies: Anomaly[] = [
    {
      code: "WEIGHTS_ABSENT",
      severity: "info",
      unit: FIN,
      objective: null,
      message: `${FIN}: nessun obiettivo ha un peso (né nella tabella né nelle schede).`,
      page: 14,
    },
    {
      code: "MISSING_DETAIL",
      severity: "warning",
      unit: FIN,
      objective: 2,
      message: `${FIN}: l'obiettivo 2 ('Bilancio partecipato') non ha una scheda obiettivo.`,
      page: 14,
    },
    { code: "NUMBERING", severity: "warning", unit: PL, objective: null, message: `Le unità sono numerate 1, 3: manca la 2 (${PL}).`, page: 22 },
    {
      code: "WEIGHTS_ABSENT",
      severity: "info",
      unit: PL,
      objective: null,
      message: `${PL}: nessun obiettivo ha un peso (né nella tabella né nelle schede).`,
      page: 22,
    },
    {
      code: "PHASE_WEIGHT_TOTAL",
      severity: "error",
      unit: PL,
      objective: 1,
      message: `${PL}, obiettivo 1: i pesi delle attività sommano a 90, non a 100.`,
      page: 22,
    },
    {
      code: "DEADLINE_OUT_OF_PERIOD",
      severity: "warning",
      unit: PL,
      objective: 1,
      message: `${PL}, obiettivo 1: la fase 2 scade il 31/01/2029, dopo il periodo del piano (2026-2028).`,
      page: 22,
    },
    {
      code: "DUPLICATE_OBJECTIVE",
      severity: "warning",
      unit: PL,
      objective: 2,
      message: `${PL}, obiettivo 2: stesso titolo e descrizione dell'obiettivo 1.`,
      page: 23,
    },
    {
      code: "PHASE_WEIGHT_TOTAL",
      severity: "error",
      unit: PL,
      objective: 2,
      message: `${PL}, obiettivo 2: i pesi delle attività sommano a 90, non a 100.`,
      page: 23,
    },
    {
      code: "DEADLINE_OUT_OF_PERIOD",
      severity: "warning",
      unit: PL,
      objective: 2,
      message: `${PL}, obiettivo 2: la fase 2 scade il 31/01/2029, dopo il periodo del piano (2026-2028).`,
      page: 23,
    },
  ];
  return {
    schemaVersion: 2,
    source: { path: "piao-2026-2028.pdf", sha256: sha(n), format: "pdf", pageCount: 40 },
    organization: "Comune di Collina",
    kind: "piao",
    year: 2026,
    period: { from: 2026, to: 2028 },
    units: [
      { number: 1, name: FIN, manager: "Rossi Maria", declaredTotal: null, objectives: [payment, report], page: 14 },
      { number: 3, name: PL, manager: "Neri Luca", declaredTotal: null, objectives: [patrol(1, 22), patrol(2, 23)] },
    ],
    anomalies,
  };
}

/** A PEG 2025 weighted out of 1000, objectives in one table, no sheet at all. */
export function pegPlan(n = 2025): PlanExport {
  const row = (number: number, title: string, weight: number | null, weightText: string | null, target: string | null): Objective => ({
    number,
    title,
    strategy: null,
    summary: {
      weight,
      weightText,
      title,
      indicators: [indicator(`Avanzamento: ${title.toLowerCase()}`, { target })],
      notes: null,
      page: 3,
    },
    detail: null,
  });
  return {
    schemaVersion: 2,
    source: { path: "peg-2025.html", sha256: sha(n), format: "html", pageCount: null },
    organization: "Unione dei Colli",
    kind: "peg",
    year: 2025,
    period: { from: 2025, to: 2025 },
    units: [
      {
        number: null,
        name: "Area tecnica",
        manager: null,
        declaredTotal: null,
        objectives: [row(1, "Piano asfalti", 60, "600/1000", "5 km"), row(2, "Manutenzione del verde", 40, "400/1000", "100%")],
      },
    ],
    anomalies: [
      {
        code: "SUMMARY_ONLY",
        severity: "info",
        unit: null,
        objective: null,
        message: "Il documento elenca gli obiettivi ma non contiene schede obiettivo.",
        page: null,
      },
    ],
  };
}
