/**
 * The report for a terminal or a text file: sections per plan (header, findings
 * by unit and objective, advisory checks, weights per unit, changes since the previous year),
 * at most `width` columns (default 96), in the report's language (catalogue).
 * Colour only when asked (a TTY). Plan text is made inert first (inert-text.ts):
 * no control character or escape sequence of a plan reaches the terminal.
 */
import type { Finding, ObjectiveChange, PlanReport, Report, UnitChanges, UnitView, WeightTotals, YearChanges } from "./report-model.js";
import type { Catalogue } from "./i18n/catalogue.js";
import { catalogue, count, formatNumber, severityCounts } from "./i18n/format.js";
import { inertReport } from "./inert-text.js";
import { placeRef } from "./finding-place.js";
import { kindAndPeriod, planYears, unitTitle } from "./plan-labels.js";
import { padEnd, padStart, truncate, wrap } from "./text-layout.js";

export interface TextOptions {
  width?: number;
  color?: boolean;
}

const ANSI = { error: "\x1b[31;1m", warning: "\x1b[33m", info: "\x1b[36m", bold: "\x1b[1m", reset: "\x1b[0m" };

class Out {
  readonly lines: string[] = [];
  constructor(
    readonly width: number,
    readonly color: boolean,
    readonly t: Catalogue,
  ) {}
  push(line = ""): void {
    this.lines.push(line.trimEnd());
  }
  paint(text: string, style: keyof typeof ANSI): string {
    return this.color ? ANSI[style] + text + ANSI.reset : text;
  }
  heading(text: string, rule: string): void {
    this.push(this.paint(text, "bold"));
    this.push(rule.repeat(Math.min(this.width, [...text].length)));
  }
  /** "  Label     value", the value wrapped under itself. */
  labelled(label: string, value: string): void {
    const lead = "  " + padEnd(label, 10);
    wrap(value, this.width - lead.length).forEach((l, i) => this.push((i === 0 ? lead : " ".repeat(lead.length)) + l));
  }
  /** Text wrapped at `indent`; continuation lines `hang` further in. */
  para(indent: number, text: string, hang = 0): void {
    const [first, ...rest] = wrap(text, this.width - indent);
    if (first !== undefined) this.push(" ".repeat(indent) + first);
    for (const l of wrap(rest.join(" "), this.width - indent - hang)) this.push(" ".repeat(indent + hang) + l);
  }
  num(n: number | null): string {
    return formatNumber(this.t, n);
  }
}

function planTitle(t: Catalogue, p: PlanReport): string {
  const org = p.organization ?? t.unknownBody;
  const years = planYears(p);
  return years === null ? t.planOfUnknownYear(org) : t.planTitle(org, years);
}

function header(out: Out, p: PlanReport, advisoryOn: boolean): void {
  const t = out.t;
  out.push(out.paint(planTitle(t, p), "bold"));
  out.push("=".repeat(out.width));
  const pages = p.source.pageCount === null ? "" : `, ${count(p.source.pageCount, t.noun.page)}`;
  const id = p.planId === null ? "" : t.head.databasePlanNote(String(p.planId));
  // Paths from a database can be long: wrapped under the label, not past the width.
  out.labelled(t.head.source, `${p.source.path} (${p.source.format}${pages})${id}`);
  out.labelled("sha256", p.source.sha256);
  out.labelled(t.head.plan, kindAndPeriod(p, t));
  const flagged = p.units.reduce((n, u) => n + u.objectives.filter((o) => o.flagged).length, 0);
  out.labelled(t.head.contents, t.head.contentsValue(count(p.counts.units, t.noun.unit), count(p.counts.objectives, t.noun.objective), flagged));
  out.labelled(t.head.findings, severityCounts(t, p.counts.findings));
  if (advisoryOn) out.labelled(t.head.advisory, `${severityCounts(t, p.counts.advisory, false)} ${t.head.advisoryNote}`);
  out.push();
}

/** One line per unit: what a reader scans before the details. */
function overview(out: Out, p: PlanReport): void {
  const t = out.t;
  if (p.units.length === 0) return;
  out.heading(t.overview.title, "-");
  const o = t.overview;
  const cols = [
    [o.objectivesShort, 5],
    [o.flagged, 12],
    [o.errorsShort, 5],
    [o.warningsShort, 6],
    [o.infoShort, 5],
    [o.summaryShort, 10],
    [o.sheetShort, 8],
  ] as const;
  const nameW = out.width - 2 - cols.reduce((n, [, w]) => n + w, 0);
  out.push(`  ${padEnd(o.unit, nameW)}${cols.map(([h, w]) => padStart(h, w)).join("")}`);
  for (const u of p.units) {
    const all = [...u.findings, ...u.objectives.flatMap((x) => x.findings)];
    const n = (sev: Finding["severity"]) => String(all.filter((f) => f.severity === sev).length);
    const tt = u.totals;
    const summary = `${out.num(tt.summary)}/${out.num(tt.expected)}${tt.summaryStatus === "off" ? "!" : ""}`;
    const sheet = `${out.num(tt.sheet)}${tt.sheetStatus === "off" ? "!" : ""}`;
    const values = [String(u.objectives.length), String(u.objectives.filter((x) => x.flagged).length), n("error"), n("warning"), n("info"), summary, sheet];
    out.push(`  ${padEnd(truncate(unitTitle(u), nameW - 2), nameW)}${values.map((v, i) => padStart(v, cols[i]![1])).join("")}`);
  }
  out.push(`  ${o.offNote}`);
  out.push();
}

