/**
 * The report's inputs from a piao database: the current plans (optionally of one
 * organization and year), each with the same body's previous-year plan and the
 * version of the same plan it superseded, when the database holds them. The
 * database is opened read-only.
 */
import { findPreviousPlan, listPlans, loadPlan, openDatabase, type Db, type PlanSummary } from "../store/index.js";
import type { PlanExport } from "../normalize/plan-schema.js";
import type { PlanInput } from "./build-report.js";
import { matchKey as normalizeForMatch } from "../shared/fold-text.js";

export interface DbFilter {
  organization?: string;
  year?: number;
}

/**
 * Organization names are matched ignoring case, accents and punctuation; when
 * no stored name equals the filter, names containing it match ("luzzara"
 * finds "Comune di Luzzara").
 */
export function filterByOrganization(plans: PlanSummary[], organization: string | undefined): PlanSummary[] {
  if (organization === undefined) return plans;
  const wanted = normalizeForMatch(organization);
  const exact = plans.filter((p) => normalizeForMatch(p.organization ?? "") === wanted);
  if (exact.length > 0) return exact;
  return plans.filter((p) => wanted !== "" && normalizeForMatch(p.organization ?? "").includes(wanted));
}

export function plansFromDb(db: Db, filter: DbFilter): PlanInput[] {
  const current = listPlans(db, { currentOnly: true, ...(filter.year !== undefined ? { year: filter.year } : {}) });
  return filterByOrganization(current, filter.organization).map((s) => {
    const previous = findPreviousPlan(db, s.planId);
    const superseded = supersededVersion(db, s);
    return {
      plan: loadPlan(db, s.planId),
      planId: s.planId,
      previous: previous ? { plan: loadPlan(db, previous.planId), planId: previous.planId } : null,
      superseded: superseded ? { plan: loadPlan(db, superseded.planId), planId: superseded.planId } : null,
    };
  });
}

/** The version of the same body's plan for the same year that `plan` replaced, if any. */
function supersededVersion(db: Db, plan: PlanSummary): PlanSummary | undefined {
  if (plan.organization === null || plan.year === null) return undefined;
  return listPlans(db, { organization: plan.organization, year: plan.year }).find((v) => v.supersededBy === plan.planId);
}

/** The current plan of the same organization for the year before `plan`'s, for a plan read from a file. */
export function previousFromDb(db: Db, plan: PlanExport): PlanInput["previous"] {
  if (plan.organization === null || plan.year === null) return null;
  const candidates = listPlans(db, { organization: plan.organization, year: plan.year - 1, currentOnly: true });
  const found = candidates[0];
  return found ? { plan: loadPlan(db, found.planId), planId: found.planId } : null;
}

/**
 * The stored current version of the same body's plan for the same year, for a
 * plan read from a file: the version an import of the file would replace.
 * None when the database holds this very document.
 */
export function storedVersionFromDb(db: Db, plan: PlanExport): PlanInput["superseded"] {
  if (plan.organization === null || plan.year === null) return null;
  const found = listPlans(db, { organization: plan.organization, year: plan.year, currentOnly: true })[0];
  if (!found || found.sha256 === plan.source.sha256) return null;
  return { plan: loadPlan(db, found.planId), planId: found.planId };
}

export function openReadOnly(file: string): Db {
  return openDatabase(file, { readonly: true });
}
