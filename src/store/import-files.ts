/**
 * Batch import: files and folders → plans in the database. Parsing runs in worker
 * threads (or an injected extract function); every write goes through the one
 * connection given, one transaction per document. Like Kysely's migrateToLatest,
 * importFiles reports an outcome per file and never throws for one bad file.
 */
import { createHash } from "node:crypto";
import { createReadStream, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import pLimit from "p-limit";
import type { PlanExport } from "../normalize/plan-schema.js";
import { WorkerPool } from "../pipeline/worker-pool.js";
import type { WorkerStats } from "../pipeline/worker-messages.js";
import { collectFiles } from "./collect-files.js";
import type { Db } from "./open-database.js";
import { findDocument, storePlan } from "./store-plan.js";

export type ImportOutcome =
  | { readonly file: string; readonly status: "imported"; readonly planId: number; readonly documentId: number; readonly version: number; readonly pages: number | null; readonly stats?: WorkerStats }
  | { readonly file: string; readonly status: "unchanged"; readonly documentId: number; readonly planId: number | null }
  | { readonly file: string; readonly status: "failed"; readonly reason: string; readonly kind?: string | undefined };

export interface ImportResultSet {
  /** One per file, in the order the files were collected. */
  readonly outcomes: ImportOutcome[];
  readonly imported: number;
  readonly unchanged: number;
  readonly failed: number;
}

/** Parses one file into a plan export (injectable; the default runs extractPlan in workers). */
export type ExtractFunction = (file: string, displayPath: string) => Promise<PlanExport>;

export interface ImportOptions {
  readonly db: Db;
  /** Files parsed at once; default: the number of cores. */
  readonly jobs?: number;
  /** Parse in-process with this function instead of in worker threads. */
  readonly extract?: ExtractFunction;
  /** Per-file time limit for worker parsing. */
  readonly timeoutMs?: number;
  /** Worker script override (tests). */
  readonly workerFile?: string;
  /** Called once per file as soon as its outcome is known. */
  readonly onOutcome?: (outcome: ImportOutcome, done: number, total: number) => void;
  /** Called once the files are collected. */
  readonly onStart?: (total: number) => void;
}

export async function importFiles(paths: readonly string[], options: ImportOptions): Promise<ImportResultSet> {
  const { files, missing } = collectFiles(paths);
  const total = files.length + missing.length;
  options.onStart?.(total);
  const jobs = Math.max(1, options.jobs ?? availableParallelism());
  let done = 0;
  const report = (o: ImportOutcome): ImportOutcome => {
    done += 1;
    options.onOutcome?.(o, done, total);
    return o;
  };
  const missingOutcomes = missing.map((m) => report({ file: m.file, status: "failed", reason: m.reason, kind: m.reason === "file not found" ? "not-found" : undefined }));

  let pool: WorkerPool | undefined;
  let extract: (file: string) => Promise<{ plan: PlanExport; stats?: WorkerStats }>;
  if (options.extract) {
    const fn = options.extract;
    extract = async (file) => ({ plan: await fn(file, file) });
  } else {
    try {
      pool = new WorkerPool({ size: jobs, ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}), ...(options.workerFile ? { workerFile: options.workerFile } : {}) });
    } catch (e) {
      const reason = (e as Error).message;
      const outcomes = [...missingOutcomes, ...files.map((file) => report({ file, status: "failed", reason }))];
      return summarize(outcomes);
    }
    const p = pool;
    extract = async (file) => {
      const r = await p.run(file, file);
      if (!r.ok) throw Object.assign(new Error(r.reason), { kind: r.kind });
      return { plan: r.plan, stats: r.stats };
    };
  }

  const limit = pLimit(jobs);
  try {
    const outcomes = await Promise.all(files.map((file) => limit(async () => report(await importOne(file, options.db, extract)))));
    return summarize([...missingOutcomes, ...outcomes]);
  } finally {
    await pool?.close();
  }
}

async function importOne(
  file: string,
  db: Db,
  extract: (file: string) => Promise<{ plan: PlanExport; stats?: WorkerStats }>,
): Promise<ImportOutcome> {
  try {
    const bytes = statSync(file).size;
    const sha256 = await hashFile(file);
    // Known bytes are not parsed again.
    const known = findDocument(db, sha256);
    if (known) return { file, status: "unchanged", ...known };
    const { plan, stats } = await extract(file);
    if (plan.source.sha256 !== sha256)
      return { file, status: "failed", reason: "the file changed while it was being imported (sha256 differs); import it again" };
    const stored = storePlan(db, plan, { bytes });
    if (stored.status === "unchanged") return { file, status: "unchanged", documentId: stored.documentId, planId: stored.planId };
    return { file, status: "imported", planId: stored.planId, documentId: stored.documentId, version: stored.version, pages: plan.source.pageCount, ...(stats ? { stats } : {}) };
  } catch (e) {
    const err = e as Error & { kind?: unknown; code?: unknown };
    const kind = typeof err.kind === "string" ? err.kind : err.code === "ENOENT" ? "not-found" : undefined;
    const reason = err instanceof Error ? (err.message.split("\n")[0] ?? err.name) : String(e);
    return { file, status: "failed", reason: kind === "not-found" && err.code === "ENOENT" ? "file not found" : reason, kind };
  }
}

function summarize(outcomes: ImportOutcome[]): ImportResultSet {
  const n = (s: ImportOutcome["status"]) => outcomes.filter((o) => o.status === s).length;
  return { outcomes, imported: n("imported"), unchanged: n("unchanged"), failed: n("failed") };
}

export function hashFile(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash("sha256");
    createReadStream(file)
      .on("data", (chunk) => hash.update(chunk))
      .on("error", reject)
      .on("end", () => resolve(hash.digest("hex")));
  });
}
