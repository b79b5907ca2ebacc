/**
 * The year-over-year comparison of one body: each stored year's current plan
 * against the one before it (src/report/compare-years.ts), as a table of what was
 * added, dropped and changed, with its CSV.
 */
import { text } from "./html-text.js";
import { compareYears } from "../report/compare-years.js";
import type { ObjectiveChange, YearChanges } from "../report/report-model.js";
import { reportSettings } from "../report/report-settings.js";
import { loadPlan, type Db } from "../store/index.js";
import { T, formatNumber } from "./labels-it.js";
import { listCsv, listTable, type Column } from "./list-spec.js";
import { csvLink, pageShell } from "./page-shell.js";
import { bodiesWithYears, yearsOfBody } from "./plan-queries.js";

interface ChangeRow {
  year: number;
  previousYear: number;
  unit: string;
  change: ObjectiveChange;
}

const STATUS: Record<ObjectiveChange["status"], string> = { added: T.changeAdded, dropped: T.changeDropped, changed: T.changeChanged };

function details(c: ObjectiveChange): string[] {
  const out: string[] = [];
  if (c.renumbered) out.push(`${T.renumbered} ${c.previousNumber ?? "—"}`);
  if (c.reweighted) out.push(`${T.reweighted} ${formatNumber(c.previousWeight)} → ${formatNumber(c.weight)}`);
  if (c.retitled) out.push(`${T.retitled} «${c.previousTitle ?? ""}»`);
  for (const i of c.indicatorsAdded) out.push(`${T.indicatorAdded}: ${i}`);
  for (const i of c.indicatorsRemoved) out.push(`${T.indicatorRemoved}: ${i}`);
  return out;
}

const COLUMNS: Column<ChangeRow>[] = [
  { label: T.colYear, value: (r) => r.year, numeric: true },
  { label: T.compareSince, value: (r) => r.previousYear, numeric: true },
  { label: T.colUnit, value: (r) => r.unit },
  { label: T.colChange, value: (r) => STATUS[r.change.status], html: (r) => `<span class="change-${r.change.status}">${text(STATUS[r.change.status])}</span>` },
  { label: T.colNumber, value: (r) => r.change.number ?? r.change.previousNumber, numeric: true },
  { label: T.colObjective, value: (r) => r.change.title ?? r.change.previousTitle },
  { label: `${T.colWeight} (${T.colBefore.toLowerCase()})`, value: (r) => r.change.previousWeight, numeric: true },
  { label: `${T.colWeight} (${T.colAfter.toLowerCase()})`, value: (r) => r.change.weight, numeric: true },
  {
    label: T.colDetails,
    value: (r) => details(r.change).join("; "),
    html: (r) => {
      const d = details(r.change);
      return d.length ? `<ul class="delta">${d.map((x) => `<li>${text(x)}</li>`).join("")}</ul>` : "";
    },
  },
];

function unitLabel(u: YearChanges["units"][number]): string {
  if (u.status === "added") return `${u.unit ?? ""} (${T.unitAdded})`;
  if (u.status === "dropped") return `${u.previousUnit ?? ""} (${T.unitDropped})`;
  return u.unit === u.previousUnit ? (u.unit ?? "") : `${u.unit ?? ""} (era ${u.previousUnit ?? ""})`;
}

interface YearPair {
  year: number;
  previousYear: number;
  changes: YearChanges;
}

function comparisons(db: Db, organization: string): YearPair[] {
  const years = yearsOfBody(db, organization);
  const settings = reportSettings();
  const out: YearPair[] = [];
  for (let i = 1; i < years.length; i++) {
    const cur = years[i]!;
    const prev = years[i - 1]!;
    out.push({ year: cur.year, previousYear: prev.year, changes: compareYears(loadPlan(db, cur.planId), loadPlan(db, prev.planId), settings, prev.planId) });
  }
  return out.reverse();
}

function rowsOf(pairs: YearPair[]): ChangeRow[] {
  return pairs.flatMap((p) =>
    p.changes.units.flatMap((u) => u.changes.map((change) => ({ year: p.year, previousYear: p.previousYear, unit: unitLabel(u), change }))),
  );
}

export function comparePage(db: Db, organization: string | undefined): string {
  const bodies = bodiesWithYears(db);
  const form =
    `<form class="filters" method="get" action="/confronto"><label>${text(T.filterBody)}<select name="ente">` +
    `<option value=""></option>` +
    bodies
      .map(
        (b) =>
          `<option value="${text(b.organization)}"${b.organization === organization ? " selected" : ""}>${text(b.organization)} (${b.years} anni)</option>`,
      )
      .join("") +
    `</select></label><button type="submit">${text(T.compareButton)}</button></form>`;
  let body = `<h1>${text(T.compareTitle)}</h1>`;
  if (bodies.length === 0) return pageShell(T.compareTitle, "compare", body + `<p class="muted">${text(T.compareNoBodies)}</p>`);
  body += form;
  if (organization === undefined) return pageShell(T.compareTitle, "compare", body + `<p class="muted">${text(T.compareChoose)}</p>`);
  const pairs = comparisons(db, organization);
  body += `<h2>${text(organization)}</h2>`;
  if (pairs.length === 0) return pageShell(T.compareTitle, "compare", body + `<p class="muted">${text(T.compareChoose)}</p>`);
  for (const p of pairs) {
    const n = p.changes.counts;
    body +=
      `<h2>${p.year} ${text(T.compareSince)} ${p.previousYear}</h2><p>` +
      text(
        `${n.added} ${T.changeAdded.replace(/o$/, "i")}, ${n.dropped} ${T.changeDropped.replace(/o$/, "i")}, ${n.reweighted} con peso cambiato, ` +
          `${n.retitled} con titolo cambiato, ${n.renumbered} rinumerati, ${n.indicatorsChanged} con indicatori cambiati, ${n.unchanged} ${T.unchanged}.`,
      ) +
      `</p>`;
    const rows = rowsOf([p]);
    if (rows.length) body += listTable(COLUMNS, rows, `changes-${p.year}`);
  }
  body += csvLink(`/confronto.csv?ente=${encodeURIComponent(organization)}`);
  return pageShell(`${T.compareTitle}: ${organization}`, "compare", body);
}

export function compareCsv(db: Db, organization: string): string {
  return listCsv(COLUMNS, rowsOf(comparisons(db, organization)));
}
