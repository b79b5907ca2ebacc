/**
 * Plan exports built in code for the report tests: one plan raising every
 * anomaly code of the contract (titles with quotes, < and &), and a body's two
 * consecutive years with every kind of change the report tracks. The anomaly
 * messages are written as the normaliser would write them; the report only
 * places them.
 */
import type { Anomaly, DetailSheet, Indicator, Objective, Phase, PlanExport, Strategy, Unit } from "../../src/normalize/plan-schema.js";

export const sha = (n: number) => n.toString(16).padStart(64, "0");

export function phase(
  number: number | null,
  description: string,
  months: string[],
  responsible: string | null = null,
  dates: Partial<Pick<Phase, "weight" | "start" | "deadline" | "deadlineText">> = {},
): Phase {
  return { number, description, responsible, output: null, months, weight: null, start: null, deadline: null, deadlineText: null, ...dates };
}

/** An indicator as a plan that gives it in one piece writes it; or with its parts. */
export function ind(text: string, parts: Partial<Omit<Indicator, "text">> = {}): Indicator {
  return { text, formula: null, baseline: null, target: null, ...parts };
}

interface ObjectiveSpec {
  number: number;
  title: string;
  weight?: number | null;
  /** The weight as written; default: the weight's number. */
  weightText?: string | null;
  page?: number | null;
  indicators?: (string | Indicator)[];
  strategy?: Strategy | null;
  /** false: no sheet; otherwise fields of the sheet. */
  sheet?: false | Partial<DetailSheet>;
  /** false: no summary row (an orphan sheet). */
  summary?: boolean;
}

export function objective(spec: ObjectiveSpec): Objective {
  const weight = spec.weight ?? null;
  const weightText = spec.weightText !== undefined ? spec.weightText : weight === null ? null : String(weight);
  const indicators = (spec.indicators ?? []).map((i) => (typeof i === "string" ? ind(i) : i));
  return {
    number: spec.number,
    title: spec.title,
    strategy: spec.strategy ?? null,
    summary: spec.summary === false ? null : { weight, weightText, title: spec.title, indicators, notes: null, page: spec.page ?? null },
    detail:
      spec.sheet === false
        ? null
        : {
            number: spec.number,
            weight,
            weightText,
            title: spec.title,
            unitName: null,
            manager: null,
            duration: "annuale",
            endYear: 2024,
            intersectoral: false,
            description: null,
            indicators,
            criticalities: null,
            phases: [],
            page: null,
            ...(spec.sheet ?? {}),
          },
  };
}

export function unit(name: string, manager: string | null, objectives: Objective[], declaredTotal: number | null = null, number: number | null = null): Unit {
  return { number, name, manager, declaredTotal, objectives };
}

export function anomaly(
  code: string,
  severity: Anomaly["severity"],
  unitName: string | null,
  objectiveNumber: number | null,
  message: string,
  page: number | null,
): Anomaly {
  return { code, severity, unit: unitName, objective: objectiveNumber, message, page };
}

export function plan(organization: string | null, year: number | null, units: Unit[], anomalies: Anomaly[], n = 1, path = `prova-${year}.pdf`): PlanExport {
  return {
    schemaVersion: 2,
    source: { path, sha256: sha(n), format: "pdf", pageCount: 12 },
    organization,
    kind: "piano-performance",
    year,
    period: year === null ? null : { from: year, to: year },
    units,
    anomalies,
  };
}

const A = "Area Amministrativa & Finanziaria";
const B = "Servizi <tecnici>";
const C = "Polizia locale";
const D = "Servizi demografici";

/**
 * One plan with every anomaly code of the contract, plus one info finding of a
 * project code. The units are numbered 1, 2, 4, 5 (NUMBERING); the last weighs
 * nothing (WEIGHTS_ABSENT) and its sheets are activities tables with dates and
 * weights. SUMMARY_ONLY does not fit a plan with sheets: it is here to be placed.
 */
