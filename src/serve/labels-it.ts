/**
 * The application's words, in Italian (its users are nuclei di valutazione and
 * OIV), and the formats an Italian reader expects (decimal comma, 31/12/2026).
 * What the report also says (severities, kinds of plan, months, numbers, dates)
 * comes from the report's Italian catalogue (src/report/i18n), so the pages and
 * the report use the same words; the rest is this application's own catalogue.
 */
import type { PlanKind } from "../normalize/plan-schema.js";
import { formatNumber as reportNumber } from "../report/i18n/format.js";
import { it } from "../report/i18n/it.js";

export type Severity = "error" | "warning" | "info";

export const SEVERITY_LABEL: Record<Severity, string> = { error: it.severity.error.one, warning: it.severity.warning.one, info: it.severity.info.one };
export const SEVERITY_PLURAL: Record<Severity, string> = { error: it.severity.error.many, warning: it.severity.warning.many, info: it.severity.info.many };

const MONTHS = it.months;

export const T = {
  appName: "piao · piani della performance",
  navPlans: "Piani",
  navSearch: "Cerca",
  navCompare: "Confronto tra anni",
  plansTitle: "Piani archiviati",
  uploadTitle: "Carica un piano",
  uploadHint: "Trascina qui un piano (PDF, DOCX, HTML o testo) oppure",
  uploadChoose: "scegli un file",
  uploadNoScript: "Il caricamento usa JavaScript. Senza, importa i piani con «piao import FILE».",
  uploadLimit: "dimensione massima",
  filterBody: "Ente",
  filterYear: "Anno",
  filterKind: "Tipo",
  filterAll: "tutti",
  filterVersions: "anche le versioni superate",
  filterApply: "Filtra",
  filterText: "Filtra le righe",
  csv: "Scarica CSV",
  noPlans: "Nessun piano archiviato corrisponde.",
  unknownBody: it.unknownBody,
  unknownYear: it.yearUnknown,
  unknownKind: it.kindUnknown,
  colBody: "Ente",
  colYear: "Anno",
  colKind: "Tipo",
  colVersion: "Versione",
  colSource: "Documento",
  colUnits: "Unità",
  colObjectives: "Obiettivi",
  colFindings: "Rilievi",
  colImported: "Importato il",
  current: "corrente",
  superseded: "superata",
  planTitle: "Piano",
  report: "Rapporto di coerenza",
  openSource: "Apri il documento",
  sourceMissing: "documento non disponibile su questo computer",
  sectionFindings: "Rilievi",
  sectionUnits: "Unità organizzative",
  sectionObjectives: "Obiettivi",
  sectionIndicators: "Indicatori",
  sectionPhases: "Fasi",
  none: "Nessuno.",
  colSeverity: "Gravità",
  colCode: "Codice",
  colUnit: "Unità",
  colObjective: "Obiettivo",
  colNumber: "N.",
  colPage: "Pagina",
  /** A reader's finding's table, row and column. */
  colPlace: "Tabella, riga, colonna",
  colMessage: "Descrizione",
  colManager: "Responsabile",
  colSummaryTotal: "Totale pesi (sintesi)",
  colSheetTotal: "Totale pesi (schede)",
  colExpected: "Atteso",
  colSummaryWeight: "Peso (sintesi)",
  colSheetWeight: "Peso (scheda)",
  colStrategic: "Obiettivo strategico",
  colIndicator: "Indicatore",
  colFormula: "Formula",
  colBaseline: "Valore di partenza",
  colTarget: "Target",
  colPhase: "Fase",
  colPeriod: "Tempi",
  colWeight: "Peso",
  searchTitle: "Cerca negli obiettivi e negli indicatori",
  searchLabel: "Parole da cercare",
  searchButton: "Cerca",
  searchHint: "Tutte le parole devono comparire (accenti e maiuscole non contano); tra virgolette, una frase esatta.",
  searchObjectives: "Obiettivi trovati",
  searchIndicators: "Indicatori trovati",
  searchNone: "Nessun risultato.",
  searchAllVersions: "cerca anche nelle versioni superate",
  compareTitle: "Confronto tra anni",
  compareChoose: "Scegli un ente con piani di almeno due anni.",
  compareNoBodies: "Nessun ente ha piani di due anni diversi.",
  compareButton: "Confronta",
  compareSince: "rispetto al",
  colChange: "Variazione",
  colBefore: "Prima",
  colAfter: "Dopo",
  colDetails: "Dettagli",
  changeAdded: "aggiunto",
  changeDropped: "eliminato",
  changeChanged: "modificato",
  unitAdded: "unità nuova",
  unitDropped: "unità non più presente",
  renumbered: "rinumerato, era",
  reweighted: "peso",
  retitled: "titolo cambiato, era",
  indicatorAdded: "indicatore aggiunto",
  indicatorRemoved: "indicatore tolto",
  unchanged: "invariati",
  notFound: "Pagina non trovata.",
  badRequest: "Richiesta non valida.",
  serverError: "Errore interno: la richiesta non è stata completata.",
  refused: "Documento rifiutato",
  reading: "Lettura in corso di",
  alreadyStored: "Questo documento era già archiviato.",
  backToPlans: "Torna ai piani",
} as const;

/** 12,5 · "–" for nothing (the report's format). */
export function formatNumber(n: number | null | undefined): string {
  return reportNumber(it, n ?? null);
}

/** An ISO timestamp as 06/12/2026 17:40 (UTC, as stored). */
export function formatDateTime(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]} ${m[4]}:${m[5]}` : iso;
}

/** An ISO date as 31/12/2026. */
export function formatDate(iso: string | null): string {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  return m ? it.date(Number(m[3]), Number(m[2]), Number(m[1])) : (iso ?? "");
}

/** Marked months ("2024-01", …, ascending) as runs: "gen–mar 2024, giu 2024". */
export function formatMonths(months: readonly string[]): string {
  const index = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
  const name = (i: number) => `${MONTHS[i % 12]} ${Math.floor(i / 12)}`;
  const runs: [number, number][] = [];
  for (const i of months.map(index).sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last && i === last[1] + 1) last[1] = i;
    else if (!last || i !== last[1]) runs.push([i, i]);
  }
  return runs
    .map(([a, b]) => (a === b ? name(a) : Math.floor(a / 12) === Math.floor(b / 12) ? `${MONTHS[a % 12]}–${name(b)}` : `${name(a)}–${name(b)}`))
    .join(", ");
}

export function kindLabel(kind: string | null): string {
  return kind !== null && kind in it.kind ? it.kind[kind as PlanKind] : T.unknownKind;
}

export function severityLabel(s: string): string {
  return s in SEVERITY_LABEL ? SEVERITY_LABEL[s as Severity] : s;
}
