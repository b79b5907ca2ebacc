/**
 * Rebuilds a plan export from the stored rows, as it was imported: same units,
 * objectives, phases, months, indicators and anomalies in document order. Optional
 * provenance fields (`table`, unit and phase `page`) come back when the export
 * gave them; a `table` of null and an absent `table` are the same to the store.
 *
 * Always in the current export's shape (schemaVersion 2): a plan stored from a
 * version-1 export comes back with null in every field version 1 did not have
 * (kind, period, numbers, weight texts, strategy, indicator parts, phase dates).
 */
import {
  SCHEMA_VERSION,
  type Anomaly,
  type DetailSheet,
  type Indicator,
  type Objective,
  type Phase,
  type PlanExport,
  type Strategy,
  type SummaryRow,
  type Unit,
} from "../normalize/plan-schema.js";
import type { Db } from "./open-database.js";

export class PlanNotFoundError extends Error {
  override readonly name = "PlanNotFoundError";
  constructor(readonly planId: number) {
    super(`no plan with id ${planId}`);
  }
}

interface PlanRow {
  schema_version: number;
  organization: string | null;
  kind: PlanExport["kind"];
  year: number | null;
  period_from: number | null;
  period_to: number | null;
  path: string;
  sha256: string;
  format: PlanExport["source"]["format"];
  pages: number | null;
}

interface UnitRow {
  id: number;
  number: number | null;
  name: string;
  manager: string | null;
  declared_total: number | null;
  page: number | null;
  page_given: number;
}

interface ObjectiveRow {
  id: number;
  unit_id: number;
  number: number;
  title: string;
  has_summary: number;
  summary_weight: number | null;
  summary_weight_text: string | null;
  summary_title: string | null;
  notes: string | null;
  summary_page: number | null;
  summary_table: string | null;
  has_detail: number;
  detail_number: number | null;
  detail_weight: number | null;
  detail_weight_text: string | null;
  detail_title: string | null;
  detail_unit_name: string | null;
  detail_manager: string | null;
  duration: string | null;
  end_year: number | null;
  intersectoral: number | null;
  description: string | null;
  criticalities: string | null;
  detail_page: number | null;
  detail_table: string | null;
  has_strategy: number;
  mission: string | null;
  programme: string | null;
  strategic_objective: string | null;
  public_value: string | null;
}

interface IndicatorRow {
  objective_id: number;
  source: "summary" | "detail";
  text: string;
  formula: string | null;
  baseline: string | null;
  target: string | null;
}

interface PhaseRow {
  id: number;
  objective_id: number;
  number: number | null;
  description: string;
  responsible: string | null;
  output: string | null;
  page: number | null;
  page_given: number;
  weight: number | null;
  start: string | null;
  deadline: string | null;
  deadline_text: string | null;
  months: string | null;
}