export function everyCodePlan(): PlanExport {
  return plan(
    'Comune di "Prova" & Uniti',
    2024,
    [
      unit(
        A,
        "Rossi Mario",
        [
          objective({
            number: 1,
            title: 'Regolamento "smart working" <2025> & oltre',
            weight: 40,
            page: 2,
            indicators: ["Approvazione entro il 30/06", "Dipendenti coinvolti ≥ 80%"],
            sheet: {
              page: 3,
              phases: [
                phase(1, "Analisi dell'esistente & benchmark", ["2024-01", "2024-02", "2024-03"], "Resp. Serv."),
                phase(2, 'Bozza "condivisa" con i sindacati', ["2024-04", "2024-05", "2024-06"]),
                phase(3, "Adozione del regolamento", []),
                phase(4, "Monitoraggio nel 2025", ["2024-11", "2024-12", "2025-01", "2025-02"]),
              ],
            },
          }),
          objective({
            number: 2,
            title: "Tempi di pagamento delle fatture commerciali",
            weight: 20,
            page: 2,
            indicators: ["Indicatore di ritardo annuale ≤ 0"],
            sheet: {
              weight: 35,
              page: 4,
              phases: [
                phase(1, "Monitoraggio mensile", [
                  "2024-01",
                  "2024-02",
                  "2024-03",
                  "2024-04",
                  "2024-05",
                  "2024-06",
                  "2024-07",
                  "2024-08",
                  "2024-09",
                  "2024-10",
                  "2024-11",
                  "2024-12",
                ]),
              ],
            },
          }),
          objective({ number: 3, title: "Digitalizzazione dell'archivio", weight: 20, page: 2, indicators: ["1.000 fascicoli scansionati"], sheet: false }),
          objective({ number: 4, title: "Inventario dei beni mobili", weight: 10, summary: false, sheet: { page: 5 } }),
        ],
        null,
        1,
      ),
      unit(
        B,
        "Bianchi Anna",
        [
          objective({
            number: 1,
            title: "Manutenzione strade",
            weight: 40,
            page: 6,
            indicators: ["km asfaltati ≥ 5"],
            sheet: { title: "Piano asfalti 2024", page: 7 },
          }),
          objective({ number: 2, title: "Illuminazione pubblica a LED", weight: 20, page: 6, indicators: ["Punti luce sostituiti: 200"], sheet: { page: 8 } }),
          objective({ number: 2, title: "Servizi cimiteriali", weight: 20, page: 6, indicators: ["Loculi disponibili: 50"], sheet: { page: 8 } }),
          objective({
            number: 3,
            title: "Verde pubblico",
            weight: 20,
            page: 6,
            indicators: ["Sfalci: 6 all'anno"],
            sheet: { unitName: "Area Amministrativa & Finanziaria", manager: "Rossi Mario", page: 9 },
          }),
        ],
        100,
        2,
      ),
      unit(
        C,
        null,
        [
          objective({ number: 1, title: "Sicurezza urbana", weight: 60, page: 10, indicators: [], sheet: { page: 10 } }),
          objective({
            number: 2,
            title: "PIAO: trasparenza e anticorruzione",
            weight: 40,
            page: 10,
            indicators: ["Pubblicazioni nei termini"],
            sheet: { intersectoral: true, title: "PIAO - trasparenza", page: 11 },
          }),
        ],
        null,
        4,
      ),
      unit(
        D,
        "Verdi Carla",
        [
          objective({
            number: 1,
            title: "Carta d'identità elettronica & appuntamenti",
            page: 12,
            indicators: [ind("Tempo di attesa per un appuntamento", { baseline: "2023: 40 giorni", target: "≤ 15 giorni" })],
            strategy: { mission: "01", programme: "07", strategicObjective: "Servizi più vicini", publicValue: null },
            sheet: {
              page: 12,
              phases: [
                phase(1, "Apertura del sabato", [], "Ufficio anagrafe", {
                  weight: 50,
                  start: "2024-02-01",
                  deadline: "2024-06-30",
                  deadlineText: "entro giugno",
                }),
                phase(2, "Agenda online", [], null, { weight: 30, deadline: "2025-03-31", deadlineText: "31.03.2025" }),
                phase(3, "Verifica di gradimento", [], null, { deadlineText: "II semestre" }),
              ],
            },
          }),
          objective({
            number: 2,
            title: "Carta d'identità elettronica & appuntamenti",
            page: 12,
            indicators: [ind("", { target: "100% delle richieste" })],
            sheet: false,
          }),
        ],
        null,
        5,
      ),
    ],
    [
      anomaly("UNREADABLE", "error", null, null, "Pagina 12: la tabella non ha testo (scansione?): non letta.", 12),
      anomaly("PHASE_NO_MONTHS", "warning", A, 1, `${A}, obiettivo 1: la fase 3 ('Adozione del regolamento') non ha mesi segnati.`, 3),
      anomaly("WEIGHT_MISMATCH", "error", A, 2, `${A}, obiettivo 2: peso 20 nella scheda sintetica ma 35 nella scheda obiettivo.`, 4),
      anomaly("PAYMENT_TIMES_WEIGHT", "error", A, 2, `${A}, obiettivo 2: l'obiettivo sui tempi di pagamento pesa 20, meno di 30.`, 2),
      anomaly(
        "MISSING_DETAIL",
        "warning",
        A,
        3,
        `${A}: l'obiettivo 3 ('Digitalizzazione dell'archivio') della scheda sintetica non ha una scheda obiettivo.`,
        2,
      ),
      anomaly(
        "ORPHAN_DETAIL",
        "warning",
        A,
        4,
        `${A}: la scheda obiettivo 4 ('Inventario dei beni mobili') non corrisponde a nessuna riga della scheda sintetica.`,
        5,
      ),
      anomaly("WEIGHT_TOTAL", "error", A, null, `${A}: i pesi della scheda sintetica sommano a 80, non a 100.`, 2),
      anomaly(
        "TITLE_MISMATCH",
        "warning",
        B,
        1,
        `${B}, obiettivo 1: titolo 'Manutenzione strade' nella scheda sintetica ma 'Piano asfalti 2024' nella scheda obiettivo.`,
        7,
      ),
      anomaly("UNIT_MISMATCH", "warning", B, 3, `${B}, obiettivo 3: la scheda obiettivo indica l'area '${A}'.`, 9),
      anomaly("DUPLICATE_NUMBER", "error", B, 2, `${B}: due obiettivi hanno il numero 2.`, 6),
      anomaly("NO_INDICATORS", "warning", C, 1, `${C}, obiettivo 1: nessun indicatore di risultato.`, 10),
      anomaly(
        "INTERSECTORAL_DRIFT",
        "warning",
        C,
        2,
        `${C}, obiettivo 2: l'obiettivo intersettoriale 'PIAO - trasparenza' ha titolo diverso nelle altre aree.`,
        11,
      ),
      anomaly("baseline_missing", "info", C, 2, `${C}, obiettivo 2: manca il valore di partenza dell'indicatore.`, 11),
      anomaly("NUMBERING", "warning", C, null, `Le unità sono numerate 1, 2, 4: dopo la 2 viene la 4 (${C}).`, 10),
      anomaly("WEIGHTS_ABSENT", "info", D, null, `${D}: nessun obiettivo ha un peso, né nella scheda sintetica né nelle schede obiettivo.`, 12),
      anomaly("PHASE_WEIGHT_TOTAL", "error", D, 1, `${D}, obiettivo 1: i pesi delle attività sommano a 80, non a 100.`, 12),
      anomaly("DEADLINE_OUT_OF_PERIOD", "warning", D, 1, `${D}, obiettivo 1: la fase 2 scade il 31/03/2025, dopo il periodo del piano (2024).`, 12),
      anomaly("DUPLICATE_OBJECTIVE", "warning", D, 2, `${D}, obiettivo 2: stesso titolo e descrizione dell'obiettivo 1.`, 12),
      anomaly("SUMMARY_ONLY", "info", null, null, "Il documento elenca gli obiettivi ma non contiene schede obiettivo.", null),
    ],
    1,
    "prova 2024 #1.pdf",
  );
}

