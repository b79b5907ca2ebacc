/**
 * The report as ONE self-contained HTML file: inline CSS, inline SVG, no
 * scripts and no external requests, so it opens offline and can be mailed.
 * It speaks the report's language (catalogue), prints on A4 (html-style.ts)
 * and opens each plan with a summary page: units with their weight totals,
 * findings by severity and a year chart per unit. Every text from a plan goes
 * through esc(), after inertReport() has replaced its control characters.
 * Page references of a PDF source link to `SOURCE.pdf#page=N`, relative to
 * where the report is written (the caller works that path out; see
 * RenderHtmlOptions.sourceHref).
 */
import type { Finding, ObjectiveChange, PlanReport, Report, UnitChanges, UnitView, YearChanges } from "./report-model.js";
import { esc, fileHref } from "./html-escape.js";
import { tableRef } from "./finding-place.js";
import { REPORT_CSS } from "./html-style.js";
import { ganttSvg } from "./gantt-svg.js";
import { weightBarsSvg } from "./weight-bars-svg.js";
import { unitYearSvg } from "./unit-year-svg.js";
import { kindAndPeriod, planYears, unitTitle } from "./plan-labels.js";
import { inertReport } from "./inert-text.js";
import type { Catalogue, Severity } from "./i18n/catalogue.js";
import { catalogue, count, formatNumber, severityCounts } from "./i18n/format.js";

export interface RenderHtmlOptions {
  /**
   * The source document's path relative to the report file (or null for no
   * links), per plan. Only PDF sources get `#page=N` links.
   */
  sourceHref?: (plan: PlanReport, index: number) => string | null;
}

interface Ctx {
  t: Catalogue;
  href: string | null;
  anchor: string;
}

const SEVERITIES: Severity[] = ["error", "warning", "info"];

const num = (ctx: Ctx, n: number | null) => esc(formatNumber(ctx.t, n));

function pageLink(ctx: Ctx, page: number | null): string {
  if (page === null) return "";
  const label = esc(ctx.t.pageRef(page));
  if (!ctx.href) return `<span class="page">${label}</span>`;
  return `<a class="page" href="${esc(`${ctx.href}#page=${page}`)}">${label}</a>`;
}

/** Severity chips; the advisory checks raise no errors, so theirs leave the error chip out. */
function chips(t: Catalogue, c: Record<Severity, number>, withErrors = true): string {
  const chip = (sev: Severity) => `<span class="chip ${c[sev] === 0 ? "neutral" : sev}">${esc(count(c[sev], t.severity[sev]))}</span>`;
  return `<div class="chips">${(withErrors ? SEVERITIES : SEVERITIES.slice(1)).map(chip).join("")}</div>`;
}

/** The finding's table, row and column after its page link, worded as the text report does ("p. 3, tabella p3-t1, riga 2"). */
function placeSpan(ctx: Ctx, f: Finding): string {
  const ref = tableRef(ctx.t, f);
  return ref === "" ? "" : `${f.page === null ? "" : ", "}<span class="place">${esc(ref)}</span>`;
}

/** A finding as a list item: `li.finding` for the plan export's, `li.advisory-finding` for the report's own advisory checks. */
function findingItem(ctx: Ctx, f: Finding, cls = "finding"): string {
  const meaning = (ctx.t.codes as Record<string, string>)[f.code];
  return (
    `<li class="${cls} sev-${esc(f.severity)}" data-code="${esc(f.code)}">` +
    `<span><span class="badge">${esc(ctx.t.severity[f.severity].one)}</span></span>` +
    `<code${meaning ? ` title="${esc(meaning)}"` : ""}>${esc(f.code)}</code>` +
    `<span>${pageLink(ctx, f.page)}${placeSpan(ctx, f)}</span>` +
    `<span class="msg">${esc(f.message)}</span></li>`
  );
}

function unitId(ctx: Ctx, i: number): string {
  return `${ctx.anchor}-unit-${i + 1}`;
}

function unitFindings(u: UnitView): Finding[] {
  return [...u.findings, ...u.objectives.flatMap((o) => o.findings)];
}

function manager(t: Catalogue, u: { manager: string | null }): string {
  return ` <span class="manager">· ${esc(u.manager ? t.findings.manager(u.manager) : t.findings.noManager)}</span>`;
}

