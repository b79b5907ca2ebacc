/**
 * One plan: what it is and where it came from, then its findings, units,
 * objectives with weights, indicators with targets and phases, each list with
 * its page numbers (a link into the source PDF at that page) and a CSV download.
 */
import { tableRef } from "../report/finding-place.js";
import { it } from "../report/i18n/it.js";
import { text } from "./html-text.js";
import type { Db } from "../store/index.js";
import { T, formatDate, formatDateTime, formatMonths, formatNumber, kindLabel, severityLabel, SEVERITY_PLURAL } from "./labels-it.js";
import { listCsv, listTable, type Column } from "./list-spec.js";
import { csvLink, pageShell } from "./page-shell.js";
import { planYearsLabel, rowFilter } from "./page-plans.js";
import {
  findingRows,
  indicatorRows,
  objectiveRows,
  phaseRows,
  unitRows,
  type FindingRow,
  type IndicatorRow,
  type ObjectiveRow,
  type PhaseRow,
  type PlanRow,
  type UnitRow,
} from "./plan-queries.js";

/** How pages link: into the served source PDF at `#page=N`, or plain numbers when there is no PDF to open. */
export type PageLinker = (page: number | null) => string;

export function pageLinker(planId: number, pdf: boolean): PageLinker {
  return (page) => {
    if (page === null) return `<span class="muted">—</span>`;
    return pdf ? `<a class="page" href="/piani/${planId}/fonte#page=${page}">p. ${page}</a>` : `p. ${page}`;
  };
}

const findingColumns = (link: PageLinker): Column<FindingRow>[] => [
  {
    label: T.colSeverity,
    value: (f) => severityLabel(f.severity),
    html: (f) => `<span class="sev sev-${text(f.severity)}">${text(severityLabel(f.severity))}</span>`,
  },
  { label: T.colCode, value: (f) => f.code, html: (f) => `<code>${text(f.code)}</code>` },
  { label: T.colUnit, value: (f) => f.unit },
  { label: T.colObjective, value: (f) => f.objective, numeric: true },
  { label: T.colPage, value: (f) => f.page, html: (f) => link(f.page), numeric: true },
  // Worded as the report words it ("tabella p3-t1, riga 2"); empty for findings that name no table.
  { label: T.colPlace, value: (f) => tableRef(it, f) },
  { label: T.colMessage, value: (f) => f.message },
];

const unitColumns = (link: PageLinker): Column<UnitRow>[] => [
  { label: T.colNumber, value: (u) => u.number, numeric: true },
  { label: T.colUnit, value: (u) => u.unit },
  { label: T.colManager, value: (u) => u.manager },
  { label: T.colObjectives, value: (u) => u.objectives, numeric: true },
  { label: T.colSummaryTotal, value: (u) => u.summaryTotal, numeric: true },
  { label: T.colSheetTotal, value: (u) => u.detailTotal, numeric: true },
  { label: T.colExpected, value: (u) => u.expectedTotal, numeric: true },
  { label: T.colPage, value: (u) => u.page, html: (u) => link(u.page), numeric: true },
];

const objectiveColumns = (link: PageLinker): Column<ObjectiveRow>[] => [
  { label: T.colUnit, value: (o) => o.unit },
  { label: T.colNumber, value: (o) => o.number, numeric: true },
  { label: T.colObjective, value: (o) => o.title },
  { label: T.colStrategic, value: (o) => o.strategicObjective },
  { label: T.colSummaryWeight, value: (o) => o.summaryWeight, numeric: true },
  { label: T.colSheetWeight, value: (o) => o.detailWeight, numeric: true },
  { label: `${T.colPage} (sintesi)`, value: (o) => o.summaryPage, html: (o) => link(o.summaryPage), numeric: true },
  { label: `${T.colPage} (scheda)`, value: (o) => o.detailPage, html: (o) => link(o.detailPage), numeric: true },
];

const indicatorColumns = (link: PageLinker): Column<IndicatorRow>[] => [
  { label: T.colUnit, value: (i) => i.unit },
  { label: T.colObjective, value: (i) => i.objective, numeric: true },
  { label: T.colIndicator, value: (i) => i.text },
  { label: T.colFormula, value: (i) => i.formula },
  { label: T.colBaseline, value: (i) => i.baseline },
  { label: T.colTarget, value: (i) => i.target },
  { label: "Fonte", value: (i) => (i.source === "summary" ? "sintesi" : "scheda") },
  { label: T.colPage, value: (i) => i.page, html: (i) => link(i.page), numeric: true },
];

/** A phase's time: its marked months, else its dates, else the deadline as written. */
export function phaseTime(p: PhaseRow): string {
  if (p.months) return formatMonths(p.months.split(","));
  if (p.start || p.deadline)
    return [p.start ? `dal ${formatDate(p.start)}` : "", p.deadline ? `entro il ${formatDate(p.deadline)}` : ""].filter(Boolean).join(" ");
  return p.deadlineText ?? "";
}

