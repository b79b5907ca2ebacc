/**
 * `piao tables|extract FILE` start their read worker before loading the command
 * (src/cli/early-reader.ts): only for a call the command accepts, under the heap
 * limit the command will ask for, and the command takes it only under that limit.
 */
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startReaderEarly, stopUntakenReader } from "../../src/cli/early-reader.js";
import { takeEarlyWorker, takeSpareWorker } from "../../src/pipeline/worker-start.js";

const PDF = path.resolve(import.meta.dirname, "../../fixtures/valle-2023/valle-2023.pdf");

// A worker an earlier reader in this process kept (worker-start.ts) makes an early start needless: none here.
beforeEach(async () => {
  await takeSpareWorker(1024)?.terminate();
});

afterEach(async () => {
  await stopUntakenReader();
});

describe("the early read worker", () => {
  it("is started for a valid call, under its --max-memory, and taken only under that limit", async () => {
    startReaderEarly("extract", ["--max-memory", "200", PDF]);
    expect(takeEarlyWorker(1024)).toBeUndefined();
    const worker = takeEarlyWorker(200);
    expect(worker).toBeDefined();
    // Taken once: the next reader starts its own.
    expect(takeEarlyWorker(200)).toBeUndefined();
    await worker!.terminate();
  });

  it("takes the default heap limit when no --max-memory is given", async () => {
    startReaderEarly("tables", ["--pages", "1", "--json", PDF]);
    const worker = takeEarlyWorker(1024);
    expect(worker).toBeDefined();
    await worker!.terminate();
  });

  it("is not started for an argument error, a missing file or another command", () => {
    const calls: [string, string[]][] = [
      ["tables", ["--bogus", PDF]],
      ["tables", [PDF, PDF]],
      ["extract", ["--max-memory", "10", PDF]],
      ["extract", ["--timeout", "soon", PDF]],
      ["extract", [path.join(import.meta.dirname, "no-such-file.pdf")]],
      ["extract", [import.meta.dirname]],
      ["import", [PDF]],
      ["check", [PDF]],
    ];
    for (const [command, argv] of calls) {
      startReaderEarly(command, argv);
      expect(takeEarlyWorker(1024), `${command} ${argv.join(" ")}`).toBeUndefined();
      expect(takeEarlyWorker(10), `${command} ${argv.join(" ")}`).toBeUndefined();
    }
  });
});
