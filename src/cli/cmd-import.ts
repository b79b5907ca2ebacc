/**
 * `piao import PATH… [--db FILE] [--jobs N] [--timeout SECONDS]`: imports files and
 * folders into SQLite. Progress goes to stderr (a bar on a terminal, one line per
 * file otherwise); the summary goes to stdout. Exit 1 when any file failed or a
 * storage error stopped the import.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { openDatabase } from "../store/open-database.js";
import { capJobs, defaultJobs, importFiles, type ImportOutcome } from "../pipeline/import-files.js";
import { StoreError } from "../store/store-errors.js";
import { CliUsageError, LIMIT_OPTION, LIMIT_OPTIONS, workerLimits } from "./cli-errors.js";
import { limitSettings } from "./limit-options.js";

const BAR_WIDTH = 24;
const MIN_COLUMNS = 20;
const DEFAULT_COLUMNS = 80;

export async function runImport(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      db: { type: "string", default: "piao.sqlite" },
      jobs: { type: "string" },
      "force-db": { type: "boolean" },
      ...LIMIT_OPTIONS,
      ...LIMIT_OPTION,
    },
  });
  if (positionals.length === 0) throw new CliUsageError("expects at least one PATH (file or folder)");
  const requested = values.jobs === undefined ? defaultJobs() : Number(values.jobs);
  if (!Number.isInteger(requested) || requested < 1) throw new CliUsageError(`--jobs must be a whole number of at least 1, not '${values.jobs}'`);
  const limits = workerLimits(values);
  const readerLimits = limitSettings(values.limit);
  const { jobs, capped } = capJobs(requested);
  if (capped) process.stderr.write(`piao import: --jobs ${requested} is more than the ${jobs} cores; using ${jobs}\n`);

  let db;
  try {
    db = openDatabase(values.db!, { allowForeign: values["force-db"] === true });
  } catch (e) {
    if (e instanceof StoreError) {
      process.stderr.write(`piao import: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  const progress = process.stderr.isTTY ? barProgress() : lineProgress();
  try {
    const result = await importFiles(positionals, {
      db,
      jobs,
      ...limits,
      readerLimits,
      onOutcome: progress.outcome,
    });
    progress.end();
    const skipped = result.skipped.length ? `, skipped ${result.skipped.length}` : "";
    const lines = [`imported ${result.imported}, unchanged ${result.unchanged}, failed ${result.failed}${skipped}`];
    for (const o of result.outcomes) if (o.status === "failed") lines.push(`failed: ${o.file}: ${o.reason}`);
    for (const s of result.skipped) lines.push(`skipped: ${s.file}: ${s.reason}`);
    process.stdout.write(lines.join("\n") + "\n");
    if (result.stopped) {
      const { reason, file, notImported } = result.stopped;
      process.stderr.write(`piao import: stopped at ${file}: ${reason}; ${notImported} file${notImported === 1 ? "" : "s"} not imported\n`);
      return 1;
    }
    return result.failed > 0 ? 1 : 0;
  } finally {
    db.close();
  }
}

function describe(o: ImportOutcome): string {
  switch (o.status) {
    case "imported":
      return `imported  ${o.file} (plan ${o.planId}, version ${o.version}${o.pages !== null ? `, ${o.pages} pages` : ""})`;
    case "unchanged":
      return `unchanged ${o.file}`;
    case "failed":
      return `failed    ${o.file}: ${o.reason}`;
  }
}

function lineProgress() {
  return {
    outcome: (o: ImportOutcome, done: number, total: number) => process.stderr.write(`[${done}/${total}] ${describe(o)}\n`),
    end: () => {},
  };
}

function barProgress() {
  const counts = { imported: 0, unchanged: 0, failed: 0 };
  let drawn = false;
  return {
    outcome: (o: ImportOutcome, done: number, total: number) => {
      counts[o.status] += 1;
      const filled = total ? Math.round((done / total) * BAR_WIDTH) : BAR_WIDTH;
      const bar = "#".repeat(filled) + "-".repeat(BAR_WIDTH - filled);
      // A pseudo-terminal may report 0 columns: assume the classic 80.
      const width = (process.stderr.columns ?? 0) > MIN_COLUMNS ? process.stderr.columns : DEFAULT_COLUMNS;
      const line = `[${bar}] ${done}/${total}  ok ${counts.imported}  same ${counts.unchanged}  failed ${counts.failed}  ${path.basename(o.file)}`;
      process.stderr.write(`\r${line.slice(0, width - 1).padEnd(width - 1)}`);
      drawn = true;
    },
    end: () => {
      if (drawn) process.stderr.write("\n");
    },
  };
}
