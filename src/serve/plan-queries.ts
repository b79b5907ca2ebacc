/**
 * What the pages read from the database: the plans with their counts of findings,
 * the values the filters offer, one plan's rows. Plain SQL over the tables and
 * views of docs/schema.md; every value is bound, never spliced.
 */
import type { Db } from "../store/index.js";

export interface PlanFilter {
  organization?: string | undefined;
  year?: number | undefined;
  kind?: string | undefined;
  /** Superseded versions too (default: current plans only). */
  allVersions?: boolean | undefined;
}

export interface PlanRow {
  planId: number;
  organization: string | null;
  year: number | null;
  kind: string | null;
  periodFrom: number | null;
  periodTo: number | null;
  version: number;
  isCurrent: number;
  path: string;
  format: string;
  pages: number | null;
  sha256: string;
  importedAt: string;
  units: number;
  objectives: number;
  errors: number;
  warnings: number;
  infos: number;
}

const PLAN_SELECT = `SELECT p.id AS planId, p.organization, p.year, p.kind, p.period_from AS periodFrom, p.period_to AS periodTo,
  p.version, p.is_current AS isCurrent, d.path, d.format, d.pages, d.sha256, d.imported_at AS importedAt,
  (SELECT count(*) FROM units u WHERE u.plan_id = p.id) AS units,
  (SELECT count(*) FROM objectives o JOIN units u ON u.id = o.unit_id WHERE u.plan_id = p.id) AS objectives,
  a.errors, a.warnings, a.infos
  FROM plans p JOIN documents d ON d.id = p.document_id JOIN v_plan_anomalies a ON a.plan_id = p.id`;

export function listPlanRows(db: Db, f: PlanFilter): PlanRow[] {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (f.organization !== undefined) {
    where.push("p.organization = ?");
    params.push(f.organization);
  }
  if (f.year !== undefined) {
    where.push("p.year = ?");
    params.push(f.year);
  }
  if (f.kind !== undefined) {
    where.push("p.kind = ?");
    params.push(f.kind);
  }
  if (!f.allVersions) where.push("p.is_current = 1");
  const sql = `${PLAN_SELECT}${where.length ? " WHERE " + where.join(" AND ") : ""}
    ORDER BY p.organization IS NULL, p.organization, p.year DESC, p.version DESC, p.id`;
  return db.prepare(sql).all(...params) as PlanRow[];
}

export function planRow(db: Db, planId: number): PlanRow | undefined {
  return db.prepare(`${PLAN_SELECT} WHERE p.id = ?`).get(planId) as PlanRow | undefined;
}

export interface FilterOptions {
  organizations: string[];
  years: number[];
  kinds: string[];
}

export function filterOptions(db: Db): FilterOptions {
  const col = (sql: string) => db.prepare(sql).pluck().all();
  return {
    organizations: col("SELECT DISTINCT organization FROM plans WHERE organization IS NOT NULL ORDER BY organization") as string[],
    years: col("SELECT DISTINCT year FROM plans WHERE year IS NOT NULL ORDER BY year DESC") as number[],
    kinds: col("SELECT DISTINCT kind FROM plans WHERE kind IS NOT NULL ORDER BY kind") as string[],
  };
}

export interface FindingRow {
  severity: "error" | "warning" | "info";
  code: string;
  unit: string | null;
  objective: number | null;
  page: number | null;
  /** A reader's finding: the layout table, and the row and column within it (1-based). */
  table: string | null;
  row: number | null;
  column: number | null;
  message: string;
}

export function findingRows(db: Db, planId: number): FindingRow[] {
  return db
    .prepare(
      `SELECT severity, code, unit, objective_number AS objective, page, table_id AS "table", row_index AS "row", column_index AS "column", message
       FROM anomalies WHERE plan_id = ?
       ORDER BY CASE severity WHEN 'error' THEN 0 WHEN 'warning' THEN 1 ELSE 2 END, position`,
    )
    .all(planId) as FindingRow[];
}

export interface UnitRow {
  number: number | null;
  unit: string;
  manager: string | null;
  objectives: number;
  summaryTotal: number | null;
  detailTotal: number | null;
  expectedTotal: number;
  page: number | null;
}

