/**
 * Advisory checks: candidate rules of the domain notes (shared/design/domain.md)
 * that the contract has no code for, computed by the report from the plan
 * export. They never enter `piao extract`'s export (its anomalies are the
 * contract's); the report lists them apart, and `--fail-on` counts them only
 * with `--fail-on-advisory`. Each finding has the Anomaly shape: code,
 * severity, unit, objective, page (the sheet's, else the summary row's), and
 * an Italian message naming what to fix. Word lists live in report-settings.ts.
 *
 *   R4  indicator_qualitative    warning  indicators with no measurable target
 *   R6  phase_out_of_year        warning  an annual objective's phases (months, deadlines) outside
 *                                         the plan year; "anno di prev. conclusione" before the
 *                                         plan year (where the export has no period to check it)
 *   R8  payment_times_missing    info     a unit without the payment-times objective others have
 *   R9  payment_times_indicator  warning  a payment-times objective measured by neither the delay
 *                                         index nor the average payment time (or over 30/60 days)
 *   R17 indicator_weight_total   warning  weighted indicators not adding up to 100
 */
import type { Indicator, Objective, PlanExport, Unit } from "../normalize/plan-schema.js";
import { indicatorClaim, indicatorLabel } from "./indicator-text.js";
import type { Finding } from "./report-model.js";
import type { ReportSettings } from "./report-settings.js";
import type { VariantKey } from "./i18n/finding-variants.js";
import { it } from "./i18n/it.js";
import { fillTemplate } from "./i18n/localize-finding.js";

export const ADVISORY_CODES = [
  "indicator_qualitative",
  "phase_out_of_year",
  "payment_times_missing",
  "payment_times_indicator",
  "indicator_weight_total",
] as const;

interface Compiled {
  measurable: RegExp[];
  annual: RegExp;
  payment: RegExp[];
  delay: RegExp[];
  average: RegExp[];
  ssn: RegExp[];
  indicatorWeight: RegExp;
}

function compile(s: ReportSettings): Compiled {
  const all = (xs: string[]) => xs.map((x) => new RegExp(x, "iu"));
  return {
    measurable: all(s.measurablePatterns),
    annual: new RegExp(s.annualDurationPattern, "iu"),
    payment: all(s.paymentTimesPatterns),
    delay: all(s.delayIndexPatterns),
    average: all(s.averageTimePatterns),
    ssn: all(s.ssnPatterns),
    indicatorWeight: new RegExp(s.indicatorWeightPattern, "giu"),
  };
}

const oneLine = (s: string) => s.replace(/\s+/g, " ").trim();
const any = (res: RegExp[], text: string) => res.some((r) => r.test(text));
const fmt = (n: number) => (Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100).replace(".", ","));
const quote = (s: string, max = 80) => {
  const t = oneLine(s);
  return `'${t.length > max ? t.slice(0, max - 1).trimEnd() + "…" : t}'`;
};

/** The summary row's indicators and the sheet's, once each (same words and target, case and spaces aside). */
function indicatorsOf(o: Objective): Indicator[] {
  const seen = new Set<string>();
  const out: Indicator[] = [];
  for (const i of [...(o.summary?.indicators ?? []), ...(o.detail?.indicators ?? [])]) {
    const key = indicatorLabel(i).toLowerCase();
    if (key === "" || seen.has(key)) continue;
    seen.add(key);
    out.push(i);
  }
  return out;
}

const hasTarget = (i: Indicator) => i.target !== null && oneLine(i.target) !== "";

/** "2027-03-31" as an Italian reader writes it: "31/03/2027". */
const italianDate = (iso: string) => iso.split("-").reverse().join("/");

const pageOf = (o: Objective) => o.detail?.page ?? o.summary?.page ?? null;
/** A message in the Italian wording of the catalogue (it.ts), the one the report reads back in every language. */
function say(key: VariantKey, u: Unit, o: Objective | null, params: Record<string, string | number>): string {
  const values = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)]));
  return fillTemplate(it.messages[key], { unit: u.name, objective: String(o?.number ?? ""), ...values });
}

function isPaymentTimes(o: Objective, c: Compiled): boolean {
  return [o.title, o.summary?.title ?? "", o.detail?.title ?? ""].some((t) => any(c.payment, oneLine(t)));
}

