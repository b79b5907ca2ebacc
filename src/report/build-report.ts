/**
 * Plan exports → the Report model. The findings are the plan's own anomalies
 * (the normaliser applies the rules); the report places each one under its
 * unit and objective, adds the weight comparison and, when the previous year's
 * plan of the same body is given, what changed. Apart from them, the advisory
 * findings (advisory-rules.ts): domain rules the contract does not have.
 */
import type { PlanExport, Unit } from "../normalize/plan-schema.js";
import { advisoryFindings } from "./advisory-rules.js";
import { compareYears } from "./compare-years.js";
import {
  Report,
  SEVERITY_RANK,
  type Finding,
  type ObjectiveView,
  type PlanReport,
  type SeverityCounts,
  type Unreadable,
  type UnitView,
} from "./report-model.js";
import type { ReportSettings } from "./report-settings.js";
import { weightStatus, weightTotals } from "./weight-view.js";
import type { Catalogue } from "./i18n/catalogue.js";
import { catalogue } from "./i18n/format.js";
import { localizeMessage } from "./i18n/localize-finding.js";

export interface PlanInput {
  plan: PlanExport;
  /** Database id of the plan; null or absent for a file. */
  planId?: number | string | null;
  /** The same body's previous plan, with its database id. */
  previous?: { plan: PlanExport; planId?: number | string | null } | null;
  /** The earlier version of this plan (same body and year) that this one superseded. */
  superseded?: { plan: PlanExport; planId?: number | string | null } | null;
}

export function countSeverities(findings: readonly Finding[]): SeverityCounts {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** Most severe first; document order otherwise (Array.prototype.sort is stable). */
function bySeverity(findings: Finding[]): Finding[] {
  return [...findings].sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity]);
}

function unitView(unit: Unit, findings: Finding[], settings: ReportSettings): UnitView {
  const numbers = new Map<number, number>();
  for (const o of unit.objectives) numbers.set(o.number, (numbers.get(o.number) ?? 0) + 1);
  const byObjective = new Map<number, Finding[]>();
  const unitLevel: Finding[] = [];
  for (const f of findings) {
    // A number carried by two objectives (DUPLICATE_NUMBER) cannot be pinned on either.
    if (f.objective !== null && numbers.get(f.objective) === 1) {
      byObjective.set(f.objective, [...(byObjective.get(f.objective) ?? []), f]);
    } else unitLevel.push(f);
  }
  const objectives: ObjectiveView[] = unit.objectives.map((o) => ({
    number: o.number,
    title: o.title,
    summaryWeight: o.summary?.weight ?? null,
    sheetWeight: o.detail?.weight ?? null,
    summaryWeightText: o.summary?.weightText ?? null,
    sheetWeightText: o.detail?.weightText ?? null,
    weightStatus: weightStatus(o, settings),
    summaryPage: o.summary?.page ?? null,
    sheetPage: o.detail?.page ?? null,
    intersectoral: o.detail?.intersectoral ?? false,
    phases: (o.detail?.phases ?? []).map((p) => ({
      number: p.number,
      description: p.description,
      responsible: p.responsible,
      months: p.months,
      weight: p.weight,
      start: p.start,
      deadline: p.deadline,
      deadlineText: p.deadlineText,
    })),
    findings: numbers.get(o.number) === 1 ? bySeverity(byObjective.get(o.number) ?? []) : [],
    flagged: (byObjective.get(o.number)?.length ?? 0) > 0 || unitLevel.some((f) => f.objective === o.number),
  }));
  // A unit without a page of its own is where its summary starts, else (no summary) its first sheet.
  const firstPage =
    unit.page ??
    unit.objectives.find((o) => o.summary?.page != null)?.summary?.page ??
    unit.objectives.find((o) => o.detail?.page != null)?.detail?.page ??
    null;
  return {
    number: unit.number,
    name: unit.name,
    manager: unit.manager,
    page: firstPage,
    totals: weightTotals(unit, settings),
    findings: bySeverity(unitLevel),
    objectives,
  };
}

export function buildPlanReport(input: PlanInput, settings: ReportSettings): PlanReport {
  const { plan } = input;
  const findings: Finding[] = plan.anomalies.map((a) => ({
    code: a.code,
    severity: a.severity,
    unit: a.unit ?? null,
    objective: a.objective ?? null,
    message: a.message,
    page: a.page ?? null,
    // A reader's finding also names its table, row and column.
    ...(a.table !== undefined ? { table: a.table } : {}),
    ...(a.row !== undefined ? { row: a.row } : {}),
    ...(a.column !== undefined ? { column: a.column } : {}),
  }));
  const unitNames = new Set(plan.units.map((u) => u.name));
  const claimed = new Set<string>();
  const units = plan.units.map((u) => {
    // Two units of one name: the findings go to the first, once.
    const mine = claimed.has(u.name) ? [] : findings.filter((f) => f.unit === u.name);
    claimed.add(u.name);
    return unitView(u, mine, settings);
  });
  const objectives = plan.units.reduce((n, u) => n + u.objectives.length, 0);
  const advisory = advisoryFindings(
    plan,
    settings,
    units.map((u) => u.page),
  );
  return {
    planId: input.planId ?? null,
    organization: plan.organization,
    kind: plan.kind,
    year: plan.year,
    period: plan.period,
    source: {
      path: plan.source.path,
      format: plan.source.format,
      pageCount: plan.source.pageCount ?? null,
      sha256: plan.source.sha256,
    },
    counts: { units: plan.units.length, objectives, findings: countSeverities(findings), advisory: countSeverities(advisory) },
    findings: bySeverity(findings.filter((f) => f.unit === null || !unitNames.has(f.unit))),
    units,
    advisory,
    changes: input.previous ? compareYears(plan, input.previous.plan, settings, input.previous.planId ?? null) : null,
    variation: input.superseded ? compareYears(plan, input.superseded.plan, settings, input.superseded.planId ?? null) : null,
  };
}

/** Every finding's message in the report's language (codes, pages and the rest stay). */
function localizePlan(p: PlanReport, t: Catalogue): PlanReport {
  const say = (fs: Finding[]) => fs.map((f) => ({ ...f, message: localizeMessage(t, f) }));
  return {
    ...p,
    findings: say(p.findings),
    advisory: say(p.advisory),
    units: p.units.map((u) => ({ ...u, findings: say(u.findings), objectives: u.objectives.map((o) => ({ ...o, findings: say(o.findings) })) })),
  };
}

export function buildReport(inputs: readonly PlanInput[], settings: ReportSettings, unreadable: readonly Unreadable[] = []): Report {
  const plans = inputs.map((i) => localizePlan(buildPlanReport(i, settings), catalogue(settings.lang)));
  const sum = (pick: (p: PlanReport) => SeverityCounts): SeverityCounts => ({
    error: plans.reduce((n, p) => n + pick(p).error, 0),
    warning: plans.reduce((n, p) => n + pick(p).warning, 0),
    info: plans.reduce((n, p) => n + pick(p).info, 0),
  });
  return Report.parse({
    reportVersion: 1,
    settings: { expectedTotal: settings.expectedTotal, totalTolerance: settings.totalTolerance, advisory: settings.advisory, lang: settings.lang },
    totals: {
      plans: plans.length,
      unreadable: unreadable.length,
      findings: sum((p) => p.counts.findings),
      advisory: sum((p) => p.counts.advisory),
    },
    plans,
    unreadable: [...unreadable],
  });
}
