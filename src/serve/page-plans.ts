/**
 * The home page: the upload zone and the stored plans, filtered by body, year and
 * kind (a GET form, so filtering works without JavaScript; the script only
 * submits on change and filters rows as one types).
 */
import { text } from "./html-text.js";
import type { Db } from "../store/index.js";
import { T, formatDateTime, kindLabel, SEVERITY_PLURAL } from "./labels-it.js";
import { listCsv, listTable, type Column } from "./list-spec.js";
import { csvLink, pageShell } from "./page-shell.js";
import { filterOptions, listPlanRows, type PlanFilter, type PlanRow } from "./plan-queries.js";

export function planYearsLabel(p: { year: number | null; periodFrom: number | null; periodTo: number | null }): string {
  if (p.periodFrom !== null && p.periodTo !== null && p.periodFrom !== p.periodTo) return `${p.periodFrom}–${p.periodTo}`;
  return p.year === null ? T.unknownYear : String(p.year);
}

const count = (cls: string) => (n: number) => (n ? `<span class="sev sev-${cls}">${n}</span>` : `<span class="zero">0</span>`);

export const PLAN_COLUMNS: readonly Column<PlanRow>[] = [
  { label: T.colBody, value: (p) => p.organization ?? T.unknownBody, html: (p) => `<a href="/piani/${p.planId}">${text(p.organization ?? T.unknownBody)}</a>` },
  { label: T.colYear, value: (p) => planYearsLabel(p) },
  { label: T.colKind, value: (p) => kindLabel(p.kind) },
  {
    label: T.colVersion,
    value: (p) => p.version,
    html: (p) => `${p.version} <span class="muted">${text(p.isCurrent ? T.current : T.superseded)}</span>`,
    numeric: true,
  },
  { label: T.colSource, value: (p) => p.path },
  { label: T.colUnits, value: (p) => p.units, numeric: true },
  { label: T.colObjectives, value: (p) => p.objectives, numeric: true },
  { label: SEVERITY_PLURAL.error, value: (p) => p.errors, html: (p) => count("error")(p.errors), numeric: true },
  { label: SEVERITY_PLURAL.warning, value: (p) => p.warnings, html: (p) => count("warning")(p.warnings), numeric: true },
  { label: SEVERITY_PLURAL.info, value: (p) => p.infos, html: (p) => count("info")(p.infos), numeric: true },
  { label: T.colImported, value: (p) => p.importedAt, html: (p) => text(formatDateTime(p.importedAt)) },
];

/** A text box that hides the table's rows not containing what is typed: shown by the script only. */
export function rowFilter(tableId: string): string {
  return `<label hidden>${text(T.filterText)}<input type="search" data-table="${text(tableId)}"></label>`;
}

function option(value: string, label: string, selected: boolean): string {
  return `<option value="${text(value)}"${selected ? " selected" : ""}>${text(label)}</option>`;
}

function filterForm(db: Db, f: PlanFilter): string {
  const o = filterOptions(db);
  const select = (name: string, label: string, values: { v: string; l: string }[], current: string | undefined) =>
    `<label>${text(label)}<select name="${name}">${option("", T.filterAll, current === undefined)}${values.map((x) => option(x.v, x.l, x.v === current)).join("")}</select></label>`;
  return (
    `<form class="filters" method="get" action="/piani">` +
    select(
      "ente",
      T.filterBody,
      o.organizations.map((v) => ({ v, l: v })),
      f.organization,
    ) +
    select(
      "anno",
      T.filterYear,
      o.years.map((y) => ({ v: String(y), l: String(y) })),
      f.year === undefined ? undefined : String(f.year),
    ) +
    select(
      "tipo",
      T.filterKind,
      o.kinds.map((k) => ({ v: k, l: kindLabel(k) })),
      f.kind,
    ) +
    `<label class="check"><input type="checkbox" name="versioni" value="tutte"${f.allVersions ? " checked" : ""}> ${text(T.filterVersions)}</label>` +
    `<button type="submit">${text(T.filterApply)}</button>` +
    rowFilter("plans") +
    `</form>`
  );
}

function uploadZone(maxBytes: number): string {
  const mb = Math.round(maxBytes / 1024 / 1024);
  return (
    `<section class="upload"><h2>${text(T.uploadTitle)}</h2>` +
    `<noscript><p class="muted">${text(T.uploadNoScript)}</p></noscript>` +
    `<div id="dropzone" class="dropzone" hidden data-max-bytes="${maxBytes}" data-reading="${text(T.reading)}" ` +
    `data-too-large="${text(`%s: il file supera il limite di ${mb} MB`)}">` +
    `<label>${text(T.uploadHint)} <input type="file" id="file" name="file" accept=".pdf,.docx,.html,.htm,.txt"></label>` +
    `<span class="muted"> (${text(T.uploadLimit)} ${mb} MB)</span>` +
    `<p id="upload-status" class="upload-status" role="status" aria-live="polite"></p></div></section>`
  );
}

export function plansPage(db: Db, f: PlanFilter, query: string, maxUploadBytes: number): string {
  const rows = listPlanRows(db, f);
  const body =
    uploadZone(maxUploadBytes) +
    `<h1>${text(T.plansTitle)}</h1>` +
    filterForm(db, f) +
    (rows.length ? listTable(PLAN_COLUMNS, rows, "plans") + csvLink(`/piani.csv${query}`) : `<p class="muted">${text(T.noPlans)}</p>`);
  return pageShell(T.plansTitle, "plans", body);
}

export function plansCsv(db: Db, f: PlanFilter): string {
  return listCsv(PLAN_COLUMNS, listPlanRows(db, f));
}
