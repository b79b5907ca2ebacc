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

export function spawnWorker(file: string, maxOldGenerationSizeMb: number, data: ReadWorkerData): Worker {
  requireWorkerFile(file);
  const w = new Worker(file, { resourceLimits: { maxOldGenerationSizeMb }, workerData: data });
  // A worker that dies while idle must not take the main thread with it (an
  // 'error' event without a listener throws); a busy one is handled by ask().
  w.on("error", () => {});
  return w;
}

/**
 * One read worker held for a later taker: given back only alive and under the heap
 * limit it was started with (resourceLimits are fixed at spawn). Its exit listener
 * goes with it when taken, so a worker held and taken many times piles none up.
 */
class HeldWorker {
  #held: { readonly worker: Worker; readonly maxOldGenerationSizeMb: number; alive: boolean; readonly onExit: () => void } | undefined;

  hold(worker: Worker, maxOldGenerationSizeMb: number): void {
    const slot = { worker, maxOldGenerationSizeMb, alive: true, onExit: () => (slot.alive = false) };
    worker.once("exit", slot.onExit);
    this.#held = slot;
  }

  /** Whether a worker is held (alive, or dead and not yet taken or released). */
  get occupied(): boolean {
    return this.#held !== undefined;
  }

  /** Whether the held worker is alive, under whatever heap limit. */
  get alive(): boolean {
    return this.#held?.alive === true;
  }

  has(maxOldGenerationSizeMb: number): boolean {
    return this.alive && this.#held?.maxOldGenerationSizeMb === maxOldGenerationSizeMb;
  }

  take(maxOldGenerationSizeMb: number): Worker | undefined {
    return this.has(maxOldGenerationSizeMb) ? this.release() : undefined;
  }

  /** The held worker, alive or not, no longer held. */
  release(): Worker | undefined {
    const slot = this.#held;
    this.#held = undefined;
    slot?.worker.off("exit", slot.onExit);
    return slot?.worker;
  }
}

/** The worker main.ts starts before a single-file command loads (early-reader.ts). */
const early = new HeldWorker();
/** A worker a reader or the import's pool is done with, for the process's next reader. */
const spare = new HeldWorker();

/**
 * Starts the read worker now, for the first FileReader of this process to take
 * (read-file.ts), under the heap limit the command will ask for; `preloadPdf`
 * when the document looks like a PDF. Not when a kept worker under that limit waits.
 */
export function startReadWorkerEarly(maxOldGenerationSizeMb: number, preloadPdf: boolean): void {
  if (early.occupied || spare.has(maxOldGenerationSizeMb)) return;
  const file = readWorkerFile();
  if (!existsSync(file)) return; // the command reports the missing build itself
  early.hold(spawnWorker(file, maxOldGenerationSizeMb, { preloadPdf }), maxOldGenerationSizeMb);
}

/** The early worker, if one was started under this heap limit and is still alive; it is the caller's from now on. */
export function takeEarlyWorker(maxOldGenerationSizeMb: number): Worker | undefined {
  return early.take(maxOldGenerationSizeMb);
}

/**
 * Keeps a read worker a FileReader or the pool is done with, idle and not holding
 * the process open (unref), for the next read in this process: a caller of main()
 * that runs several commands (tests, scripts) then pays the worker's start and
 * its loading of the readers once, not per command. One is kept; others stop.
 * Only a worker that answered its last request is given back: one ask() had to
 * stop is gone already. A worker under another heap limit than the kept one
 * replaces it: the last limit asked for is the likeliest next one, and a kept
 * worker nobody can take would otherwise make every later reader start its own.
 */
export async function keepSpareWorker(worker: Worker, maxOldGenerationSizeMb: number): Promise<void> {
  if (spare.has(maxOldGenerationSizeMb)) {
    await worker.terminate();
    return;
  }
  const replaced = spare.release();
  worker.unref();
  spare.hold(worker, maxOldGenerationSizeMb);
  await replaced?.terminate();
}

/** The kept worker, if there is one alive under this heap limit; it is the caller's from now on. */
export function takeSpareWorker(maxOldGenerationSizeMb: number): Worker | undefined {
  const worker = spare.take(maxOldGenerationSizeMb);
  worker?.ref();
  return worker;
}

/** Stops an early worker nobody took (the command failed before reading, or wanted other limits). */
export async function dropEarlyWorker(): Promise<void> {
  await early.release()?.terminate();
}