function finding(
  code: (typeof ADVISORY_CODES)[number],
  severity: Finding["severity"],
  u: Unit,
  o: Objective | null,
  message: string,
  page: number | null,
): Finding {
  return { code, severity, unit: u.name, objective: o?.number ?? null, message, page };
}

/**
 * R4: the objective's indicators with no measurable target (no number,
 * comparison, date, deadline or yes/no in their text or their target), unless
 * one has no target of its own and the item after it, in the same list, is a
 * short measurable item with none either: a Target column the export did not
 * split out, exported as one more indicator item. A baseline is a past value:
 * its numbers do not make the indicator measurable.
 */
function indicatorQualitative(u: Unit, o: Objective, s: ReportSettings, c: Compiled): Finding[] {
  const measurable = (i: Indicator) => any(c.measurable, indicatorClaim(i));
  const isTarget = (i: Indicator | undefined) =>
    i !== undefined && !hasTarget(i) && measurable(i) && indicatorClaim(i).split(" ").length <= s.targetItemMaxWords;
  const lists = [o.summary?.indicators ?? [], o.detail?.indicators ?? []].map((l) => l.filter((i) => indicatorLabel(i) !== ""));
  const seen = new Set<string>();
  const qualitative: string[] = [];
  for (const list of lists)
    list.forEach((i, k) => {
      const label = indicatorLabel(i);
      const key = label.toLowerCase();
      if (seen.has(key) || measurable(i) || (!hasTarget(i) && isTarget(list[k + 1]))) return;
      seen.add(key);
      qualitative.push(label);
    });
  if (qualitative.length === 0) return [];
  const list = qualitative.map((i) => quote(i)).join("; ");
  const one = qualitative.length === 1;
  return [
    finding(
      "indicator_qualitative",
      "warning",
      u,
      o,
      say(one ? "indicator_qualitative.one" : "indicator_qualitative.many", u, o, { indicators: list, count: qualitative.length }),
      pageOf(o),
    ),
  ];
}

/**
 * R6: an annual objective's phases with months or a deadline outside the plan
 * year; a conclusion year before it. A plan with a period (export version 2)
 * has the export check its deadlines and end years against the period
 * (DEADLINE_OUT_OF_PERIOD): R6 then leaves those out and keeps what the export
 * does not see, an annual objective's phases in another year of a plan that
 * spans several. There, an objective says it is annual only by its duration.
 */
function phaseOutOfYear(u: Unit, o: Objective, plan: PlanExport, c: Compiled): Finding[] {
  const { year, period } = plan;
  const d = o.detail;
  if (!d || year === null) return [];
  const out: Finding[] = [];
  if (d.endYear !== null && d.endYear < year && period === null)
    out.push(finding("phase_out_of_year", "warning", u, o, say("phase_out_of_year.endYear", u, o, { end: d.endYear, year }), pageOf(o)));
  const oneYearPlan = period === null || period.from === period.to;
  const annual = (d.duration === null ? oneYearPlan : c.annual.test(oneLine(d.duration))) && (d.endYear === null || d.endYear === year);
  if (!annual) return out;
  const inPeriod = (y: number) => period === null || (y >= period.from && y <= period.to);
  const outside = d.phases
    .map((p, k) => {
      const deadlineYear = p.deadline === null ? null : Number(p.deadline.slice(0, 4));
      const dates = [
        ...p.months.filter((m) => !m.startsWith(`${year}-`)),
        ...(deadlineYear !== null && deadlineYear !== year && inPeriod(deadlineYear) ? [`scadenza ${italianDate(p.deadline!)}`] : []),
      ];
      return { label: p.number ?? k + 1, dates };
    })
    .filter((p) => p.dates.length > 0);
  if (outside.length > 0) {
    const list = outside.map((p) => `fase ${p.label}: ${p.dates.join(", ")}`).join("; ");
    out.push(finding("phase_out_of_year", "warning", u, o, say("phase_out_of_year.phases", u, o, { year, phases: list }), pageOf(o)));
  }
  return out;
}

