/**
 * Starting the worker that reads documents (read-worker.ts). Kept free of zod
 * and of every reader, so a single-file command can start its worker before it
 * loads anything else (`startReadWorkerEarly`): the worker's own start and its
 * loading of pdf.js then overlap the command's, on a second core.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { ReadWorkerData } from "./read-messages.js";

/** Defaults of WorkerLimits (bounded-worker.ts), here so starting a worker needs no schema. */
export const DEFAULT_TIMEOUT_MS = 120_000;
export const DEFAULT_MAX_OLD_GENERATION_MB = 1024;

/**
 * Workers run compiled JS: from dist/ the sibling of this module; under vitest (this
 * file is the .ts source) the same file in dist/, built by `npx tsc -p .`.
 */
export function compiledWorkerFile(name: string): string {
  const here = fileURLToPath(import.meta.url);
  return here.endsWith(".ts") ? path.resolve(path.dirname(here), "../../dist/pipeline", name) : path.join(path.dirname(here), name);
}

export function readWorkerFile(): string {
  return compiledWorkerFile("read-worker.js");
}

export function requireWorkerFile(file: string): void {
  if (!existsSync(file)) throw new Error(`worker script ${file} is missing: build with \`npx tsc -p .\``);
}

export function spawnWorker(file: string, maxOldGenerationSizeMb: number, data: ReadWorkerData = { preloadPdf: true }): Worker {
  requireWorkerFile(file);
  const w = new Worker(file, { resourceLimits: { maxOldGenerationSizeMb }, workerData: data });
  // A worker that dies while idle must not take the main thread with it (an
  // 'error' event without a listener throws); a busy one is handled by ask().
  w.on("error", () => {});
  return w;
}

let early: { readonly worker: Worker; readonly maxOldGenerationSizeMb: number; alive: boolean } | undefined;

/**
 * Starts the read worker now, for the first FileReader of this process to take
 * (read-file.ts), under the heap limit the command will ask for; `preloadPdf`
 * when the document looks like a PDF.
 */
export function startReadWorkerEarly(maxOldGenerationSizeMb: number, preloadPdf: boolean): void {
  if (early || hasSpareWorker(maxOldGenerationSizeMb)) return;
  const file = readWorkerFile();
  if (!existsSync(file)) return; // the command reports the missing build itself
  const slot = { worker: spawnWorker(file, maxOldGenerationSizeMb, { preloadPdf }), maxOldGenerationSizeMb, alive: true };
  slot.worker.once("exit", () => (slot.alive = false));
  early = slot;
}

/** The early worker, if one was started under this heap limit and is still alive; it is the caller's from now on. */
export function takeEarlyWorker(maxOldGenerationSizeMb: number): Worker | undefined {
  const slot = early;
  if (!slot || !slot.alive || slot.maxOldGenerationSizeMb !== maxOldGenerationSizeMb) return undefined;
  early = undefined;
  return slot.worker;
}

let spare: { readonly worker: Worker; readonly maxOldGenerationSizeMb: number; alive: boolean; readonly onExit: () => void } | undefined;

/**
 * Keeps a read worker a FileReader is done with, idle and not holding the process
 * open (unref), for the next single-file read in this process: a caller of main()
 * that runs several commands (tests, scripts) then pays the worker's start and
 * its loading of the readers once, not per command. One is kept; others stop.
 * Only a worker that answered its last request is given back: one ask() had to
 * stop is gone already.
 */
export async function keepSpareWorker(worker: Worker, maxOldGenerationSizeMb: number): Promise<void> {
  if (spare?.alive) {
    await worker.terminate();
    return;
  }
  const slot = { worker, maxOldGenerationSizeMb, alive: true, onExit: () => (slot.alive = false) };
  worker.once("exit", slot.onExit);
  worker.unref();
  spare = slot;
}

/** The kept worker, if there is one alive under this heap limit; it is the caller's from now on. */
export function takeSpareWorker(maxOldGenerationSizeMb: number): Worker | undefined {
  const slot = spare;
  if (!slot || !slot.alive || slot.maxOldGenerationSizeMb !== maxOldGenerationSizeMb) return undefined;
  spare = undefined;
  // Its listener goes with it: a worker kept and taken many times must not pile them up.
  slot.worker.off("exit", slot.onExit);
  slot.worker.ref();
  return slot.worker;
}

/** Whether a kept worker under this heap limit is waiting (an early start would be wasted). */
export function hasSpareWorker(maxOldGenerationSizeMb: number): boolean {
  return spare?.alive === true && spare.maxOldGenerationSizeMb === maxOldGenerationSizeMb;
}

/** Stops an early worker nobody took (the command failed before reading, or wanted other limits). */
export async function dropEarlyWorker(): Promise<void> {
  const slot = early;
  early = undefined;
  await slot?.worker.terminate();
}
