/**
 * The report for a terminal or a text file: sections per plan (header, findings
 * by unit and objective, advisory checks, weights per unit, changes since the previous year),
 * at most `width` columns (default 96). Colour only when asked (a TTY).
 */
import type { Finding, ObjectiveChange, PlanReport, Report, UnitChanges, UnitView, WeightStatus, WeightTotals, YearChanges } from "./report-model.js";
import { ADVISORY_TITLE } from "./advisory-rules.js";
import { kindAndPeriod, planYears, unitTitle } from "./plan-labels.js";
import { formatWeight, padEnd, padStart, plural, truncate, wrap } from "./text-layout.js";

export interface TextOptions {
  width?: number;
  color?: boolean;
}

const ANSI = { error: "\x1b[31;1m", warning: "\x1b[33m", info: "\x1b[36m", bold: "\x1b[1m", reset: "\x1b[0m" };

const STATUS_TEXT: Record<WeightStatus, string> = {
  match: "ok",
  mismatch: "MISMATCH",
  "no-sheet": "no sheet",
  "no-summary": "no summary",
  "no-weight": "blank weight",
};

class Out {
  readonly lines: string[] = [];
  constructor(readonly width: number, readonly color: boolean) {}
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
}

export function pageRef(page: number | null): string {
  return page === null ? "" : `p. ${page}`;
}

function severityCounts(c: { error: number; warning: number; info: number }): string {
  return `${plural(c.error, "error", "errors")}, ${plural(c.warning, "warning", "warnings")}, ${c.info} info`;
}

/** Advisory checks raise warnings and info only: no error count. */
function advisoryCounts(c: { warning: number; info: number }): string {
  return `${plural(c.warning, "warning", "warnings")}, ${c.info} info`;
}

function planTitle(p: PlanReport): string {
  const org = p.organization ?? "Unknown body";
  const years = planYears(p);
  return years === null ? `${org}, plan of unknown year` : `${org}, plan ${years}`;
}

function header(out: Out, p: PlanReport, advisoryOn: boolean): void {
  out.push(out.paint(planTitle(p), "bold"));
  out.push("=".repeat(out.width));
  const pages = p.source.pageCount === null ? "" : `, ${plural(p.source.pageCount, "page", "pages")}`;
  const id = p.planId === null ? "" : ` (database plan ${p.planId})`;
  // Paths from a database can be long: wrapped under the label, not past the width.
  out.labelled("Source", `${p.source.path} (${p.source.format}${pages})${id}`);
  out.labelled("sha256", p.source.sha256);
  out.labelled("Plan", kindAndPeriod(p));
  const flagged = p.units.reduce((n, u) => n + u.objectives.filter((o) => o.flagged).length, 0);
  out.labelled("Contents", `${plural(p.counts.units, "unit", "units")}, ${plural(p.counts.objectives, "objective", "objectives")} (${flagged} flagged)`);
  out.labelled("Findings", severityCounts(p.counts.findings));
  if (advisoryOn) out.labelled("Advisory", `${advisoryCounts(p.counts.advisory)} (domain rules, not in the export)`);
  out.push();
}

/** One line per unit: what a reader scans before the details. */
function overview(out: Out, p: PlanReport): void {
  if (p.units.length === 0) return;
  out.heading("Overview", "-");
  const cols = [
    ["Obj.", 5],
    ["Flagged", 8],
    ["Err.", 5],
    ["Warn.", 6],
    ["Info", 5],
    ["Summary", 10],
    ["Sheet", 7],
  ] as const;
  const nameW = out.width - 2 - cols.reduce((n, [, w]) => n + w, 0);
  out.push(`  ${padEnd("Unit", nameW)}${cols.map(([h, w]) => padStart(h, w)).join("")}`);
  for (const u of p.units) {
    const all = [...u.findings, ...u.objectives.flatMap((o) => o.findings)];
    const n = (sev: Finding["severity"]) => String(all.filter((f) => f.severity === sev).length);
    const t = u.totals;
    const summary = `${formatWeight(t.summary)}/${formatWeight(t.expected)}${t.summaryStatus === "off" ? "!" : ""}`;
    const sheet = `${formatWeight(t.sheet)}${t.sheetStatus === "off" ? "!" : ""}`;
    const values = [String(u.objectives.length), String(u.objectives.filter((o) => o.flagged).length), n("error"), n("warning"), n("info"), summary, sheet];
    out.push(`  ${padEnd(truncate(unitTitle(u), nameW - 2), nameW)}${values.map((v, i) => padStart(v, cols[i]![1])).join("")}`);
  }
  out.push("  ! = the total differs from the expected one");
  out.push();
}