/** R9: the payment-times objective's indicators name neither the delay index nor the average time, or allow too many days. */
function paymentTimesIndicator(u: Unit, o: Objective, days: number, c: Compiled): Finding[] {
  // Text and target: "Tempo medio di pagamento" with target "≤ 30 giorni" (not its baseline's days).
  const indicators = indicatorsOf(o).map(indicatorClaim);
  // No indicator at all is the export's NO_INDICATORS already.
  if (indicators.length === 0) return [];
  const delay = indicators.some((i) => any(c.delay, i));
  const average = indicators.filter((i) => any(c.average, i));
  if (!delay && average.length === 0)
    return [finding("payment_times_indicator", "warning", u, o, say("payment_times_indicator.none", u, o, { days }), pageOf(o))];
  const tooMany = average.flatMap((i) => [...i.matchAll(/(\d+)\s*(?:giorni|gg)\b/giu)].map((m) => Number(m[1]))).filter((n) => n > days);
  if (!delay && tooMany.length > 0)
    return [finding("payment_times_indicator", "warning", u, o, say("payment_times_indicator.tooMany", u, o, { found: tooMany.join(", "), days }), pageOf(o))];
  return [];
}

/** R17: indicators carrying weights ("(peso 40%)") that do not add up to the total. */
function indicatorWeightTotal(u: Unit, o: Objective, s: ReportSettings, c: Compiled): Finding[] {
  // The sheet's list where it weighs its indicators, else the summary's: the two lists repeat each other.
  const lists = [o.detail?.indicators ?? [], o.summary?.indicators ?? []];
  const weightsOf = (i: Indicator) => [...oneLine(i.text).matchAll(c.indicatorWeight)].map((m) => Number(m[1]!.replace(",", ".")));
  const list = lists.find((l) => l.some((i) => weightsOf(i).length > 0));
  if (!list) return [];
  const weights = list.map(weightsOf);
  const sum = weights.reduce((n, ws) => n + (ws[0] ?? 0), 0);
  const unweighted = weights.filter((ws) => ws.length === 0).length;
  if (Math.abs(sum - s.indicatorWeightTotal) <= s.totalTolerance && unweighted === 0) return [];
  const key = unweighted === 0 ? "indicator_weight_total" : unweighted === 1 ? "indicator_weight_total.one" : "indicator_weight_total.many";
  return [
    finding("indicator_weight_total", "warning", u, o, say(key, u, o, { sum: fmt(sum), count: unweighted, total: fmt(s.indicatorWeightTotal) }), pageOf(o)),
  ];
}

/** R8: units with no payment-times objective while some other unit of the plan has one. */
function paymentTimesMissing(plan: PlanExport, u: Unit, unitPage: number | null, c: Compiled): Finding[] {
  const holders = plan.units.filter((v) => v.objectives.some((o) => isPaymentTimes(o, c)));
  if (holders.length === 0 || holders.includes(u) || u.objectives.length === 0) return [];
  const names =
    holders
      .slice(0, 3)
      .map((v) => quote(v.name, 50))
      .join(", ") + (holders.length > 3 ? ` e altre ${holders.length - 3}` : "");
  return [
    finding(
      "payment_times_missing",
      "info",
      u,
      null,
      say(holders.length === 1 ? "payment_times_missing.one" : "payment_times_missing.many", u, null, { names }),
      unitPage,
    ),
  ];
}

/**
 * The advisory findings of one plan, in document order: per unit its own
 * (R8) first, then per objective R4, R6, R9, R17. `unitPages` is each unit's
 * page as the report shows it.
 */
export function advisoryFindings(plan: PlanExport, settings: ReportSettings, unitPages: (number | null)[]): Finding[] {
  if (!settings.advisory) return [];
  const c = compile(settings);
  const ssn = any(c.ssn, plan.organization ?? "");
  const days = ssn ? settings.paymentDaysMaxSsn : settings.paymentDaysMax;
  return plan.units.flatMap((u, k) => [
    ...paymentTimesMissing(plan, u, unitPages[k] ?? null, c),
    ...u.objectives.flatMap((o) => [
      ...indicatorQualitative(u, o, settings, c),
      ...phaseOutOfYear(u, o, plan, c),
      ...(isPaymentTimes(o, c) ? paymentTimesIndicator(u, o, days, c) : []),
      ...indicatorWeightTotal(u, o, settings, c),
    ]),
  ]);
}