export function unitRows(db: Db, planId: number): UnitRow[] {
  return db
    .prepare(
      `SELECT t.unit_number AS number, t.unit, t.manager, t.objectives, t.summary_total AS summaryTotal,
         t.detail_total AS detailTotal, t.expected_total AS expectedTotal, t.page
       FROM v_unit_totals t JOIN units u ON u.id = t.unit_id WHERE t.plan_id = ? ORDER BY u.position`,
    )
    .all(planId) as UnitRow[];
}

export interface ObjectiveRow {
  unit: string;
  number: number;
  title: string;
  summaryWeight: number | null;
  detailWeight: number | null;
  strategicObjective: string | null;
  summaryPage: number | null;
  detailPage: number | null;
}

export function objectiveRows(db: Db, planId: number): ObjectiveRow[] {
  return db
    .prepare(
      `SELECT u.name AS unit, o.number, o.title, o.summary_weight AS summaryWeight, o.detail_weight AS detailWeight,
         o.strategic_objective AS strategicObjective, o.summary_page AS summaryPage, o.detail_page AS detailPage
       FROM objectives o JOIN units u ON u.id = o.unit_id WHERE u.plan_id = ? ORDER BY u.position, o.position`,
    )
    .all(planId) as ObjectiveRow[];
}

export interface IndicatorRow {
  unit: string;
  objective: number;
  source: "summary" | "detail";
  text: string;
  formula: string | null;
  baseline: string | null;
  target: string | null;
  page: number | null;
}

export function indicatorRows(db: Db, planId: number): IndicatorRow[] {
  return db
    .prepare(
      `SELECT u.name AS unit, o.number AS objective, i.source, i.text, i.formula, i.baseline, i.target, i.page
       FROM indicators i JOIN objectives o ON o.id = i.objective_id JOIN units u ON u.id = o.unit_id
       WHERE u.plan_id = ? ORDER BY u.position, o.position, i.source DESC, i.position`,
    )
    .all(planId) as IndicatorRow[];
}

export interface PhaseRow {
  unit: string;
  objective: number;
  number: number | null;
  description: string;
  responsible: string | null;
  months: string | null;
  start: string | null;
  deadline: string | null;
  deadlineText: string | null;
  weight: number | null;
  page: number | null;
}

export function phaseRows(db: Db, planId: number): PhaseRow[] {
  return db
    .prepare(
      `SELECT u.name AS unit, o.number AS objective, ph.number, ph.description, ph.responsible,
         (SELECT group_concat(month, ',') FROM (SELECT month FROM phase_months m WHERE m.phase_id = ph.id ORDER BY month)) AS months,
         ph.start, ph.deadline, ph.deadline_text AS deadlineText, ph.weight, ph.page
       FROM phases ph JOIN objectives o ON o.id = ph.objective_id JOIN units u ON u.id = o.unit_id
       WHERE u.plan_id = ? ORDER BY u.position, o.position, ph.position`,
    )
    .all(planId) as PhaseRow[];
}

/** Bodies whose current plans cover at least two years, for the comparison. */
export function bodiesWithYears(db: Db): { organization: string; years: number }[] {
  return db
    .prepare(
      `SELECT organization, count(DISTINCT year) AS years FROM plans
       WHERE is_current = 1 AND organization IS NOT NULL AND year IS NOT NULL
       GROUP BY organization HAVING count(DISTINCT year) >= 2 ORDER BY organization`,
    )
    .all() as { organization: string; years: number }[];
}

/** The current plan of each year of one body, oldest first. */
export function yearsOfBody(db: Db, organization: string): { planId: number; year: number }[] {
  return db.prepare("SELECT id AS planId, year FROM plans WHERE is_current = 1 AND organization = ? AND year IS NOT NULL ORDER BY year").all(organization) as {
    planId: number;
    year: number;
  }[];
}

/** The stored document of a plan: where it was read from and what its bytes hash to. */
export function planDocument(db: Db, planId: number): { path: string; sha256: string; format: string } | undefined {
  return db.prepare("SELECT d.path, d.sha256, d.format FROM plans p JOIN documents d ON d.id = p.document_id WHERE p.id = ?").get(planId) as
    | { path: string; sha256: string; format: string }
    | undefined;
}
