/**
 * Writes one plan export (schemaVersion 2) into the database in ONE transaction: the
 * document, the plan, its units, objectives, phases, months, indicators and anomalies
 * all land, or nothing does. A document whose sha256 is already stored is left alone
 * ("unchanged"). A plan for an organization and year that already has a current
 * plan becomes the current one; the old stays, marked superseded.
 */
import { PlanExport, type Indicator, type Objective, type Unit } from "../normalize/plan-schema.js";
import type { Statement } from "better-sqlite3";
import type { Db } from "./open-database.js";
import { ExportRejectedError } from "./store-errors.js";

/**
 * One prepared statement per database and SQL text, made on first use: a batch
 * import stores hundreds of plans of dozens of objectives each through the same
 * dozen statements, which SQLite need not compile again for every row.
 */
const statements = new WeakMap<Db, Map<string, Statement>>();

function statement(db: Db, sql: string): Statement {
  let mine = statements.get(db);
  if (!mine) statements.set(db, (mine = new Map()));
  let st = mine.get(sql);
  if (!st) mine.set(sql, (st = db.prepare(sql)));
  return st;
}

export interface StoreInfo {
  /** Size of the source file in bytes. */
  readonly bytes: number;
  /** ISO timestamp; defaults to now. */
  readonly importedAt?: string;
  /** Called inside the transaction after every table is written (tests use it to fail mid-document). */
  readonly beforeCommit?: () => void;
}

export type StoreOutcome =
  | { readonly status: "imported"; readonly documentId: number; readonly planId: number; readonly version: number }
  | { readonly status: "unchanged"; readonly documentId: number; readonly planId: number | null };

/** Problems that make an export unfit to store, although zod accepted it. */
export function contractProblems(plan: PlanExport): string[] {
  const problems: string[] = [];
  plan.units.forEach((u, ui) =>
    u.objectives.forEach((o, oi) =>
      o.detail?.phases.forEach((ph, pi) => {
        const ascending = ph.months.every((m, i) => i === 0 || ph.months[i - 1]! < m);
        if (!ascending)
          problems.push(`unit ${ui + 1} objective ${oi + 1} phase ${pi + 1}: months are not ascending without duplicates (${ph.months.join(", ")})`);
      }),
    ),
  );
  return problems;
}

export function findDocument(db: Db, sha256: string): { documentId: number; planId: number | null } | undefined {
  const row = statement(db, "SELECT d.id AS documentId, p.id AS planId FROM documents d LEFT JOIN plans p ON p.document_id = d.id WHERE d.sha256 = ?").get(
    sha256,
  ) as { documentId: number; planId: number | null } | undefined;
  return row;
}

/** Throws ExportRejectedError (nothing written) for an export that breaks the contract. */
export function storePlan(db: Db, input: PlanExport, info: StoreInfo): StoreOutcome {
  const parsed = PlanExport.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`);
    throw new ExportRejectedError(`export does not match the contract: ${problems[0] ?? "invalid"}`, problems);
  }
  const plan = parsed.data;
  const problems = contractProblems(plan);
  if (problems.length) throw new ExportRejectedError(`export breaks the contract: ${problems[0]}`, problems);
  const write = db.transaction((): StoreOutcome => {
    const existing = findDocument(db, plan.source.sha256);
    if (existing) return { status: "unchanged", ...existing };
    const importedAt = info.importedAt ?? new Date().toISOString();
    const documentId = Number(
      statement(db, "INSERT INTO documents (path, sha256, format, pages, bytes, imported_at) VALUES (?, ?, ?, ?, ?, ?)").run(
        plan.source.path,
        plan.source.sha256,
        plan.source.format,
        plan.source.pageCount,
        info.bytes,
        importedAt,
      ).lastInsertRowid,
    );
    const { planId, version } = insertPlan(db, plan, documentId, importedAt);
    plan.units.forEach((u, i) => insertUnit(db, planId, i, u));
    const anomaly = statement(
      db,
      `INSERT INTO anomalies (plan_id, position, code, severity, unit, objective_number, message, page, table_id, row_index, column_index)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    plan.anomalies.forEach((a, i) =>
      anomaly.run(planId, i, a.code, a.severity, a.unit, a.objective, a.message, a.page, a.table ?? null, a.row ?? null, a.column ?? null),
    );
    info.beforeCommit?.();
    return { status: "imported", documentId, planId, version };
  });
  // IMMEDIATE: take the write lock before reading, so the sha256 check and the
  // current-plan switch see the same state as the writes.
  return write.immediate();
}

