/**
 * Real documents read once per test worker: vitest.config.ts runs the test files of a
 * worker in one module graph (isolate: false), and several files check different things
 * of the same read (the fixture goldens, the expected exports, the findings' wording,
 * the limits a sample passes). Each document is read by readDocument with the default
 * reader settings, as `piao extract` reads it, the first time a test asks; every caller
 * gets a copy of its own. Tests about the reading itself (settings, views, errors, the
 * worker) call the readers directly.
 */
import path from "node:path";
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

/** readDocument(file) with the default settings (`file` absolute: the path is part of the layout). */
export async function readOnce(file: string): Promise<ReadResult> {
  return structuredClone(await once(reads, file, () => readDocument(file)));
}

/** extractPlan(file)'s export: the document as readOnce gives it, normalised once. */
export async function extractedPlan(file: string): Promise<PlanExport> {
  return structuredClone(await once(plans, file, async () => planOfRead(file, await readOnce(file)).plan));
}