/** One row per unit: objectives, findings by severity and the weight totals (summary vs sheets). */
function overview(ctx: Ctx, p: PlanReport): string {
  const o = ctx.t.overview;
  if (p.units.length === 0) return `<p class="none">${esc(ctx.t.weights.noUnits)}</p>`;
  const rows = p.units.map((u, i) => {
    const f = unitFindings(u);
    const n = (sev: Finding["severity"]) => f.filter((x) => x.severity === sev).length;
    const cell = (k: number, cls: string) => `<td class="num">${k ? `<span class="count ${cls}">${k}</span>` : `<span class="zero">0</span>`}</td>`;
    const t = u.totals;
    return (
      `<tr><td><a href="#${unitId(ctx, i)}">${esc(unitTitle(u))}</a></td><td>${esc(u.manager ?? "—")}</td>` +
      `<td class="num">${u.objectives.length}</td><td class="num">${u.objectives.filter((x) => x.flagged).length}</td>` +
      cell(n("error"), "error") +
      cell(n("warning"), "warning") +
      cell(n("info"), "info") +
      `<td class="num"><span class="st ${esc(t.summaryStatus)}">${num(ctx, t.summary)}</span> / ${num(ctx, t.expected)}</td>` +
      `<td class="num"><span class="st ${esc(t.sheetStatus)}">${num(ctx, t.sheet)}</span></td></tr>`
    );
  });
  return (
    `<table class="overview"><thead><tr><th>${esc(o.unit)}</th><th>${esc(o.manager)}</th><th class="num">${esc(o.objectives)}</th>` +
    `<th class="num">${esc(o.flagged)}</th><th class="num">${esc(o.errors)}</th><th class="num">${esc(o.warnings)}</th><th class="num">${esc(o.info)}</th>` +
    `<th class="num">${esc(o.summaryTotal)}</th><th class="num">${esc(o.sheetTotal)}</th></tr></thead><tbody>${rows.join("")}</tbody></table>`
  );
}

/** The export's findings and the advisory checks' by severity, in one small table. */
function severityTable(ctx: Ctx, p: PlanReport, advisoryOn: boolean): string {
  const t = ctx.t;
  const row = (label: string, c: Record<Severity, number>, withErrors: boolean) =>
    `<tr><th>${esc(label)}</th>${SEVERITIES.map((s) => `<td class="num">${!withErrors && s === "error" ? "—" : c[s] ? `<span class="count ${s}">${c[s]}</span>` : `<span class="zero">0</span>`}</td>`).join("")}</tr>`;
  return (
    `<table class="severities"><thead><tr><th></th>${SEVERITIES.map((s) => `<th class="num">${esc(t.severity[s].many)}</th>`).join("")}</tr></thead><tbody>` +
    row(t.summary.exportFindings, p.counts.findings, true) +
    (advisoryOn ? row(t.summary.advisoryFindings, p.counts.advisory, false) : "") +
    `</tbody></table>`
  );
}

/** The summary page of a plan: units and weights, findings by severity, the year by unit. */
function summaryPage(ctx: Ctx, p: PlanReport, advisoryOn: boolean): string {
  const t = ctx.t;
  const charts = p.units.map((u, i) => {
    const chart = unitYearSvg(u.objectives, p.year, `${t.summary.yearTitle}: ${unitTitle(u)}`, t);
    return (
      `<div class="year-unit"><div class="otitle"><a href="#${unitId(ctx, i)}">${esc(unitTitle(u))}</a></div>` +
      (chart || `<p class="none">${esc(t.summary.noPhases)}</p>`) +
      `</div>`
    );
  });
  return (
    `<section class="summary"><h3>${esc(t.summary.title)}</h3>` +
    `<div class="summary-grid"><div><h4>${esc(t.summary.unitsTitle)}</h4>${overview(ctx, p)}</div>` +
    `<div><h4>${esc(t.summary.findingsTitle)}</h4>${severityTable(ctx, p, advisoryOn)}</div></div>` +
    (p.units.length
      ? `<h4>${esc(t.summary.yearTitle)}</h4><p class="legend">${esc(t.summary.yearNote)}</p><div class="year-charts">${charts.join("")}</div>`
      : "") +
    `</section>`
  );
}

