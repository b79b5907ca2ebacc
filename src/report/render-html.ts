/**
 * The report as ONE self-contained HTML file: inline CSS, inline SVG, no
 * scripts and no external requests, so it opens offline and can be mailed.
 * Every text from a plan goes through esc(). Page references of a PDF source
 * link to `SOURCE.pdf#page=N`, relative to where the report is written (the
 * caller works that path out; see RenderHtmlOptions.sourceHref).
 */
import type { Finding, ObjectiveChange, PlanReport, Report, UnitChanges, UnitView, WeightStatus, YearChanges } from "./report-model.js";
import { esc, fileHref } from "./html-escape.js";
import { REPORT_CSS } from "./html-style.js";
import { ADVISORY_TITLE } from "./advisory-rules.js";
import { ganttSvg } from "./gantt-svg.js";
import { weightBarsSvg } from "./weight-bars-svg.js";
import { kindAndPeriod, planYears, unitTitle } from "./plan-labels.js";
import { formatWeight, plural } from "./text-layout.js";

export interface RenderHtmlOptions {
  /**
   * The source document's path relative to the report file (or null for no
   * links), per plan. Only PDF sources get `#page=N` links.
   */
  sourceHref?: (plan: PlanReport, index: number) => string | null;
}

const STATUS_LABEL: Record<WeightStatus, string> = {
  match: "ok",
  mismatch: "mismatch",
  "no-sheet": "no sheet",
  "no-summary": "no summary row",
  "no-weight": "blank weight",
};

interface Ctx {
  href: string | null;
  anchor: string;
}

function pageLink(ctx: Ctx, page: number | null): string {
  if (page === null) return "";
  if (!ctx.href) return `<span class="page">p. ${page}</span>`;
  return `<a class="page" href="${esc(`${ctx.href}#page=${page}`)}">p. ${page}</a>`;
}

/** Severity chips; the advisory checks raise no errors, so theirs leave the error chip out. */
function chips(c: { error: number; warning: number; info: number }, withErrors = true): string {
  const chip = (cls: string, n: number, one: string, many: string) =>
    `<span class="chip ${n === 0 ? "neutral" : cls}">${esc(plural(n, one, many))}</span>`;
  return `<div class="chips">${withErrors ? chip("error", c.error, "error", "errors") : ""}${chip("warning", c.warning, "warning", "warnings")}${chip("info", c.info, "info", "info")}</div>`;
}

/** A finding as a list item: `li.finding` for the plan export's, `li.advisory-finding` for the report's own advisory checks. */
function findingItem(ctx: Ctx, f: Finding, cls = "finding"): string {
  return (
    `<li class="${cls} sev-${esc(f.severity)}" data-code="${esc(f.code)}">` +
    `<span><span class="badge">${esc(f.severity)}</span></span>` +
    `<code>${esc(f.code)}</code>` +
    `<span>${pageLink(ctx, f.page)}</span>` +
    `<span class="msg">${esc(f.message)}</span></li>`
  );
}

function unitId(ctx: Ctx, i: number): string {
  return `${ctx.anchor}-unit-${i + 1}`;
}

function unitFindings(u: UnitView): Finding[] {
  return [...u.findings, ...u.objectives.flatMap((o) => o.findings)];
}

/** One row per unit: the dashboard a reader scans before the details. */
function overview(ctx: Ctx, p: PlanReport): string {
  if (p.units.length === 0) return "";
  const rows = p.units.map((u, i) => {
    const f = unitFindings(u);
    const n = (sev: Finding["severity"]) => f.filter((x) => x.severity === sev).length;
    const cell = (count: number, cls: string) => `<td class="num">${count ? `<span class="count ${cls}">${count}</span>` : `<span class="zero">0</span>`}</td>`;
    const t = u.totals;
    return (
      `<tr><td><a href="#${unitId(ctx, i)}">${esc(unitTitle(u))}</a></td><td>${esc(u.manager ?? "—")}</td>` +
      `<td class="num">${u.objectives.length}</td><td class="num">${u.objectives.filter((o) => o.flagged).length}</td>` +
      cell(n("error"), "error") + cell(n("warning"), "warning") + cell(n("info"), "info") +
      `<td class="num"><span class="st ${esc(t.summaryStatus)}">${esc(formatWeight(t.summary))}</span> / ${esc(formatWeight(t.expected))}</td>` +
      `<td class="num"><span class="st ${esc(t.sheetStatus)}">${esc(formatWeight(t.sheet))}</span></td></tr>`
    );
  });
  return (
    `<h3>Overview</h3><table class="overview"><thead><tr><th>Unit</th><th>Manager</th><th class="num">Objectives</th>` +
    `<th class="num">Flagged</th><th class="num">Errors</th><th class="num">Warnings</th><th class="num">Info</th>` +
    `<th class="num">Summary total</th><th class="num">Sheet total</th></tr></thead><tbody>${rows.join("")}</tbody></table>`
  );
}

