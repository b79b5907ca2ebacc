/**
 * Batch import: files and folders → plans in the database. This module drives the
 * stages (collect → check the file → hash → parse in a worker → store); the store
 * only stores. `jobs` lanes each take the next file, so `jobs` is the one bound on
 * files in flight (the worker pool starts a worker per lane). Every write goes
 * through the one connection given, one transaction per document. Like Kysely's
 * migrateToLatest, importFiles reports an outcome per file and never throws for
 * one bad file; a storage error (disk full, read-only database) stops the whole
 * import instead, since every later file would fail the same way.
 */
import { createHash } from "node:crypto";
import { createReadStream, statSync } from "node:fs";
import { availableParallelism } from "node:os";
import type { PlanExport } from "../normalize/plan-schema.js";
import { findDocument, storePlan } from "../store/store-plan.js";
import type { Db } from "../store/open-database.js";
import { collectFiles, type PathNote } from "./collect-files.js";
import { regularFileProblem, statErrorProblem } from "../extract/regular-file.js";
import type { WorkerLimits } from "./bounded-worker.js";
import type { WorkerStats } from "./read-messages.js";
import type { ReaderLimits } from "../extract/settings.js";
import { WorkerPool } from "./worker-pool.js";

export type ImportOutcome =
  | {
      readonly file: string;
      readonly status: "imported";
      readonly planId: number;
      readonly documentId: number;
      readonly version: number;
      readonly pages: number | null;
      readonly stats?: WorkerStats;
    }
  | { readonly file: string; readonly status: "unchanged"; readonly documentId: number; readonly planId: number | null }
  | { readonly file: string; readonly status: "failed"; readonly reason: string; readonly kind?: string | undefined };

export interface ImportResultSet {
  /** One per file attempted: paths that could not be used first, then files in the order collected. */
  readonly outcomes: ImportOutcome[];
  readonly imported: number;
  readonly unchanged: number;
  readonly failed: number;
  /** Entries of folders left out (special files, link loops), each with its reason. */
  readonly skipped: PathNote[];
  /** Set when a storage error stopped the import: the reason, the file being stored, how many files got no outcome. */
  readonly stopped?: { readonly reason: string; readonly file: string; readonly notImported: number };
}

/** Parses one file into a plan export (injectable; the default runs extractPlan in workers). */
export type ExtractFunction = (file: string, displayPath: string) => Promise<PlanExport>;

export interface ImportOptions {
  readonly db: Db;
  /** Files in flight at once; default: the number of cores. */
  readonly jobs?: number;
  /** Parse in-process with this function instead of in worker threads. */
  readonly extract?: ExtractFunction;
  /** Per-file time limit for worker parsing. */
  readonly timeoutMs?: number;
  /** Heap limit per worker. */
  readonly maxOldGenerationSizeMb?: number;
  /** Reader limits (`--limit`) for worker parsing. */
  readonly readerLimits?: Partial<ReaderLimits>;
  /** Worker script override (tests). */
  readonly workerFile?: string;
  /** Called once per file as soon as its outcome is known. */
  readonly onOutcome?: (outcome: ImportOutcome, done: number, total: number) => void;
  /** Called once the files are collected. */
  readonly onStart?: (total: number) => void;
}

/**
 * Documents read at once when `--jobs` is not given: one core fewer than the
 * machine has (at least one). A read worker keeps about 1.5 cores busy, not one:
 * V8 compiles its code on helper threads all along (bench/results.md: with one
 * worker the import used 1.52 of 2 cores, and `--jobs 2` ran at 0.97 × `--jobs 1`
 * with 84 MB more). The spare core serves those threads and the main thread.
 */
export function defaultJobs(): number {
  return Math.max(1, availableParallelism() - 1);
}

/** `--jobs` above the core count only adds memory and contention: the count actually used. */
export function capJobs(requested: number): { jobs: number; capped: boolean } {
  const cores = availableParallelism();
  return requested > cores ? { jobs: cores, capped: true } : { jobs: requested, capped: false };
}

type Parsed = { ok: true; plan: PlanExport; stats?: WorkerStats } | { ok: false; reason: string; kind?: string | undefined };

/** A failure of the database itself (better-sqlite3's SqliteError), as opposed to one document's. */
function isStorageError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("SQLITE_");
}

class StorageStop extends Error {}