function findingsSection(ctx: Ctx, p: PlanReport): string {
  const t = ctx.t;
  const out: string[] = [`<section class="findings-section"><h3>${esc(t.findings.title)}</h3>`];
  const total = p.counts.findings.error + p.counts.findings.warning + p.counts.findings.info;
  if (total === 0) return out.concat(`<p class="none">${esc(t.findings.noneHtml)}</p></section>`).join("");
  if (p.findings.length > 0)
    out.push(
      `<div class="findings-unit"><h4>${esc(t.findings.wholeDocument)}</h4><ul class="findings">${p.findings.map((f) => findingItem(ctx, f)).join("")}</ul></div>`,
    );
  p.units.forEach((u, i) => {
    const flagged = u.objectives.filter((o) => o.findings.length > 0);
    if (flagged.length === 0 && u.findings.length === 0) return;
    out.push(`<div class="findings-unit"><h4><a href="#${unitId(ctx, i)}">${esc(unitTitle(u))}</a>${manager(t, u)}</h4>`);
    if (u.findings.length) out.push(`<ul class="findings">${u.findings.map((f) => findingItem(ctx, f)).join("")}</ul>`);
    for (const o of flagged)
      out.push(
        `<div class="findings-objective"><div class="otitle clamp" title="${esc(o.title)}">${esc(o.number)}. ${esc(o.title)}</div>` +
          `<ul class="findings">${o.findings.map((f) => findingItem(ctx, f)).join("")}</ul></div>`,
      );
    out.push(`</div>`);
  });
  out.push(`</section>`);
  return out.join("");
}

/** The advisory findings in their own section, grouped by unit and objective, marked apart from the contract's. */
function advisorySection(ctx: Ctx, p: PlanReport): string {
  const t = ctx.t;
  const out: string[] = [`<section class="advisory"><h3>${esc(t.advisory.title)}</h3>`, `<p class="advisory-note">${t.advisory.noteHtml}</p>`];
  if (p.advisory.length === 0) return out.concat(`<p class="none">${esc(t.advisory.none)}</p></section>`).join("");
  out.push(chips(t, p.counts.advisory, false));
  const byUnit = new Map<string, Finding[]>();
  for (const f of p.advisory) byUnit.set(f.unit ?? "", [...(byUnit.get(f.unit ?? "") ?? []), f]);
  for (const [name, fs] of byUnit) {
    const i = p.units.findIndex((v) => v.name === name);
    const u = p.units[i];
    out.push(`<div class="findings-unit"><h4>${u ? `<a href="#${unitId(ctx, i)}">${esc(unitTitle(u))}</a>${manager(t, u)}` : esc(name)}</h4>`);
    const own = fs.filter((x) => x.objective === null);
    if (own.length) out.push(`<ul class="findings">${own.map((f) => findingItem(ctx, f, "advisory-finding")).join("")}</ul>`);
    for (const n of new Set(fs.filter((x) => x.objective !== null).map((x) => x.objective!))) {
      const title = u?.objectives.find((o) => o.number === n)?.title ?? "";
      out.push(
        `<div class="findings-objective"><div class="otitle clamp" title="${esc(title)}">${esc(n)}. ${esc(title)}</div>` +
          `<ul class="findings">${fs
            .filter((x) => x.objective === n)
            .map((f) => findingItem(ctx, f, "advisory-finding"))
            .join("")}</ul></div>`,
      );
    }
    out.push(`</div>`);
  }
  out.push(`</section>`);
  return out.join("");
}

/** A weight on the 0-100 scale, with the weight as written beside it where that reads otherwise ("15 (150/1000)"). */
function weightCell(ctx: Ctx, weight: number | null, text: string | null): string {
  const shown = formatNumber(ctx.t, weight);
  const written = text?.replace(/\s+/g, " ").trim() ?? "";
  // "15", "15%", "15/100", "15,0 %" say what the number says already.
  const plain = written.replace(/\s*(?:%|\/\s*100)$/, "").replace(",", ".");
  if (written === "" || plain === shown || Number(plain) === weight) return esc(shown);
  return `${esc(shown)} <span class="note" title="${esc(ctx.t.weights.asWritten)}">(${esc(written)})</span>`;
}