function findingsSection(ctx: Ctx, p: PlanReport): string {
  const out: string[] = [`<h3>Findings by unit and objective</h3>`];
  const total = p.counts.findings.error + p.counts.findings.warning + p.counts.findings.info;
  if (total === 0) return out.concat(`<p class="none">No findings.</p>`).join("");
  if (p.findings.length > 0)
    out.push(`<div class="findings-unit"><h4>Whole document</h4><ul class="findings">${p.findings.map((f) => findingItem(ctx, f)).join("")}</ul></div>`);
  p.units.forEach((u, i) => {
    const flagged = u.objectives.filter((o) => o.findings.length > 0);
    if (flagged.length === 0 && u.findings.length === 0) return;
    out.push(`<div class="findings-unit"><h4><a href="#${unitId(ctx, i)}">${esc(unitTitle(u))}</a>${manager(u)}</h4>`);
    if (u.findings.length) out.push(`<ul class="findings">${u.findings.map((f) => findingItem(ctx, f)).join("")}</ul>`);
    for (const o of flagged)
      out.push(
        `<div class="findings-objective"><div class="otitle clamp" title="${esc(o.title)}">${esc(o.number)}. ${esc(o.title)}</div>` +
          `<ul class="findings">${o.findings.map((f) => findingItem(ctx, f)).join("")}</ul></div>`,
      );
    out.push(`</div>`);
  });
  return out.join("");
}

/** The advisory findings in their own section, grouped by unit and objective, marked apart from the contract's. */
function advisorySection(ctx: Ctx, p: PlanReport): string {
  const out: string[] = [
    `<section class="advisory"><h3>${esc(ADVISORY_TITLE)}</h3>`,
    `<p class="advisory-note">Candidate rules of the domain notes (R4, R6, R8, R9, R17), computed by the report from the plan; ` +
      `not findings of the plan export. <code>--fail-on</code> counts them only with <code>--fail-on-advisory</code>.</p>`,
  ];
  if (p.advisory.length === 0) return out.concat(`<p class="none">No advisory findings.</p></section>`).join("");
  out.push(chips(p.counts.advisory, false));
  const byUnit = new Map<string, Finding[]>();
  for (const f of p.advisory) byUnit.set(f.unit ?? "", [...(byUnit.get(f.unit ?? "") ?? []), f]);
  for (const [name, fs] of byUnit) {
    const i = p.units.findIndex((v) => v.name === name);
    const u = p.units[i];
    out.push(`<div class="findings-unit"><h4>${u ? `<a href="#${unitId(ctx, i)}">${esc(unitTitle(u))}</a>${manager(u)}` : esc(name)}</h4>`);
    const own = fs.filter((x) => x.objective === null);
    if (own.length) out.push(`<ul class="findings">${own.map((f) => findingItem(ctx, f, "advisory-finding")).join("")}</ul>`);
    for (const n of new Set(fs.filter((x) => x.objective !== null).map((x) => x.objective!))) {
      const title = u?.objectives.find((o) => o.number === n)?.title ?? "";
      out.push(
        `<div class="findings-objective"><div class="otitle clamp" title="${esc(title)}">${esc(n)}. ${esc(title)}</div>` +
          `<ul class="findings">${fs.filter((x) => x.objective === n).map((f) => findingItem(ctx, f, "advisory-finding")).join("")}</ul></div>`,
      );
    }
    out.push(`</div>`);
  }
  out.push(`</section>`);
  return out.join("");
}