export function loadPlan(db: Db, planId: number): PlanExport {
  const p = db
    .prepare(
      `SELECT p.schema_version, p.organization, p.kind, p.year, p.period_from, p.period_to, d.path, d.sha256, d.format, d.pages
       FROM plans p JOIN documents d ON d.id = p.document_id WHERE p.id = ?`,
    )
    .get(planId) as PlanRow | undefined;
  if (!p) throw new PlanNotFoundError(planId);

  const units = db
    .prepare("SELECT id, number, name, manager, declared_total, page, page_given FROM units WHERE plan_id = ? ORDER BY position")
    .all(planId) as UnitRow[];
  const objectives = db
    .prepare(
      `SELECT o.* FROM objectives o JOIN units u ON u.id = o.unit_id
       WHERE u.plan_id = ? ORDER BY u.position, o.position`,
    )
    .all(planId) as ObjectiveRow[];
  const indicators = db
    .prepare(
      `SELECT i.objective_id, i.source, i.text, i.formula, i.baseline, i.target FROM indicators i
       JOIN objectives o ON o.id = i.objective_id JOIN units u ON u.id = o.unit_id
       WHERE u.plan_id = ? ORDER BY i.objective_id, i.source, i.position`,
    )
    .all(planId) as IndicatorRow[];
  // Months joined in ascending order (the contract's order) into one string per phase.
  const phases = db
    .prepare(
      `SELECT ph.*, (SELECT group_concat(month, ',') FROM (SELECT month FROM phase_months m WHERE m.phase_id = ph.id ORDER BY month)) AS months
       FROM phases ph JOIN objectives o ON o.id = ph.objective_id JOIN units u ON u.id = o.unit_id
       WHERE u.plan_id = ? ORDER BY ph.objective_id, ph.position`,
    )
    .all(planId) as PhaseRow[];
  const anomalies = db
    .prepare(
      "SELECT code, severity, unit, objective_number, message, page, table_id, row_index, column_index FROM anomalies WHERE plan_id = ? ORDER BY position",
    )
    .all(planId) as AnomalyRow[];

  const indicatorsOf = groupBy(indicators, (i) => `${i.objective_id}:${i.source}`);
  const phasesOf = groupBy(phases, (ph) => String(ph.objective_id));
  const objectivesOf = groupBy(objectives, (o) => String(o.unit_id));

  return {
    schemaVersion: SCHEMA_VERSION,
    source: { path: p.path, sha256: p.sha256, format: p.format, pageCount: p.pages },
    organization: p.organization,
    kind: p.kind,
    year: p.year,
    period: p.period_from !== null && p.period_to !== null ? { from: p.period_from, to: p.period_to } : null,
    units: units.map(
      (u): Unit => ({
        number: u.number,
        name: u.name,
        manager: u.manager,
        declaredTotal: u.declared_total,
        objectives: (objectivesOf.get(String(u.id)) ?? []).map((o) => toObjective(o, indicatorsOf, phasesOf)),
        ...(u.page_given ? { page: u.page } : {}),
      }),
    ),
    anomalies: anomalies.map(
      (a): Anomaly => ({
        code: a.code,
        severity: a.severity,
        unit: a.unit,
        objective: a.objective_number,
        message: a.message,
        page: a.page,
        // The place beyond the page is present only where the finding gave it.
        ...(a.table_id !== null ? { table: a.table_id } : {}),
        ...(a.row_index !== null ? { row: a.row_index } : {}),
        ...(a.column_index !== null ? { column: a.column_index } : {}),
      }),
    ),
  };
}

interface AnomalyRow {
  code: string;
  severity: Anomaly["severity"];
  unit: string | null;
  objective_number: number | null;
  message: string;
  page: number | null;
  table_id: string | null;
  row_index: number | null;
  column_index: number | null;
}

function toObjective(o: ObjectiveRow, indicatorsOf: Map<string, IndicatorRow[]>, phasesOf: Map<string, PhaseRow[]>): Objective {
  const indicators = (source: string) =>
    (indicatorsOf.get(`${o.id}:${source}`) ?? []).map((i): Indicator => ({ text: i.text, formula: i.formula, baseline: i.baseline, target: i.target }));
  const summary: SummaryRow | null = o.has_summary
    ? {
        weight: o.summary_weight,
        weightText: o.summary_weight_text,
        title: o.summary_title ?? "",
        indicators: indicators("summary"),
        notes: o.notes,
        page: o.summary_page,
        ...(o.summary_table !== null ? { table: o.summary_table } : {}),
      }
    : null;
  const detail: DetailSheet | null = o.has_detail
    ? {
        number: o.detail_number,
        weight: o.detail_weight,
        weightText: o.detail_weight_text,
        title: o.detail_title ?? "",
        unitName: o.detail_unit_name,
        manager: o.detail_manager,
        duration: o.duration,
        endYear: o.end_year,
        intersectoral: o.intersectoral === 1,
        description: o.description,
        indicators: indicators("detail"),
        criticalities: o.criticalities,
        phases: (phasesOf.get(String(o.id)) ?? []).map(
          (ph): Phase => ({
            number: ph.number,
            description: ph.description,
            responsible: ph.responsible,
            output: ph.output,
            months: ph.months ? ph.months.split(",") : [],
            weight: ph.weight,
            start: ph.start,
            deadline: ph.deadline,
            deadlineText: ph.deadline_text,
            ...(ph.page_given ? { page: ph.page } : {}),
          }),
        ),
        page: o.detail_page,
        ...(o.detail_table !== null ? { table: o.detail_table } : {}),
      }
    : null;
  const strategy: Strategy | null = o.has_strategy
    ? { mission: o.mission, programme: o.programme, strategicObjective: o.strategic_objective, publicValue: o.public_value }
    : null;
  return { number: o.number, title: o.title, summary, detail, strategy };
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = out.get(k);
    if (list) list.push(row);
    else out.set(k, [row]);
  }
  return out;
}