function weightTable(ctx: Ctx, u: UnitView): string {
  const w = ctx.t.weights;
  const rows = u.objectives.map((o) => {
    const pages = [o.summaryPage, o.sheetPage].map((pg) => pageLink(ctx, pg)).filter((s) => s !== "");
    return (
      `<tr class="${o.flagged ? "flagged" : ""}">` +
      `<td class="num">${esc(o.number)}</td>` +
      `<td><span class="clamp" title="${esc(o.title)}">${esc(o.title)}</span>${o.intersectoral ? `<span class="tag">${esc(w.intersectoral)}</span>` : ""}</td>` +
      `<td class="num">${weightCell(ctx, o.summaryWeight, o.summaryWeightText)}</td>` +
      `<td class="num">${weightCell(ctx, o.sheetWeight, o.sheetWeightText)}</td>` +
      `<td><span class="st ${esc(o.weightStatus)}">${esc(w.status[o.weightStatus])}</span></td>` +
      `<td class="num">${pages.join(" · ")}</td></tr>`
    );
  });
  const t = u.totals;
  const expected = t.expectedFrom === "declared" ? w.declaredRow(formatNumber(ctx.t, t.expected)) : w.expected(formatNumber(ctx.t, t.expected));
  rows.push(
    `<tr class="total"><td></td><td>${esc(w.total)} <span class="note">(${esc(expected)})</span></td>` +
      `<td class="num">${num(ctx, t.summary)}</td><td class="num">${num(ctx, t.sheet)}</td>` +
      `<td colspan="2"><span class="st ${esc(t.summaryStatus)}">${esc(w.summaryStatus[t.summaryStatus])}</span><br><span class="st ${esc(t.sheetStatus)}">${esc(w.sheetStatus[t.sheetStatus])}</span></td></tr>`,
  );
  return (
    `<table class="weights"><thead><tr><th class="num">${esc(w.number)}</th><th>${esc(w.objective)}</th><th class="num">${esc(w.summary)}</th>` +
    `<th class="num">${esc(w.sheet)}</th><th>${esc(w.check)}</th><th class="num">${esc(w.pages)}</th></tr></thead><tbody>${rows.join("")}</tbody></table>`
  );
}

function timeline(ctx: Ctx, p: PlanReport, u: UnitView, unitIndex: number): string {
  const t = ctx.t;
  // Every objective with a sheet (weightStatus "no-sheet" means the summary row has none).
  const withSheet = u.objectives.filter((o) => o.weightStatus !== "no-sheet");
  if (withSheet.length === 0) return `<p class="none">${esc(t.timeline.noSheets)}</p>`;
  const cards = withSheet.map((o, k) => {
    const chart = ganttSvg(o.phases, p.year, t.timeline.caption(`${o.number}: ${o.title}`), t);
    return (
      `<div class="gantt-card" id="${unitId(ctx, unitIndex)}-sheet-${k + 1}">` +
      `<div class="otitle"><span class="clamp" title="${esc(o.title)}">${esc(o.number)}. ${esc(o.title)}</span>` +
      `<span class="pg">${o.intersectoral ? `<span class="tag">${esc(t.weights.intersectoral)}</span> ` : ""}${pageLink(ctx, o.sheetPage)}</span></div>` +
      (chart || `<p class="none">${esc(t.timeline.noPhases)}</p>`) +
      `</div>`
    );
  });
  return `<div class="timeline">${cards.join("")}</div>`;
}

/** A unit's weights and timelines; the first unit carries the heading of them all, so that a printed page never holds the heading alone. */
function unitSection(ctx: Ctx, p: PlanReport, u: UnitView, i: number, heading: string | null): string {
  const t = ctx.t;
  // A unit whose objectives weigh nothing anywhere (WEIGHTS_ABSENT, a unit with no objectives) has no chart to draw.
  const weighted = u.totals.summaryCount + u.totals.sheetCount > 0;
  return (
    `<section class="unit" id="${unitId(ctx, i)}">${heading === null ? "" : `<h3 class="units-title">${esc(heading)}</h3>`}<h4>${esc(unitTitle(u))}${manager(t, u)}</h4>` +
    `<div class="unit-grid"><div>${weightTable(ctx, u)}</div>` +
    `<div>${weighted ? weightBarsSvg(u, t.weights.chartCaption(unitTitle(u)), t) : `<p class="none">${esc(t.weights.noWeights)}</p>`}</div></div>` +
    `<h4>${esc(t.timeline.title)}</h4>${timeline(ctx, p, u, i)}</section>`
  );
}