function manager(u: { manager: string | null }): string {
  return u.manager ? ` <span class="manager">· resp. ${esc(u.manager)}</span>` : ` <span class="manager">· no manager named</span>`;
}

/** A weight on the 0-100 scale, with the weight as written beside it where that reads otherwise ("15 (150/1000)"). */
function weightCell(weight: number | null, text: string | null): string {
  const shown = formatWeight(weight);
  const written = text?.replace(/\s+/g, " ").trim() ?? "";
  // "15", "15%", "15/100", "15,0 %" say what the number says already.
  const plain = written.replace(/\s*(?:%|\/\s*100)$/, "").replace(",", ".");
  if (written === "" || plain === shown || Number(plain) === weight) return esc(shown);
  return `${esc(shown)} <span class="note" title="as written">(${esc(written)})</span>`;
}

function weightTable(ctx: Ctx, u: UnitView): string {
  const rows = u.objectives.map((o) => {
    const pages = [o.summaryPage, o.sheetPage].map((pg) => pageLink(ctx, pg)).filter((s) => s !== "");
    return (
      `<tr class="${o.flagged ? "flagged" : ""}">` +
      `<td class="num">${esc(o.number)}</td>` +
      `<td><span class="clamp" title="${esc(o.title)}">${esc(o.title)}</span>${o.intersectoral ? `<span class="tag">INTERSETTORIALE</span>` : ""}</td>` +
      `<td class="num">${weightCell(o.summaryWeight, o.summaryWeightText)}</td>` +
      `<td class="num">${weightCell(o.sheetWeight, o.sheetWeightText)}</td>` +
      `<td><span class="st ${esc(o.weightStatus)}">${esc(STATUS_LABEL[o.weightStatus])}</span></td>` +
      `<td class="num">${pages.join(" · ")}</td></tr>`
    );
  });
  const t = u.totals;
  const expected = t.expectedFrom === "declared" ? `TOTALE row ${formatWeight(t.expected)}` : `expected ${formatWeight(t.expected)}`;
  const summarySt = { ok: "summary ok", off: "summary off", none: "no summary weights" }[t.summaryStatus];
  const sheetSt = { ok: "sheets ok", off: "sheets off", incomplete: "sheets incomplete", none: "no sheet weights" }[t.sheetStatus];
  rows.push(
    `<tr class="total"><td></td><td>Total <span class="note">(${esc(expected)})</span></td>` +
      `<td class="num">${esc(formatWeight(t.summary))}</td><td class="num">${esc(formatWeight(t.sheet))}</td>` +
      `<td colspan="2"><span class="st ${esc(t.summaryStatus)}">${esc(summarySt)}</span><br><span class="st ${esc(t.sheetStatus)}">${esc(sheetSt)}</span></td></tr>`,
  );
  return (
    `<table class="weights"><thead><tr><th class="num">N.</th><th>Objective</th><th class="num">Summary</th>` +
    `<th class="num">Sheet</th><th>Check</th><th class="num">Pages</th></tr></thead><tbody>${rows.join("")}</tbody></table>`
  );
}

function timeline(ctx: Ctx, p: PlanReport, u: UnitView, unitIndex: number): string {
  // Every objective with a sheet (weightStatus "no-sheet" means the summary row has none).
  const withSheet = u.objectives.filter((o) => o.weightStatus !== "no-sheet");
  if (withSheet.length === 0) return `<p class="none">No objective sheets, so no timeline.</p>`;
  const cards = withSheet.map((o, k) => {
    const caption = `Gantt of objective ${o.number}: ${o.title}`;
    const chart = ganttSvg(o.phases, p.year, caption);
    return (
      `<div class="gantt-card" id="${unitId(ctx, unitIndex)}-sheet-${k + 1}">` +
      `<div class="otitle"><span class="clamp" title="${esc(o.title)}">${esc(o.number)}. ${esc(o.title)}</span>` +
      `<span class="pg">${o.intersectoral ? `<span class="tag">INTERSETTORIALE</span> ` : ""}${pageLink(ctx, o.sheetPage)}</span></div>` +
      (chart || `<p class="none">No phases on the sheet.</p>`) +
      `</div>`
    );
  });
  return `<div class="timeline">${cards.join("")}</div>`;
}

