/** The search page: objectives and indicators of the stored plans matching the words, each list with its CSV. */
import { text } from "./html-text.js";
import type { Db } from "../store/index.js";
import { T } from "./labels-it.js";
import { listCsv, listTable, type Column } from "./list-spec.js";
import { pageLinker } from "./page-plan.js";
import { csvLink, pageShell } from "./page-shell.js";
import { ftsQuery, highlight, plainSnippet, searchIndicators, searchObjectives, type IndicatorHit, type ObjectiveHit } from "./search-plans.js";

export interface SearchParams {
  text: string;
  allVersions: boolean;
  limit: number;
}

const planCell = (h: { planId: number; organization: string | null; year: number | null; isCurrent: number }) =>
  `<a href="/piani/${h.planId}">${text(h.organization ?? T.unknownBody)} ${text(h.year ?? "")}</a>${h.isCurrent ? "" : ` <span class="muted">(${text(T.superseded)})</span>`}`;

/** The page number as a link into the plan's source when it is a PDF. */
const pageCell = (h: { planId: number; format: string; page: number | null }) => pageLinker(h.planId, h.format === "pdf")(h.page);

const OBJECTIVE_COLUMNS: Column<ObjectiveHit>[] = [
  { label: T.colBody, value: (h) => h.organization, html: planCell },
  { label: T.colYear, value: (h) => h.year, numeric: true },
  { label: T.colUnit, value: (h) => h.unit },
  { label: T.colNumber, value: (h) => h.number, numeric: true },
  { label: T.colObjective, value: (h) => h.title },
  { label: "Corrispondenza", value: (h) => plainSnippet(h.snippet), html: (h) => highlight(h.snippet) },
  { label: T.colPage, value: (h) => h.page, html: pageCell, numeric: true },
];

const INDICATOR_COLUMNS: Column<IndicatorHit>[] = [
  { label: T.colBody, value: (h) => h.organization, html: planCell },
  { label: T.colYear, value: (h) => h.year, numeric: true },
  { label: T.colUnit, value: (h) => h.unit },
  { label: T.colObjective, value: (h) => `${h.objective}. ${h.objectiveTitle}` },
  { label: T.colIndicator, value: (h) => h.text, html: (h) => highlight(h.snippet) },
  { label: T.colTarget, value: (h) => h.target },
  { label: T.colPage, value: (h) => h.page, html: pageCell, numeric: true },
];

function run(db: Db, s: SearchParams): { objectives: ObjectiveHit[]; indicators: IndicatorHit[] } | null {
  const q = ftsQuery(s.text);
  if (q === null) return null;
  return { objectives: searchObjectives(db, q, s.allVersions, s.limit), indicators: searchIndicators(db, q, s.allVersions, s.limit) };
}

export function searchPage(db: Db, s: SearchParams, query: string): string {
  const form =
    `<form class="search filters" method="get" action="/cerca"><label>${text(T.searchLabel)}` +
    `<input type="search" name="q" value="${text(s.text)}" autofocus></label>` +
    `<label class="check"><input type="checkbox" name="versioni" value="tutte"${s.allVersions ? " checked" : ""}> ${text(T.searchAllVersions)}</label>` +
    `<button type="submit">${text(T.searchButton)}</button></form><p class="muted">${text(T.searchHint)}</p>`;
  const found = run(db, s);
  let results = "";
  if (found) {
    const list = (title: string, csv: string, html: string, n: number) =>
      `<h2>${text(title)} <span class="muted">(${n})</span></h2>` + (n ? html + csvLink(`${csv}${query}`) : `<p class="muted">${text(T.searchNone)}</p>`);
    results =
      list(T.searchObjectives, "/cerca/obiettivi.csv", listTable(OBJECTIVE_COLUMNS, found.objectives, "search-objectives"), found.objectives.length) +
      list(T.searchIndicators, "/cerca/indicatori.csv", listTable(INDICATOR_COLUMNS, found.indicators, "search-indicators"), found.indicators.length);
  }
  return pageShell(s.text ? `${T.navSearch}: ${s.text}` : T.navSearch, "search", `<h1>${text(T.searchTitle)}</h1>${form}${results}`);
}

export function searchCsv(db: Db, s: SearchParams, list: "obiettivi" | "indicatori"): string {
  const found = run(db, s) ?? { objectives: [], indicators: [] };
  return list === "obiettivi" ? listCsv(OBJECTIVE_COLUMNS, found.objectives) : listCsv(INDICATOR_COLUMNS, found.indicators);
}