function changeRow(ctx: Ctx, c: ObjectiveChange): string {
  const ch = ctx.t.changes;
  const weight = (w: number | null) => esc(ch.weight(formatNumber(ctx.t, w)));
  if (c.status === "added")
    return `<tr><td class="kind added">${esc(ch.added)}</td><td class="num">${esc(c.number)}</td><td>${esc(c.title)}</td><td class="num">${weight(c.weight)}</td></tr>`;
  if (c.status === "dropped")
    return `<tr><td class="kind dropped">${esc(ch.dropped)}</td><td class="num">${esc(c.previousNumber)}</td><td>${esc(c.previousTitle)}</td><td class="num">${weight(c.previousWeight)}</td></tr>`;
  const items: string[] = [];
  if (c.renumbered) items.push(esc(ch.renumbered(String(c.previousNumber))));
  if (c.reweighted) items.push(esc(ch.reweighted(formatNumber(ctx.t, c.previousWeight), formatNumber(ctx.t, c.weight))));
  if (c.retitled) items.push(`${esc(ch.retitled)} <span class="old">${esc(c.previousTitle)}</span>`);
  for (const i of c.indicatorsAdded) items.push(`${esc(ch.indicatorAdded)}: ${esc(i)}`);
  for (const i of c.indicatorsRemoved) items.push(`${esc(ch.indicatorRemoved)}: <span class="old">${esc(i)}</span>`);
  return (
    `<tr><td class="kind changed">${esc(ch.changed)}</td><td class="num">${esc(c.number)}</td>` +
    `<td>${esc(c.title)}<ul class="delta">${items.map((s) => `<li>${s}</li>`).join("")}</ul></td>` +
    `<td class="num">${weight(c.weight)}</td></tr>`
  );
}

function unitChangesLabel(t: Catalogue, u: UnitChanges): string {
  if (u.status === "added") return `${esc(u.unit)} <span class="manager">· ${esc(t.changes.newUnit)}</span>`;
  if (u.status === "dropped") return `${esc(u.previousUnit)} <span class="manager">· ${esc(t.changes.goneUnit)}</span>`;
  return u.unit === u.previousUnit ? esc(u.unit) : `${esc(u.unit)} <span class="manager">· ${esc(t.changes.was(u.previousUnit ?? ""))}</span>`;
}

function changesSection(ctx: Ctx, ch: YearChanges | null, title: string, cls: string): string {
  if (!ch) return "";
  const t = ctx.t;
  const id = ch.previous.planId === null ? "" : t.head.databasePlanNote(String(ch.previous.planId));
  const out = [
    `<section class="changes ${cls}"><h3>${esc(title)}</h3>`,
    `<p class="changes-summary">${esc(t.changes.comparedWith(`${ch.previous.sourcePath}${id}`))}: ${esc(t.changes.counts(ch.counts))}.</p>`,
  ];
  for (const u of ch.units) {
    if (u.changes.length === 0) continue;
    out.push(
      `<h4>${unitChangesLabel(t, u)}</h4><table class="changes"><colgroup><col class="c-kind"><col class="c-num"><col><col class="c-weight"></colgroup>` +
        `<tbody>${u.changes.map((c) => changeRow(ctx, c)).join("")}</tbody></table>`,
    );
  }
  out.push(`</section>`);
  return out.join("");
}

/** Where the nucleo / OIV signs the printed report. */
function signature(t: Catalogue): string {
  return (
    `<div class="sign"><p>${esc(t.sign.title)}</p>` +
    `<div class="sign-lines"><span>${esc(t.sign.place)}</span><span>${esc(t.sign.signature)}</span></div></div>`
  );
}