function insertPlan(db: Db, plan: PlanExport, documentId: number, importedAt: string): { planId: number; version: number } {
  const { organization, year } = plan;
  const grouped = organization !== null && year !== null;
  const previous = grouped
    ? (statement(db, "SELECT max(version) AS version, max(CASE WHEN is_current = 1 THEN id END) AS current FROM plans WHERE organization = ? AND year = ?").get(
        organization,
        year,
      ) as { version: number | null; current: number | null })
    : { version: null, current: null };
  const version = (previous.version ?? 0) + 1;
  // Inserted as not current first: the unique index allows one current plan per
  // organization and year, so the old one must step down before the new one is promoted.
  const planId = Number(
    statement(
      db,
      `INSERT INTO plans (document_id, schema_version, organization, year, version, is_current, kind, period_from, period_to)
         VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?)`,
    ).run(documentId, plan.schemaVersion, organization, year, version, plan.kind, plan.period?.from ?? null, plan.period?.to ?? null).lastInsertRowid,
  );
  if (previous.current !== null)
    statement(db, "UPDATE plans SET is_current = 0, superseded_by = ?, superseded_at = ? WHERE id = ?").run(planId, importedAt, previous.current);
  statement(db, "UPDATE plans SET is_current = 1 WHERE id = ?").run(planId);
  return { planId, version };
}

function insertUnit(db: Db, planId: number, position: number, u: Unit): void {
  // Units rarely carry their own page: fall back to the first summary row's page, else
  // (a unit with no summary) its first sheet's.
  const given = u.page !== undefined;
  const page = given
    ? u.page
    : (u.objectives.find((o) => o.summary?.page != null)?.summary?.page ?? u.objectives.find((o) => o.detail?.page != null)?.detail?.page ?? null);
  const unitId = Number(
    statement(db, "INSERT INTO units (plan_id, position, number, name, manager, declared_total, page, page_given) VALUES (?, ?, ?, ?, ?, ?, ?, ?)").run(
      planId,
      position,
      u.number,
      u.name,
      u.manager,
      u.declaredTotal,
      page,
      given ? 1 : 0,
    ).lastInsertRowid,
  );
  u.objectives.forEach((o, i) => insertObjective(db, unitId, i, o));
}

function insertObjective(db: Db, unitId: number, position: number, o: Objective): void {
  const s = o.summary;
  const d = o.detail;
  const g = o.strategy;
  const objectiveId = Number(
    statement(
      db,
      `INSERT INTO objectives (unit_id, position, number, title,
           has_summary, summary_weight, summary_weight_text, summary_title, notes, summary_page, summary_table,
           has_detail, detail_number, detail_weight, detail_weight_text, detail_title, detail_unit_name, detail_manager,
           duration, end_year, intersectoral, description, criticalities, detail_page, detail_table,
           has_strategy, mission, programme, strategic_objective, public_value)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      unitId,
      position,
      o.number,
      o.title,
      s ? 1 : 0,
      s?.weight ?? null,
      s?.weightText ?? null,
      s?.title ?? null,
      s?.notes ?? null,
      s?.page ?? null,
      s?.table ?? null,
      d ? 1 : 0,
      d?.number ?? null,
      d?.weight ?? null,
      d?.weightText ?? null,
      d?.title ?? null,
      d?.unitName ?? null,
      d?.manager ?? null,
      d?.duration ?? null,
      d?.endYear ?? null,
      d ? (d.intersectoral ? 1 : 0) : null,
      d?.description ?? null,
      d?.criticalities ?? null,
      d?.page ?? null,
      d?.table ?? null,
      g ? 1 : 0,
      g?.mission ?? null,
      g?.programme ?? null,
      g?.strategicObjective ?? null,
      g?.publicValue ?? null,
    ).lastInsertRowid,
  );
  const indicator = statement(
    db,
    "INSERT INTO indicators (objective_id, source, position, text, formula, baseline, target, page) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
  );
  const addIndicator = (source: "summary" | "detail", page: number | null) => (ind: Indicator, i: number) =>
    indicator.run(objectiveId, source, i, ind.text, ind.formula, ind.baseline, ind.target, page);
  if (s) s.indicators.forEach(addIndicator("summary", s.page));
  if (d) d.indicators.forEach(addIndicator("detail", d.page));
  if (!d) return;
  const phase = statement(
    db,
    `INSERT INTO phases (objective_id, position, number, description, responsible, output, page, page_given,
       weight, start, deadline, deadline_text)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const month = statement(db, "INSERT INTO phase_months (phase_id, month) VALUES (?, ?)");
  d.phases.forEach((ph, i) => {
    // A phase without its own page sits on its sheet's page.
    const given = ph.page !== undefined;
    const phaseId = Number(
      phase.run(
        objectiveId,
        i,
        ph.number,
        ph.description,
        ph.responsible,
        ph.output,
        given ? ph.page : d.page,
        given ? 1 : 0,
        ph.weight,
        ph.start,
        ph.deadline,
        ph.deadlineText,
      ).lastInsertRowid,
    );
    for (const m of ph.months) month.run(phaseId, m);
  });
}