function finding(out: Out, f: Finding, indent: number): void {
  const sev = padEnd(out.t.severityTag[f.severity], 8);
  const ref = placeRef(out.t, f);
  out.push(`${" ".repeat(indent)}${out.paint(sev, f.severity)}${f.code}${ref ? "  " + ref : ""}`);
  out.para(indent + 2, f.message);
}

function unitLabel(t: Catalogue, u: { number: number | null; name: string; manager: string | null }): string {
  return `${unitTitle(u)} (${u.manager ? t.findings.manager(u.manager) : t.findings.noManager})`;
}

function findingsSection(out: Out, p: PlanReport): void {
  const t = out.t;
  out.heading(t.findings.title, "-");
  const total = p.counts.findings.error + p.counts.findings.warning + p.counts.findings.info;
  if (total === 0) {
    out.push(`  ${t.findings.none}`);
    out.push();
    return;
  }
  if (p.findings.length > 0) {
    out.push(t.findings.wholeDocument);
    for (const f of p.findings) finding(out, f, 2);
  }
  for (const u of p.units) {
    const flagged = u.objectives.filter((o) => o.findings.length > 0);
    if (flagged.length === 0 && u.findings.length === 0) continue;
    out.push(out.paint(truncate(unitLabel(t, u), out.width), "bold"));
    for (const f of u.findings) finding(out, f, 2);
    for (const o of flagged) {
      out.push(`  ${truncate(`${o.number}. ${o.title}`, out.width - 2)}`);
      for (const f of o.findings) finding(out, f, 4);
    }
  }
  out.push();
}

/**
 * The advisory findings (advisory-rules.ts) in their own section, grouped by
 * unit and objective like the contract's: candidates from the domain rules,
 * never part of the plan export.
 */
function advisorySection(out: Out, p: PlanReport): void {
  const t = out.t;
  out.heading(t.advisory.title, "-");
  out.para(2, t.advisory.note);
  if (p.advisory.length === 0) {
    out.push(`  ${t.findings.none}`);
    out.push();
    return;
  }
  const byUnit = new Map<string, Finding[]>();
  for (const f of p.advisory) byUnit.set(f.unit ?? "", [...(byUnit.get(f.unit ?? "") ?? []), f]);
  for (const [name, fs] of byUnit) {
    const u = p.units.find((v) => v.name === name);
    out.push(out.paint(truncate(u ? unitLabel(t, u) : name, out.width), "bold"));
    for (const f of fs.filter((x) => x.objective === null)) finding(out, f, 2);
    const numbers = [...new Set(fs.filter((x) => x.objective !== null).map((x) => x.objective!))];
    for (const n of numbers) {
      const title = u?.objectives.find((o) => o.number === n)?.title ?? "";
      out.push(`  ${truncate(`${n}. ${title}`, out.width - 2)}`);
      for (const f of fs.filter((x) => x.objective === n)) finding(out, f, 4);
    }
  }
  out.push();
}

function totalsNote(out: Out, tt: WeightTotals): string {
  const w = out.t.weights;
  const expected = tt.expectedFrom === "declared" ? w.declaredRow(out.num(tt.expected)) : w.expected(out.num(tt.expected));
  return `${expected}: ${w.summaryStatus[tt.summaryStatus]}, ${w.sheetStatus[tt.sheetStatus]}`;
}

function weightTable(out: Out, u: UnitView): void {
  const w = out.t.weights;
  const numW = 4;
  const wW = 8;
  const checkW = 15;
  const titleW = out.width - (2 + numW + 2 + wW + wW + 2 + checkW);
  out.push(out.paint(truncate(unitLabel(out.t, u), out.width), "bold"));
  out.push(`  ${padStart(w.number, numW)}  ${padEnd(w.objective, titleW)}${padStart(w.summary, wW)}${padStart(w.sheet, wW)}  ${w.check}`);
  for (const o of u.objectives) {
    const mark = o.flagged ? "*" : " ";
    const status = w.statusText[o.weightStatus];
    out.push(
      `  ${padStart(String(o.number), numW - 1)}${mark}  ${padEnd(truncate(o.title, titleW - 1), titleW)}` +
        `${padStart(out.num(o.summaryWeight), wW)}${padStart(out.num(o.sheetWeight), wW)}  ` +
        (o.weightStatus === "mismatch" ? out.paint(status, "error") : status),
    );
  }
  const tt = u.totals;
  out.push(`  ${" ".repeat(numW)}  ${padEnd(w.total, titleW)}${padStart(out.num(tt.summary), wW)}${padStart(out.num(tt.sheet), wW)}`);
  out.push(`  ${" ".repeat(numW)}  ${totalsNote(out, tt)}`);
  out.push();
}