function planSection(t: Catalogue, p: PlanReport, index: number, options: RenderHtmlOptions, advisoryOn: boolean): string {
  const rel = options.sourceHref?.(p, index) ?? null;
  const ctx: Ctx = { t, href: p.source.format === "pdf" && rel ? fileHref(rel) : null, anchor: `plan-${index + 1}` };
  const pages = p.source.pageCount === null ? "" : `, ${count(p.source.pageCount, t.noun.page)}`;
  const sourceName = rel ? `<a href="${esc(fileHref(rel))}">${esc(p.source.path)}</a>` : esc(p.source.path);
  const flagged = p.units.reduce((n, u) => n + u.objectives.filter((o) => o.flagged).length, 0);
  const year = p.changes?.previous.year;
  return (
    `<section class="plan" id="${ctx.anchor}"><div class="plan-head"><div>` +
    `<h2>${esc(p.organization ?? t.unknownBody)} <span class="year">${esc(planYears(p) ?? t.yearUnknown)}</span></h2>` +
    `<dl class="meta"><dt>${esc(t.head.plan)}</dt><dd>${esc(kindAndPeriod(p, t))}</dd>` +
    `<dt>${esc(t.head.source)}</dt><dd>${sourceName} (${esc(p.source.format)}${esc(pages)})</dd>` +
    (p.planId === null ? "" : `<dt>${esc(t.head.databasePlan)}</dt><dd>${esc(p.planId)}</dd>`) +
    `<dt>sha256</dt><dd><code>${esc(p.source.sha256)}</code></dd>` +
    `<dt>${esc(t.head.contents)}</dt><dd>${esc(t.head.contentsValue(count(p.counts.units, t.noun.unit), count(p.counts.objectives, t.noun.objective), flagged))}</dd></dl>` +
    `</div>${chips(t, p.counts.findings)}</div>` +
    summaryPage(ctx, p, advisoryOn) +
    findingsSection(ctx, p) +
    (advisoryOn ? advisorySection(ctx, p) : "") +
    (p.units.length
      ? p.units.map((u, i) => unitSection(ctx, p, u, i, i === 0 ? t.weights.sectionHtml : null)).join("")
      : `<h3 class="units-title">${esc(t.weights.sectionHtml)}</h3><p class="none">${esc(t.weights.noUnits)}</p>`) +
    changesSection(ctx, p.changes, year == null ? t.changes.sincePrevious : t.changes.sinceYear(String(year)), "year-over-year") +
    changesSection(ctx, p.variation, t.changes.sinceVersion, "variation") +
    signature(t) +
    `</section>`
  );
}

export function renderHtml(given: Report, options: RenderHtmlOptions = {}): string {
  const report = inertReport(given);
  const t = catalogue(report.settings.lang);
  const tt = report.totals;
  const first = report.plans[0];
  const title =
    report.plans.length === 1 && first
      ? t.reportTitleOne(first.organization ?? t.unknownBody, planYears(first) ?? "")
      : t.reportTitleMany(count(report.plans.length, t.noun.plan));
  const unreadable = report.unreadable.length
    ? `<section class="plan unreadable"><h3>${esc(t.unreadable.title)}</h3><ul>${report.unreadable.map((u) => `<li><code>${esc(u.file)}</code>: ${esc(u.reason)}</li>`).join("")}</ul></section>`
    : "";
  return (
    `<!doctype html>\n<html lang="${t.lang}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${esc(title)}</title><style>${REPORT_CSS}</style></head><body>` +
    `<header class="top"><h1>${esc(title)}</h1><p>piao check · ${esc(count(tt.plans, t.noun.plan))} · ${esc(severityCounts(t, tt.findings))}` +
    (report.settings.advisory ? ` · ${esc(t.totals.advisoryHead(severityCounts(t, tt.advisory, false)))}` : "") +
    `${tt.unreadable ? ` · ${esc(t.totals.unreadableFiles(count(tt.unreadable, t.noun.file)))}` : ""} · ${esc(t.totals.weightsExpected(formatNumber(t, report.settings.expectedTotal)))}</p></header>` +
    `<main>${report.plans.map((p, i) => planSection(t, p, i, options, report.settings.advisory)).join("")}${unreadable}` +
    (report.plans.length === 0 ? `<p class="none">${esc(t.totals.noPlans)}</p>` : "") +
    `</main><footer>${esc(t.generatedBy(report.reportVersion))}</footer></body></html>\n`
  );
}