/** The same body's 2023 and 2024 plans: every kind of change between them, and some objectives unchanged. */
export function yearPair(): { previous: PlanExport; current: PlanExport } {
  const previous = plan(
    "Comune di Prova",
    2023,
    [
      unit("Area amministrativa", "Rossi Mario", [
        objective({ number: 1, title: "Regolamento sul lavoro agile", weight: 30, indicators: ["Approvazione entro il 30/06"] }),
        objective({ number: 2, title: "Digitalizzazione dell'archivio storico", weight: 30, indicators: ["500 fascicoli scansionati"] }),
        objective({ number: 3, title: "Sportello unico per le imprese", weight: 20, indicators: ["Tempo medio di risposta ≤ 30 giorni"] }),
        objective({ number: 4, title: "Formazione del personale", weight: 20, indicators: ["Ore di formazione ≥ 20 per dipendente"] }),
      ]),
      unit("Ufficio tecnico", "Anna Bianchi", [
        objective({ number: 1, title: "Manutenzione delle strade comunali", weight: 60, indicators: ["km asfaltati ≥ 4"] }),
        objective({ number: 2, title: "Cura dei parchi", weight: 40, indicators: ["Sfalci: 6 all'anno", "Giochi ispezionati: 100%"] }),
      ]),
      unit("Servizi culturali", "Verdi Carla", [objective({ number: 1, title: "Stagione teatrale", weight: 100, indicators: ["Spettacoli ≥ 10"] })]),
    ],
    [],
    10,
    "prova-2023.pdf",
  );
  const current = plan(
    "Comune di Prova",
    2024,
    [
      unit("Area amministrativa", "Rossi Mario", [
        // reweighted 30 → 25, one indicator added
        objective({ number: 1, title: "Regolamento sul lavoro agile", weight: 25, indicators: ["Approvazione entro il 30/06", "Dipendenti coinvolti ≥ 80%"] }),
        // new
        objective({ number: 2, title: "Tempi di pagamento delle fatture commerciali", weight: 30, indicators: ["Indicatore di ritardo annuale ≤ 0"] }),
        // was 2: renumbered, retitled a little, reweighted 30 → 25, indicator replaced
        objective({ number: 3, title: "Digitalizzazione dell'archivio storico comunale", weight: 25, indicators: ["1.000 fascicoli scansionati"] }),
        // unchanged except for case and accents of the title
        objective({ number: 4, title: "FORMAZIONE DEL PERSONALE", weight: 20, indicators: ["Ore di formazione ≥ 20 per dipendente"] }),
        // dropped: Sportello unico
      ]),
      // renamed unit, same manager (names in the other order)
      unit("Servizi tecnici e manutentivi", "Bianchi Anna", [
        objective({ number: 1, title: "Manutenzione delle strade comunali", weight: 50, indicators: ["km asfaltati ≥ 5"] }),
        // same number, new title, same indicators: the same objective retitled
        objective({ number: 2, title: "Verde pubblico", weight: 40, indicators: ["Sfalci: 6 all'anno", "Giochi ispezionati: 100%"] }),
        // same number as nothing before: new
        objective({ number: 3, title: "Illuminazione pubblica a LED", weight: 10, indicators: ["Punti luce sostituiti: 200"] }),
      ]),
      // Servizi culturali dropped; a new unit
      unit("Polizia locale", "Neri Luca", [objective({ number: 1, title: "Sicurezza urbana", weight: 100, indicators: ["Pattuglie serali: 3 a settimana"] })]),
    ],
    [],
    11,
    "prova-2024.pdf",
  );
  return { previous, current };
}
