/** What the report reads from the store: open a database, list plans, read them back. */
export { openDatabase, type Db } from "./open-database.js";
export { loadPlan } from "./load-plan.js";
export { listPlans, findPreviousPlan, type PlanSummary } from "./list-plans.js";
export { upgradeExport } from "./upgrade-export.js";
