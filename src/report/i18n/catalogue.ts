/**
 * What the report says, per language: one Catalogue for Italian (it.ts) and one
 * for English (en.ts), typed from this one interface, so a label missing in
 * either is a type error (and tests/report/i18n.test.ts fails when a key is
 * missing at run time). Renderers take every human-facing word from here; the
 * report model keeps codes and machine values.
 */
import type { PlanKind } from "../../normalize/plan-schema.js";
import type { Lang } from "./lang.js";
import type { VariantKey } from "./finding-variants.js";
import type { VARIANTS } from "./finding-variants.js";

/** A noun's singular and plural: "1 avviso", "2 avvisi". */
export interface Noun {
  one: string;
  many: string;
}

export type Severity = "error" | "warning" | "info";
export type KnownCode = (typeof VARIANTS)[VariantKey]["code"];
export type WeightStatusKey = "match" | "mismatch" | "no-sheet" | "no-summary" | "no-weight";

export interface Catalogue {
  lang: Lang;
  /** Decimal separator of numbers shown to people. */
  decimal: string;
  /** Short month names, January first. */
  months: readonly string[];
  /** A date for people from its parts ("31/12/2026", "31 Dec 2026"). */
  date: (day: number, month: number, year: number) => string;
  severity: Record<Severity, Noun>;
  /** The severity as the text report's finding lines start ("ERRORE"). */
  severityTag: Record<Severity, string>;
  noun: { plan: Noun; unit: Noun; objective: Noun; page: Noun; file: Noun };
  /** "p. 9": a page reference. */
  pageRef: (page: number) => string;
  /**
   * Where a reader's finding sits within a layout table, after its page: the table's id
   * (as `piao tables` names it) and the row and column, 1-based ("tabella p3-t1, riga 2, colonna 4").
   */
  place: { table: (id: string) => string; row: (n: number) => string; column: (n: number) => string };
  kind: Record<PlanKind, string>;
  kindUnknown: string;
  periodUnknown: string;
  unknownBody: string;
  yearUnknown: string;
  /** "Comune di X, piano 2024". */
  planTitle: (organization: string, years: string) => string;
  planOfUnknownYear: (organization: string) => string;
  reportTitle: string;
  reportTitleOne: (organization: string, years: string) => string;
  reportTitleMany: (plans: string) => string;
  generatedBy: (version: number) => string;
  head: {
    source: string;
    plan: string;
    contents: string;
    findings: string;
    advisory: string;
    databasePlan: string;
    /** "(piano 3 del database)" after the source. */
    databasePlanNote: (id: string) => string;
    /** "3 unità, 12 obiettivi (4 con rilievi)". */
    contentsValue: (units: string, objectives: string, flagged: number) => string;
    advisoryNote: string;
  };
  summary: {
    title: string;
    unitsTitle: string;
    findingsTitle: string;
    yearTitle: string;
    yearNote: string;
    exportFindings: string;
    advisoryFindings: string;
    load: string;
    emptyQuarter: string;
    quarter: (q: number) => string;
    noPhases: string;
  };
  overview: {
    title: string;
    unit: string;
    manager: string;
    objectives: string;
    objectivesShort: string;
    flagged: string;
    errorsShort: string;
    warningsShort: string;
    infoShort: string;
    errors: string;
    warnings: string;
    info: string;
    summaryTotal: string;
    sheetTotal: string;
    summaryShort: string;
    sheetShort: string;
    offNote: string;
  };
  findings: {
    title: string;
    none: string;
    noneHtml: string;
    wholeDocument: string;
    /** "(resp. Rossi Mario)", "resp. Rossi Mario". */
    manager: (name: string) => string;
    noManager: string;
  };
  advisory: {
    title: string;
    note: string;
    noteHtml: string;
    none: string;
  };
  weights: {
    title: string;
    sectionHtml: string;
    number: string;
    objective: string;
    summary: string;
    sheet: string;
    check: string;
    pages: string;
    total: string;
    asWritten: string;
    status: Record<WeightStatusKey, string>;
    statusText: Record<WeightStatusKey, string>;
    declaredRow: (total: string) => string;
    expected: (total: string) => string;
    summaryStatus: Record<"ok" | "off" | "none", string>;
    sheetStatus: Record<"ok" | "off" | "incomplete" | "none", string>;
    noUnits: string;
    noWeights: string;
    chartCaption: (unit: string) => string;
    keySummary: string;
    keySheet: string;
    barsNoSheet: string;
    barsNoWeight: string;
    scale: (max: string) => string;
    expectedMark: (declared: boolean, total: string, scale: string) => string;
    barTitle: (objective: string, summary: string, sheet: string) => string;
    intersectoral: string;
  };
  timeline: {
    title: string;
    noSheets: string;
    noPhases: string;
    caption: (objective: string) => string;
    weight: string;
    from: (date: string) => string;
    deadline: (date: string) => string;
    noMonthMarked: string;
    noMonthOrDate: string;
  };
  changes: {
    sinceYear: (year: string) => string;
    sincePrevious: string;
    sinceVersion: string;
    comparedWith: (source: string) => string;
    counts: (n: {
      added: number;
      dropped: number;
      reweighted: number;
      retitled: number;
      renumbered: number;
      indicatorsChanged: number;
      unchanged: number;
    }) => string;
    added: string;
    dropped: string;
    changed: string;
    weight: (w: string) => string;
    renumbered: (was: string) => string;
    reweighted: (from: string, to: string) => string;
    retitled: string;
    indicatorAdded: string;
    indicatorRemoved: string;
    newUnit: string;
    goneUnit: string;
    was: (name: string) => string;
  };
  unreadable: { title: string };
  totals: {
    /** "2 piani verificati, 1 file non leggibile: …": the counts agree with their words. */
    line: (plans: number, unreadable: number, findings: string) => string;
    advisoryLine: (counts: string) => string;
    unreadableFiles: (files: string) => string;
    advisoryHead: (counts: string) => string;
    weightsExpected: (total: string) => string;
    noPlans: string;
  };
  sign: { title: string; place: string; signature: string };
  /** One line on what each finding code means, for the legend and for messages the catalogue cannot read. */
  codes: Record<KnownCode, string>;
  /** The finding messages, one per wording (finding-variants.ts). */
  messages: Record<VariantKey, string>;
  /** A finding whose stored message the catalogue cannot read: its code's meaning and the message as stored. */
  unreadMessage: (where: string, meaning: string, stored: string) => string;
  /** "Area X, obiettivo 3". */
  where: (unit: string | null, objective: number | null) => string;
  /** The few Italian words of the advisory lists, per language. */
  listWords: { phase: string; deadline: string; andOthers: (n: number) => string };
}