export async function importFiles(paths: readonly string[], options: ImportOptions): Promise<ImportResultSet> {
  const { files, missing, skipped } = collectFiles(paths);
  const total = files.length + missing.length;
  options.onStart?.(total);
  const jobs = Math.max(1, options.jobs ?? defaultJobs());
  // Outcomes are kept in the order the paths were collected, whatever order they finish in.
  const first: ImportOutcome[] = [];
  const byFile: (ImportOutcome | undefined)[] = new Array(files.length);
  const ordered = () => [...first, ...byFile.filter((o): o is ImportOutcome => o !== undefined)];
  let done = 0;
  const report = (o: ImportOutcome, index?: number): void => {
    done += 1;
    if (index === undefined) first.push(o);
    else byFile[index] = o;
    options.onOutcome?.(o, done, total);
  };
  for (const m of missing) report({ file: m.file, status: "failed", reason: m.reason, kind: m.kind });

  let pool: WorkerPool | undefined;
  let parse: (file: string) => Promise<Parsed>;
  if (options.extract) {
    const fn = options.extract;
    parse = async (file) => {
      try {
        return { ok: true, plan: await fn(file, file) };
      } catch (e) {
        const err = e as Error & { kind?: unknown };
        return { ok: false, reason: (err.message ?? String(e)).split("\n")[0]!, kind: typeof err.kind === "string" ? err.kind : undefined };
      }
    };
  } else {
    try {
      const limits: Partial<WorkerLimits> = {
        ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
        ...(options.maxOldGenerationSizeMb ? { maxOldGenerationSizeMb: options.maxOldGenerationSizeMb } : {}),
      };
      pool = new WorkerPool({
        ...limits,
        ...(options.workerFile ? { workerFile: options.workerFile } : {}),
        ...(options.readerLimits ? { readerLimits: options.readerLimits } : {}),
      });
    } catch (e) {
      const reason = (e as Error).message;
      files.forEach((file, i) => report({ file, status: "failed", reason }, i));
      return summarize(ordered(), skipped);
    }
    const p = pool;
    parse = (file) => p.run(file, file);
  }

  // Lanes: each takes the next file until none is left or the storage failed.
  let next = 0;
  let stopped: { reason: string; file: string } | undefined;
  let attempted = 0;
  const lane = async () => {
    while (stopped === undefined && next < files.length) {
      const index = next++;
      const file = files[index]!;
      try {
        const o = await importOne(file, options.db, parse, () => stopped !== undefined);
        if (o) {
          attempted += 1;
          report(o, index);
        }
      } catch (e) {
        if (!(e instanceof StorageStop)) throw e;
        stopped ??= { reason: e.message, file };
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(jobs, Math.max(1, files.length)) }, lane));
  } finally {
    await pool?.close();
  }
  return summarize(ordered(), skipped, stopped && { ...stopped, notImported: files.length - attempted });
}

/**
 * One file through the stages. Returns its outcome, or null when the import
 * stopped while it was being parsed; throws StorageStop on a storage error.
 */
async function importOne(file: string, db: Db, parse: (file: string) => Promise<Parsed>, isStopped: () => boolean): Promise<ImportOutcome | null> {
  // Checked again here: a folder's entry may have been replaced since it was listed.
  const problem = regularFileProblem(file);
  if (problem) return { file, status: "failed", reason: problem.reason, kind: problem.kind };
  let bytes: number;
  let sha256: string;
  try {
    bytes = statSync(file).size;
    sha256 = await hashFile(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return {
      file,
      status: "failed",
      reason: code === "ENOENT" ? statErrorProblem(e).reason : `cannot be read: ${(e as Error).message.split("\n")[0]}`,
      kind: "not-found",
    };
  }
  const known = store(() => findDocument(db, sha256));
  // Known bytes are not parsed again.
  if (known) return { file, status: "unchanged", ...known };
  const parsed = await parse(file);
  if (isStopped()) return null;
  if (!parsed.ok) return { file, status: "failed", reason: parsed.reason, kind: parsed.kind };
  const { plan } = parsed;
  if (plan.source.sha256 !== sha256)
    return { file, status: "failed", reason: "the file changed while it was being imported (sha256 differs); import it again" };
  let stored;
  try {
    stored = store(() => storePlan(db, plan, { bytes }));
  } catch (e) {
    if (e instanceof StorageStop) throw e;
    // The export itself does not fit the contract: this document's problem only.
    return { file, status: "failed", reason: (e as Error).message.split("\n")[0]! };
  }
  if (stored.status === "unchanged") return { file, status: "unchanged", documentId: stored.documentId, planId: stored.planId };
  return {
    file,
    status: "imported",
    planId: stored.planId,
    documentId: stored.documentId,
    version: stored.version,
    pages: plan.source.pageCount,
    ...(parsed.stats ? { stats: parsed.stats } : {}),
  };
}

/** Runs a database call, turning a storage failure into StorageStop with its one-line reason. */
function store<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (isStorageError(e)) throw new StorageStop(`cannot write to the database: ${(e as Error).message.split("\n")[0]}`);
    throw e;
  }
}

function summarize(outcomes: ImportOutcome[], skipped: PathNote[], stopped?: ImportResultSet["stopped"]): ImportResultSet {
  const n = (s: ImportOutcome["status"]) => outcomes.filter((o) => o.status === s).length;
  return { outcomes, imported: n("imported"), unchanged: n("unchanged"), failed: n("failed"), skipped, ...(stopped ? { stopped } : {}) };
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