function weightsSection(out: Out, p: PlanReport): void {
  out.heading(out.t.weights.title, "-");
  if (p.units.length === 0) {
    out.push(`  ${out.t.weights.noUnits}`);
    out.push();
  }
  for (const u of p.units) weightTable(out, u);
}

function changeLines(out: Out, c: ObjectiveChange): void {
  const ch = out.t.changes;
  const marks = { added: `+ ${ch.added}`, dropped: `- ${ch.dropped}`, changed: `~ ${ch.changed}` };
  const markW = Math.max(...Object.values(marks).map((m) => m.length)) + 2;
  const lead = "  " + padEnd(marks[c.status], markW);
  const indent = " ".repeat(lead.length);
  const room = out.width - lead.length;
  if (c.status === "added") {
    out.push(lead + truncate(`${c.number}. ${c.title ?? ""} (${ch.weight(out.num(c.weight))})`, room));
    return;
  }
  if (c.status === "dropped") {
    out.push(lead + truncate(`${c.previousNumber}. ${c.previousTitle ?? ""} (${ch.weight(out.num(c.previousWeight))})`, room));
    return;
  }
  out.push(lead + truncate(`${c.number}. ${c.title ?? ""}`, room));
  if (c.renumbered) out.push(`${indent}${ch.renumbered(String(c.previousNumber))}`);
  if (c.reweighted) out.push(`${indent}${ch.reweighted(out.num(c.previousWeight), out.num(c.weight))}`);
  if (c.retitled) out.para(indent.length, `${ch.retitled} "${c.previousTitle ?? ""}"`, 2);
  for (const i of c.indicatorsAdded) out.para(indent.length, `+ ${ch.indicatorAdded}: ${i}`, 2);
  for (const i of c.indicatorsRemoved) out.para(indent.length, `- ${ch.indicatorRemoved}: ${i}`, 2);
}

function unitChangesLabel(t: Catalogue, u: UnitChanges): string {
  if (u.status === "added") return `${u.unit} (${t.changes.newUnit})`;
  if (u.status === "dropped") return `${u.previousUnit} (${t.changes.goneUnit})`;
  return u.unit === u.previousUnit ? `${u.unit}` : `${u.unit} (${t.changes.was(u.previousUnit ?? "")})`;
}

function changesSection(out: Out, ch: YearChanges | null, title: string): void {
  if (!ch) return;
  const t = out.t;
  const id = ch.previous.planId === null ? "" : t.head.databasePlanNote(String(ch.previous.planId));
  out.heading(title, "-");
  out.para(2, t.changes.comparedWith(`${ch.previous.sourcePath}${id}`), 2);
  out.para(2, t.changes.counts(ch.counts));
  for (const u of ch.units) {
    if (u.changes.length === 0) continue;
    out.push(out.paint(truncate(unitChangesLabel(t, u), out.width), "bold"));
    for (const c of u.changes) changeLines(out, c);
  }
  out.push();
}

export function renderText(given: Report, options: TextOptions = {}): string {
  const report = inertReport(given);
  const t = catalogue(report.settings.lang);
  const out = new Out(options.width ?? 96, options.color ?? false, t);
  out.push(out.paint(t.reportTitle, "bold"));
  out.push();
  for (const p of report.plans) {
    header(out, p, report.settings.advisory);
    overview(out, p);
    findingsSection(out, p);
    if (report.settings.advisory) advisorySection(out, p);
    weightsSection(out, p);
    const year = p.changes?.previous.year;
    changesSection(out, p.changes, year == null ? t.changes.sincePrevious : t.changes.sinceYear(String(year)));
    changesSection(out, p.variation, t.changes.sinceVersion);
  }
  if (report.unreadable.length > 0) {
    out.heading(t.unreadable.title, "-");
    for (const u of report.unreadable) out.para(2, `${u.file}: ${u.reason}`);
    out.push();
  }
  const tt = report.totals;
  out.push(t.totals.line(tt.plans, tt.unreadable, severityCounts(t, tt.findings)));
  if (report.settings.advisory) out.push(t.totals.advisoryLine(severityCounts(t, tt.advisory, false)));
  return out.lines.join("\n") + "\n";
}
