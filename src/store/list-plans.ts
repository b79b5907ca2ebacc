/**
 * Finding stored plans: by organization and year, current versions only, and the
 * previous year's current plan of the same body (for year-over-year comparisons).
 */
import type { Db } from "./open-database.js";

export interface PlanSummary {
  readonly planId: number;
  readonly documentId: number;
  readonly organization: string | null;
  readonly year: number | null;
  readonly version: number;
  readonly isCurrent: boolean;
  readonly supersededBy: number | null;
  readonly path: string;
  readonly sha256: string;
  readonly format: string;
  readonly pages: number | null;
  readonly importedAt: string;
}

export interface ListPlansFilter {
  readonly organization?: string;
  readonly year?: number;
  readonly currentOnly?: boolean;
}

const SELECT = `SELECT p.id AS planId, p.document_id AS documentId, p.organization, p.year, p.version,
  p.is_current AS isCurrent, p.superseded_by AS supersededBy,
  d.path, d.sha256, d.format, d.pages, d.imported_at AS importedAt
  FROM plans p JOIN documents d ON d.id = p.document_id`;

type Row = Omit<PlanSummary, "isCurrent"> & { isCurrent: number };
const toSummary = (r: Row): PlanSummary => ({ ...r, isCurrent: r.isCurrent === 1 });

/** Plans ordered by organization, year and version (oldest version first). */
export function listPlans(db: Db, filter: ListPlansFilter = {}): PlanSummary[] {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (filter.organization !== undefined) {
    where.push("p.organization = ?");
    params.push(filter.organization);
  }
  if (filter.year !== undefined) {
    where.push("p.year = ?");
    params.push(filter.year);
  }
  if (filter.currentOnly) where.push("p.is_current = 1");
  const sql = `${SELECT}${where.length ? " WHERE " + where.join(" AND ") : ""} ORDER BY p.organization, p.year, p.version, p.id`;
  return (db.prepare(sql).all(...params) as Row[]).map(toSummary);
}

/** The current plan of the same organization for the year before, if stored. */
export function findPreviousPlan(db: Db, planId: number): PlanSummary | undefined {
  const row = db
    .prepare(
      `${SELECT} JOIN plans this ON this.organization = p.organization AND this.year - 1 = p.year
       WHERE this.id = ? AND p.is_current = 1`,
    )
    .get(planId) as Row | undefined;
  return row ? toSummary(row) : undefined;
}
