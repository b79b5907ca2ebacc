/**
 * A read worker a reader is done with is kept for the process's next reader
 * (src/pipeline/worker-start.ts): taken back only alive and under the same heap
 * limit, never one that had to be stopped, and without piling up listeners.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { FileReader } from "../../src/pipeline/read-file.js";
import { WorkerPool } from "../../src/pipeline/worker-pool.js";
import { keepSpareWorker, readWorkerFile, spawnWorker, takeSpareWorker } from "../../src/pipeline/worker-start.js";

const TEXT_PLAN = path.resolve(import.meta.dirname, "../../fixtures/borgoverde-2024/borgoverde-2024.converted.txt");

beforeEach(async () => {
  await takeSpareWorker(1024)?.terminate();
  await takeSpareWorker(300)?.terminate();
});

describe("the kept read worker", () => {
  it("is the next reader's worker: the same thread reads the second document", async () => {
    const first = new FileReader();
    expect((await first.layout(TEXT_PLAN)).ok).toBe(true);
    await first.close();
    const kept = takeSpareWorker(1024);
    expect(kept).toBeDefined();
    const threadId = kept!.threadId;
    await keepSpareWorker(kept!, 1024);
    const second = new FileReader();
    expect((await second.plan(TEXT_PLAN)).ok).toBe(true);
    await second.close();
    expect(takeSpareWorker(1024)?.threadId).toBe(threadId);
  });

  it("is taken only under its own heap limit, and only once", async () => {
    await keepSpareWorker(spawnWorker(readWorkerFile(), 300, { preloadPdf: false }), 300);
    expect(takeSpareWorker(1024)).toBeUndefined();
    const w = takeSpareWorker(300);
    expect(w).toBeDefined();
    expect(takeSpareWorker(300)).toBeUndefined();
    await w!.terminate();
  });

  it("is one: a second worker given back is stopped", async () => {
    const a = spawnWorker(readWorkerFile(), 1024, { preloadPdf: false });
    const b = spawnWorker(readWorkerFile(), 1024, { preloadPdf: false });
    const bExit = new Promise<number>((resolve) => b.once("exit", resolve));
    await keepSpareWorker(a, 1024);
    await keepSpareWorker(b, 1024);
    await bExit;
    expect(takeSpareWorker(1024)).toBe(a);
    await a.terminate();
  });

  it("is replaced by a worker given back under another heap limit, so later readers under that limit find it", async () => {
    const old = spawnWorker(readWorkerFile(), 300, { preloadPdf: false });
    const oldExit = new Promise<number>((resolve) => old.once("exit", resolve));
    await keepSpareWorker(old, 300);
    const reader = new FileReader();
    expect((await reader.layout(TEXT_PLAN)).ok).toBe(true);
    await reader.close();
    await oldExit;
    const kept = takeSpareWorker(1024);
    expect(kept).toBeDefined();
    expect(takeSpareWorker(300)).toBeUndefined();
    await kept!.terminate();
  });

  it("is not a worker that died while kept", async () => {
    const w = spawnWorker(readWorkerFile(), 1024, { preloadPdf: false });
    await keepSpareWorker(w, 1024);
    await w.terminate();
    expect(takeSpareWorker(1024)).toBeUndefined();
  });

  it("is not a worker stopped for running past its time", async () => {
    const reader = new FileReader({ timeoutMs: 1 });
    const read = await reader.plan(TEXT_PLAN);
    expect(read.ok).toBe(false);
    await reader.close();
    expect(takeSpareWorker(1024)).toBeUndefined();
  });

  it("keeps its exit listeners constant however often it is kept and taken", async () => {
    const w = spawnWorker(readWorkerFile(), 1024, { preloadPdf: false });
    const before = w.listenerCount("exit");
    for (let i = 0; i < 15; i++) {
      await keepSpareWorker(w, 1024);
      expect(takeSpareWorker(1024)).toBe(w);
    }
    expect(w.listenerCount("exit")).toBe(before);
    await w.terminate();
  });

  it("carries no listener of the readers and pools it passed through (no MaxListenersExceededWarning on stderr)", async () => {
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(`${w.name}: ${w.message}`);
    process.on("warning", onWarning);
    try {
      const first = new FileReader();
      expect((await first.layout(TEXT_PLAN)).ok).toBe(true);
      await first.close();
      const w = takeSpareWorker(1024)!;
      const before = Object.fromEntries(w.eventNames().map((e) => [String(e), w.listenerCount(e)]));
      await keepSpareWorker(w, 1024);
      // More passes than EventEmitter's default limit of 10 listeners per event, each with a
      // three-line text: what is counted is the passes, not the reading.
      const dir = mkdtempSync(path.join(tmpdir(), "piao-spare-"));
      const small = path.join(dir, "note.txt");
      writeFileSync(small, "Comune di Prova\nPiano della performance 2025\nNessun obiettivo.\n");
      try {
        for (let i = 0; i < 12; i++) {
          const reader = new FileReader();
          expect((await reader.layout(small)).ok).toBe(true);
          await reader.close();
          const pool = new WorkerPool();
          // The worker answers (a document without objectives is the reader's finding, not a failure of the worker).
          const out = await pool.run(small);
          expect(out.ok ? "" : out.reason).not.toMatch(/timed out|stopped|worker/);
          await pool.close();
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      const kept = takeSpareWorker(1024);
      expect(kept).toBe(w);
      expect(Object.fromEntries(kept!.eventNames().map((e) => [String(e), kept!.listenerCount(e)]))).toEqual(before);
      await new Promise((r) => setImmediate(r));
      expect(warnings).toEqual([]);
      await kept!.terminate();
    } finally {
      process.off("warning", onWarning);
    }
  });

  it("is shared with the import's pool: the pool takes it and leaves one behind", async () => {
    const w = spawnWorker(readWorkerFile(), 1024, { preloadPdf: false });
    await keepSpareWorker(w, 1024);
    const pool = new WorkerPool();
    const out = await pool.run(TEXT_PLAN);
    expect(out.ok).toBe(true);
    await pool.close();
    expect(takeSpareWorker(1024)).toBe(w);
    await w.terminate();
  });
});
