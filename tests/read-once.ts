/**
 * Real documents read once per test run: several test files check different things
 * of the same read (the fixture goldens, the expected exports, the findings' wording,
 * the limits a sample passes). Each document is read by readDocument with the default
 * reader settings, as `piao extract` reads it, the first time a test asks: kept in
 * memory for the test files of this worker (vitest.config.ts, isolate: false) and left
 * in this run's folder (tests/reads-dir.ts) for the other worker, which would otherwise
 * read it again (vitest starts the longest files on different workers). Every caller
 * gets a copy of its own. Tests about the reading itself (settings, views, errors, the
 * worker) call the readers directly.
 */
import { createHash } from "node:crypto";
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { deserialize, serialize } from "node:v8";
import { inject } from "vitest";
import { readDocument, type ReadResult } from "../src/extract/read-document.js";
import type { PlanExport } from "../src/normalize/plan-schema.js";
import { planOfRead } from "../src/pipeline/extract-plan.js";

const reads = new Map<string, Promise<ReadResult>>();
const plans = new Map<string, Promise<PlanExport>>();

function once<T>(memo: Map<string, Promise<T>>, file: string, make: () => Promise<T>): Promise<T> {
  if (!path.isAbsolute(file)) throw new Error(`read-once: ${file} is not an absolute path`);
  let value = memo.get(file);
  if (!value) {
    value = make();
    memo.set(file, value);
  }
  return value;
}

/**
 * The read another worker of this run left, else a new one, left for the others (written
 * whole, then renamed: a reader never sees half a file). Only reads that succeed are left.
 */
async function sharedRead(file: string): Promise<ReadResult> {
  const dir = inject("readsDir");
  if (!dir) return readDocument(file);
  const left = path.join(dir, `${createHash("sha256").update(file).digest("hex")}.v8`);
  try {
    return deserialize(readFileSync(left)) as ReadResult;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
  }
  const read = await readDocument(file);
  writeFileSync(`${left}.${process.pid}`, serialize(read));
  renameSync(`${left}.${process.pid}`, left);
  return read;
}

/** readDocument(file) with the default settings (`file` absolute: the path is part of the layout). */
export async function readOnce(file: string): Promise<ReadResult> {
  return structuredClone(await once(reads, file, () => sharedRead(file)));
}

/** extractPlan(file)'s export: the document as readOnce gives it, normalised once per worker. */
export async function extractedPlan(file: string): Promise<PlanExport> {
  return structuredClone(await once(plans, file, async () => planOfRead(file, await readOnce(file)).plan));
}