function unitSection(ctx: Ctx, p: PlanReport, u: UnitView, i: number): string {
  // A unit whose objectives weigh nothing anywhere (WEIGHTS_ABSENT, a unit with no objectives) has no chart to draw.
  const weighted = u.totals.summaryCount + u.totals.sheetCount > 0;
  return (
    `<section class="unit" id="${unitId(ctx, i)}"><h4>${esc(unitTitle(u))}${manager(u)}</h4>` +
    `<div class="unit-grid"><div>${weightTable(ctx, u)}</div>` +
    `<div>${weighted ? weightBarsSvg(u, `Weights of ${unitTitle(u)}: summary sheet vs objective sheet`) : `<p class="none">No weights in this unit: nothing to chart.</p>`}</div></div>` +
    `<h4>Timeline</h4>${timeline(ctx, p, u, i)}</section>`
  );
}

function changeRow(c: ObjectiveChange): string {
  if (c.status === "added")
    return `<tr><td class="kind added">added</td><td class="num">${esc(c.number)}</td><td>${esc(c.title)}</td><td class="num">weight ${esc(formatWeight(c.weight))}</td></tr>`;
  if (c.status === "dropped")
    return `<tr><td class="kind dropped">dropped</td><td class="num">${esc(c.previousNumber)}</td><td>${esc(c.previousTitle)}</td><td class="num">weight ${esc(formatWeight(c.previousWeight))}</td></tr>`;
  const items: string[] = [];
  if (c.renumbered) items.push(`renumbered: was ${esc(c.previousNumber)}`);
  if (c.reweighted) items.push(`reweighted: ${esc(formatWeight(c.previousWeight))} → ${esc(formatWeight(c.weight))}`);
  if (c.retitled) items.push(`retitled: was <span class="old">${esc(c.previousTitle)}</span>`);
  for (const i of c.indicatorsAdded) items.push(`indicator added: ${esc(i)}`);
  for (const i of c.indicatorsRemoved) items.push(`indicator removed: <span class="old">${esc(i)}</span>`);
  return (
    `<tr><td class="kind changed">changed</td><td class="num">${esc(c.number)}</td>` +
    `<td>${esc(c.title)}<ul class="delta">${items.map((s) => `<li>${s}</li>`).join("")}</ul></td>` +
    `<td class="num">weight ${esc(formatWeight(c.weight))}</td></tr>`
  );
}

function unitChangesLabel(u: UnitChanges): string {
  if (u.status === "added") return `${esc(u.unit)} <span class="manager">· new unit</span>`;
  if (u.status === "dropped") return `${esc(u.previousUnit)} <span class="manager">· no longer in the plan</span>`;
  return u.unit === u.previousUnit ? esc(u.unit) : `${esc(u.unit)} <span class="manager">· was ${esc(u.previousUnit)}</span>`;
}

function changesSection(ch: YearChanges | null, title: string, cls: string): string {
  if (!ch) return "";
  const n = ch.counts;
  const out = [
    `<section class="changes ${cls}"><h3>${esc(title)}</h3>`,
    `<p class="changes-summary">Compared with ${esc(ch.previous.sourcePath)}${ch.previous.planId === null ? "" : ` (database plan ${esc(ch.previous.planId)})`}: ` +
      `${n.added} added, ${n.dropped} dropped, ${n.reweighted} reweighted, ${n.retitled} retitled, ${n.renumbered} renumbered, ` +
      `${n.indicatorsChanged} with indicator changes, ${n.unchanged} unchanged.</p>`,
  ];
  for (const u of ch.units) {
    if (u.changes.length === 0) continue;
    out.push(`<h4>${unitChangesLabel(u)}</h4><table class="changes"><colgroup><col class="c-kind"><col class="c-num"><col><col class="c-weight"></colgroup><tbody>${u.changes.map(changeRow).join("")}</tbody></table>`);
  }
  out.push(`</section>`);
  return out.join("");
}