function finding(out: Out, f: Finding, indent: number): void {
  const sev = padEnd(f.severity.toUpperCase(), 8);
  const ref = pageRef(f.page);
  out.push(`${" ".repeat(indent)}${out.paint(sev, f.severity)}${f.code}${ref ? "  " + ref : ""}`);
  out.para(indent + 2, f.message);
}

function unitLabel(u: { number: number | null; name: string; manager: string | null }): string {
  return u.manager ? `${unitTitle(u)} (resp. ${u.manager})` : `${unitTitle(u)} (no manager named)`;
}

function findingsSection(out: Out, p: PlanReport): void {
  out.heading("Findings by unit and objective", "-");
  const total = p.counts.findings.error + p.counts.findings.warning + p.counts.findings.info;
  if (total === 0) {
    out.push("  None.");
    out.push();
    return;
  }
  if (p.findings.length > 0) {
    out.push("Whole document");
    for (const f of p.findings) finding(out, f, 2);
  }
  for (const u of p.units) {
    const flagged = u.objectives.filter((o) => o.findings.length > 0);
    if (flagged.length === 0 && u.findings.length === 0) continue;
    out.push(out.paint(truncate(unitLabel(u), out.width), "bold"));
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
  out.heading(ADVISORY_TITLE, "-");
  out.para(2, "Candidate rules of the domain notes (R4, R6, R8, R9, R17), computed by the report; --fail-on counts them only with --fail-on-advisory.");
  if (p.advisory.length === 0) {
    out.push("  None.");
    out.push();
    return;
  }
  const byUnit = new Map<string, Finding[]>();
  for (const f of p.advisory) byUnit.set(f.unit ?? "", [...(byUnit.get(f.unit ?? "") ?? []), f]);
  for (const [name, fs] of byUnit) {
    const u = p.units.find((v) => v.name === name);
    out.push(out.paint(truncate(u ? unitLabel(u) : name, out.width), "bold"));
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

function totalsNote(t: WeightTotals): string {
  const expected = t.expectedFrom === "declared" ? `TOTALE row ${formatWeight(t.expected)}` : `expected ${formatWeight(t.expected)}`;
  const summary = { ok: "summary ok", off: "summary OFF", none: "no summary weights" }[t.summaryStatus];
  const sheet = { ok: "sheets ok", off: "sheets OFF", incomplete: "sheets incomplete", none: "no sheet weights" }[t.sheetStatus];
  return `${expected}: ${summary}, ${sheet}`;
}

function weightTable(out: Out, u: UnitView): void {
  const numW = 4;
  const wW = 8;
  const checkW = 13;
  const titleW = out.width - (2 + numW + 2 + wW + wW + 2 + checkW);
  out.push(out.paint(truncate(unitLabel(u), out.width), "bold"));
  out.push(`  ${padStart("N.", numW)}  ${padEnd("Objective", titleW)}${padStart("Summary", wW)}${padStart("Sheet", wW)}  Check`);
  for (const o of u.objectives) {
    const mark = o.flagged ? "*" : " ";
    const status = STATUS_TEXT[o.weightStatus];
    out.push(
      `  ${padStart(String(o.number), numW - 1)}${mark}  ${padEnd(truncate(o.title, titleW - 1), titleW)}` +
        `${padStart(formatWeight(o.summaryWeight), wW)}${padStart(formatWeight(o.sheetWeight), wW)}  ` +
        (o.weightStatus === "mismatch" ? out.paint(status, "error") : status),
    );
  }
  const t = u.totals;
  out.push(`  ${" ".repeat(numW)}  ${padEnd("Total", titleW)}${padStart(formatWeight(t.summary), wW)}${padStart(formatWeight(t.sheet), wW)}`);
  out.push(`  ${" ".repeat(numW)}  ${totalsNote(t)}`);
  out.push();
}

function weightsSection(out: Out, p: PlanReport): void {
  out.heading("Weights: summary sheet vs objective sheet (* = objective has findings)", "-");
  if (p.units.length === 0) {
    out.push("  No units.");
    out.push();
  }
  for (const u of p.units) weightTable(out, u);
}

const CHANGE_MARK = { added: "+ added    ", dropped: "- dropped  ", changed: "~ changed  " } as const;

function changeLines(out: Out, c: ObjectiveChange): void {
  const lead = "  " + CHANGE_MARK[c.status];
  const indent = " ".repeat(lead.length);
  const room = out.width - lead.length;
  if (c.status === "added") {
    out.push(lead + truncate(`${c.number}. ${c.title ?? ""} (weight ${formatWeight(c.weight)})`, room));
    return;
  }
  if (c.status === "dropped") {
    out.push(lead + truncate(`${c.previousNumber}. ${c.previousTitle ?? ""} (weight ${formatWeight(c.previousWeight)})`, room));
    return;
  }
  out.push(lead + truncate(`${c.number}. ${c.title ?? ""}`, room));
  if (c.renumbered) out.push(`${indent}renumbered: was ${c.previousNumber}`);
  if (c.reweighted) out.push(`${indent}reweighted: ${formatWeight(c.previousWeight)} → ${formatWeight(c.weight)}`);
  if (c.retitled) out.para(indent.length, `retitled: was "${c.previousTitle ?? ""}"`, 2);
  for (const i of c.indicatorsAdded) out.para(indent.length, `+ indicator: ${i}`, 2);
  for (const i of c.indicatorsRemoved) out.para(indent.length, `- indicator: ${i}`, 2);
}

function unitChangesLabel(u: UnitChanges): string {
  if (u.status === "added") return `${u.unit} (new unit)`;
  if (u.status === "dropped") return `${u.previousUnit} (unit no longer in the plan)`;
  return u.unit === u.previousUnit ? `${u.unit}` : `${u.unit} (was ${u.previousUnit})`;
}

function changesSection(out: Out, ch: YearChanges | null, title: string): void {
  if (!ch) return;
  const id = ch.previous.planId === null ? "" : ` (database plan ${ch.previous.planId})`;
  out.heading(title, "-");
  out.para(2, `Compared with ${ch.previous.sourcePath}${id}`, 2);
  const n = ch.counts;
  out.para(2, `${n.added} added, ${n.dropped} dropped, ${n.reweighted} reweighted, ${n.retitled} retitled, ` +
    `${n.renumbered} renumbered, ${n.indicatorsChanged} with indicator changes, ${n.unchanged} unchanged`);
  for (const u of ch.units) {
    if (u.changes.length === 0) continue;
    out.push(out.paint(truncate(unitChangesLabel(u), out.width), "bold"));
    for (const c of u.changes) changeLines(out, c);
  }
  out.push();
}

export function renderText(report: Report, options: TextOptions = {}): string {
  const out = new Out(options.width ?? 96, options.color ?? false);
  out.push(out.paint("piao check: consistency report", "bold"));
  out.push();
  for (const p of report.plans) {
    header(out, p, report.settings.advisory);
    overview(out, p);
    findingsSection(out, p);
    if (report.settings.advisory) advisorySection(out, p);
    weightsSection(out, p);
    changesSection(out, p.changes, `Changes since ${p.changes?.previous.year ?? "the previous plan"}`);
    changesSection(out, p.variation, "Changes since the earlier version of this plan");
  }
  if (report.unreadable.length > 0) {
    out.heading("Unreadable input", "-");
    for (const u of report.unreadable) out.para(2, `${u.file}: ${u.reason}`);
    out.push();
  }
  const t = report.totals;
  out.push(`${plural(t.plans, "plan", "plans")} checked, ${plural(t.unreadable, "file", "files")} unreadable: ${severityCounts(t.findings)}.`);
  if (report.settings.advisory) out.push(`Advisory checks (not in the exports): ${advisoryCounts(t.advisory)}.`);
  return out.lines.join("\n") + "\n";
}
