/**
 * The options of the single-file commands, for node:util parseArgs: one table
 * each, read by the command and by main.ts's early start of the read worker
 * (early-reader.ts), which must accept exactly what the command accepts.
 * Free of zod and the readers, like everything main.ts loads before a command.
 */
import { LIMIT_OPTION, LIMIT_OPTIONS } from "./cli-errors.js";

export const TABLES_OPTIONS = {
  json: { type: "boolean" },
  csv: { type: "boolean" },
  pages: { type: "string" },
  debug: { type: "string" },
  ...LIMIT_OPTIONS,
  ...LIMIT_OPTION,
} as const;

export const EXTRACT_OPTIONS = {
  "expected-total": { type: "string" },
  ...LIMIT_OPTIONS,
  ...LIMIT_OPTION,
  explain: { type: "boolean" },
} as const;