const phaseColumns = (link: PageLinker): Column<PhaseRow>[] => [
  { label: T.colUnit, value: (p) => p.unit },
  { label: T.colObjective, value: (p) => p.objective, numeric: true },
  { label: T.colNumber, value: (p) => p.number, numeric: true },
  { label: T.colPhase, value: (p) => p.description },
  { label: T.colManager, value: (p) => p.responsible },
  { label: T.colPeriod, value: (p) => phaseTime(p) },
  { label: T.colWeight, value: (p) => p.weight, numeric: true },
  { label: T.colPage, value: (p) => p.page, html: (p) => link(p.page), numeric: true },
];

export type PlanList = "rilievi" | "unita" | "obiettivi" | "indicatori" | "fasi";
export const PLAN_LISTS: readonly PlanList[] = ["rilievi", "unita", "obiettivi", "indicatori", "fasi"];

/** One of the plan's lists as CSV (page numbers as numbers, no links). */
export function planListCsv(db: Db, planId: number, list: PlanList): string {
  const link: PageLinker = () => "";
  switch (list) {
    case "rilievi":
      return listCsv(findingColumns(link), findingRows(db, planId));
    case "unita":
      return listCsv(unitColumns(link), unitRows(db, planId));
    case "obiettivi":
      return listCsv(objectiveColumns(link), objectiveRows(db, planId));
    case "indicatori":
      return listCsv(indicatorColumns(link), indicatorRows(db, planId));
    case "fasi":
      return listCsv(phaseColumns(link), phaseRows(db, planId));
  }
}

function section<T>(planId: number, list: PlanList, title: string, columns: Column<T>[], rows: T[], filter = false): string {
  const id = `list-${list}`;
  if (rows.length === 0) return `<h2 id="${list}">${text(title)}</h2><p class="muted">${text(T.none)}</p>`;
  return (
    `<h2 id="${list}">${text(title)} <span class="muted">(${rows.length})</span></h2>` +
    (filter ? rowFilter(id) : "") +
    listTable(columns, rows, id) +
    csvLink(`/piani/${planId}/${list}.csv`)
  );
}

export function planTitle(p: PlanRow): string {
  return `${p.organization ?? T.unknownBody} · ${planYearsLabel(p)}`;
}

export function planPage(db: Db, p: PlanRow, sourceAvailable: boolean): string {
  const pdf = p.format === "pdf" && sourceAvailable;
  const link = pageLinker(p.planId, pdf);
  const findings = findingRows(db, p.planId);
  const counts = (["error", "warning", "info"] as const)
    .map((s) => {
      const n = p[s === "error" ? "errors" : s === "warning" ? "warnings" : "infos"];
      return `<span class="sev sev-${s}">${n} ${text(n === 1 ? severityLabel(s) : SEVERITY_PLURAL[s])}</span>`;
    })
    .join(" ");
  const source = sourceAvailable
    ? `<a href="/piani/${p.planId}/fonte">${text(p.path)}</a>`
    : `${text(p.path)} <span class="muted">(${text(T.sourceMissing)})</span>`;
  const body =
    `<h1>${text(planTitle(p))}</h1>` +
    `<dl class="meta"><dt>${text(T.colKind)}</dt><dd>${text(kindLabel(p.kind))}</dd>` +
    `<dt>${text(T.colVersion)}</dt><dd>${p.version} (${text(p.isCurrent ? T.current : T.superseded)})</dd>` +
    `<dt>${text(T.colSource)}</dt><dd>${source} · ${text(p.format)}${p.pages === null ? "" : ` · ${text(formatNumber(p.pages))} pagine`}</dd>` +
    `<dt>${text(T.colImported)}</dt><dd>${text(formatDateTime(p.importedAt))}</dd>` +
    `<dt>${text(T.colFindings)}</dt><dd class="counts">${counts}</dd></dl>` +
    `<p class="actions"><a href="/piani/${p.planId}/rapporto">${text(T.report)}</a>` +
    (pdf ? `<a href="/piani/${p.planId}/fonte">${text(T.openSource)}</a>` : "") +
    (p.organization ? `<a href="/confronto?ente=${encodeURIComponent(p.organization)}">${text(T.navCompare)}</a>` : "") +
    `</p>` +
    section(p.planId, "rilievi", T.sectionFindings, findingColumns(link), findings) +
    section(p.planId, "unita", T.sectionUnits, unitColumns(link), unitRows(db, p.planId)) +
    section(p.planId, "obiettivi", T.sectionObjectives, objectiveColumns(link), objectiveRows(db, p.planId), true) +
    section(p.planId, "indicatori", T.sectionIndicators, indicatorColumns(link), indicatorRows(db, p.planId), true) +
    section(p.planId, "fasi", T.sectionPhases, phaseColumns(link), phaseRows(db, p.planId), true);
  return pageShell(planTitle(p), "plans", body);
}
