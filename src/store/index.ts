/** The store's public API: open a database, write plans, read them back (importing files is src/pipeline/import-files.ts). */
export { openDatabase, type Db, type OpenOptions } from "./open-database.js";
export { migrateToLatest, readMigrations, MIGRATIONS_DIR, type MigrationResultSet, type MigrationResult } from "./migrate.js";
export { storePlan, findDocument, type StoreOutcome, type StoreInfo } from "./store-plan.js";
export { loadPlan, PlanNotFoundError } from "./load-plan.js";
export { listPlans, findPreviousPlan, type PlanSummary, type ListPlansFilter } from "./list-plans.js";
export { StoreError, ExportRejectedError } from "./store-errors.js";
export { upgradeExport } from "./upgrade-export.js";