function planSection(p: PlanReport, index: number, options: RenderHtmlOptions, advisoryOn: boolean): string {
  const rel = options.sourceHref?.(p, index) ?? null;
  const ctx: Ctx = { href: p.source.format === "pdf" && rel ? fileHref(rel) : null, anchor: `plan-${index + 1}` };
  const pages = p.source.pageCount === null ? "" : `, ${plural(p.source.pageCount, "page", "pages")}`;
  const sourceName = rel ? `<a href="${esc(fileHref(rel))}">${esc(p.source.path)}</a>` : esc(p.source.path);
  const flagged = p.units.reduce((n, u) => n + u.objectives.filter((o) => o.flagged).length, 0);
  return (
    `<section class="plan" id="${ctx.anchor}"><div class="plan-head"><div>` +
    `<h2>${esc(p.organization ?? "Unknown body")} <span class="year">${esc(planYears(p) ?? "year unknown")}</span></h2>` +
    `<dl class="meta"><dt>Plan</dt><dd>${esc(kindAndPeriod(p))}</dd>` +
    `<dt>Source</dt><dd>${sourceName} (${esc(p.source.format)}${esc(pages)})</dd>` +
    (p.planId === null ? "" : `<dt>Database plan</dt><dd>${esc(p.planId)}</dd>`) +
    `<dt>sha256</dt><dd><code>${esc(p.source.sha256)}</code></dd>` +
    `<dt>Contents</dt><dd>${esc(plural(p.counts.units, "unit", "units"))}, ${esc(plural(p.counts.objectives, "objective", "objectives"))}, ${flagged} flagged</dd></dl>` +
    `</div>${chips(p.counts.findings)}</div>` +
    overview(ctx, p) +
    findingsSection(ctx, p) +
    (advisoryOn ? advisorySection(ctx, p) : "") +
    `<h3>Weights and timelines by unit</h3>` +
    (p.units.length ? p.units.map((u, i) => unitSection(ctx, p, u, i)).join("") : `<p class="none">No units.</p>`) +
    changesSection(p.changes, `Changes since ${p.changes?.previous.year ?? "the previous plan"}`, "year-over-year") +
    changesSection(p.variation, "Changes since the earlier version of this plan", "variation") +
    `</section>`
  );
}

export function renderHtml(report: Report, options: RenderHtmlOptions = {}): string {
  const t = report.totals;
  const first = report.plans[0];
  const title =
    report.plans.length === 1 && first
      ? `Consistency report: ${first.organization ?? "unknown body"} ${planYears(first) ?? ""}`.trim()
      : `Consistency report: ${plural(report.plans.length, "plan", "plans")}`;
  const unreadable = report.unreadable.length
    ? `<section class="plan unreadable"><h3>Unreadable input</h3><ul>${report.unreadable.map((u) => `<li><code>${esc(u.file)}</code>: ${esc(u.reason)}</li>`).join("")}</ul></section>`
    : "";
  return (
    `<!doctype html>\n<html lang="en"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${esc(title)}</title><style>${REPORT_CSS}</style></head><body>` +
    `<header class="top"><h1>${esc(title)}</h1><p>piao check · ${esc(plural(t.plans, "plan", "plans"))} · ` +
    `${esc(plural(t.findings.error, "error", "errors"))}, ${esc(plural(t.findings.warning, "warning", "warnings"))}, ${t.findings.info} info` +
    (report.settings.advisory
      ? ` · advisory: ${esc(plural(t.advisory.warning, "warning", "warnings"))}, ${t.advisory.info} info`
      : "") +
    `${t.unreadable ? ` · ${esc(plural(t.unreadable, "file", "files"))} unreadable` : ""} · weights expected to total ${esc(formatWeight(report.settings.expectedTotal))} unless a TOTALE row says otherwise</p></header>` +
    `<main>${report.plans.map((p, i) => planSection(p, i, options, report.settings.advisory)).join("")}${unreadable}` +
    (report.plans.length === 0 ? `<p class="none">No plans to report.</p>` : "") +
    `</main><footer>Generated by piao check (report version ${report.reportVersion}).</footer></body></html>\n`
  );
}
