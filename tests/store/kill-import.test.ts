/**
 * A killed import leaves a consistent database: every stored document has its
 * whole plan, nothing half-written, and a re-import completes the batch.
 * The writer is a separate process killed with SIGKILL while it imports.
 */
import { spawn } from "node:child_process";
import { appendFileSync, copyFileSync, existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/store/open-database.js";
import { hashFile, importFiles } from "../../src/pipeline/import-files.js";
import { counts, expectedCounts, loadSample, SAMPLES, tempDir } from "./helpers.js";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const CHILD = path.join(HERE, "fixtures/import-child.mjs");
const FILES = 60;

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  const t = tempDir("piao-kill-");
  dir = t.dir;
  cleanup = t.cleanup;
});
afterEach(() => cleanup());

/** Copies of the PDF sample that differ by a trailing comment after %%EOF (so each has its own sha256). */
function makeCorpus(n: number): string[] {
  mkdirSync(path.join(dir, "in"));
  return Array.from({ length: n }, (_, i) => {
    const f = path.join(dir, "in", `plan-${String(i).padStart(3, "0")}.pdf`);
    copyFileSync(path.join(SAMPLES, "luzzara-2024.pdf"), f);
    appendFileSync(f, `\n%kill ${i}\n`);
    return f;
  });
}

/** Runs `node args…`, SIGKILLs it once `lines` lines of stdout matched `pattern`. */
function runAndKill(args: string[], pattern: RegExp, lines: number): Promise<{ seen: number; signal: string | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"], cwd: path.resolve(HERE, "../..") });
    let seen = 0;
    let buffered = "";
    let stderr = "";
    const onData = (chunk: Buffer) => {
      buffered += chunk.toString();
      const parts = buffered.split("\n");
      buffered = parts.pop()!;
      seen += parts.filter((l) => pattern.test(l)).length;
      if (seen >= lines) child.kill("SIGKILL");
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", (c: Buffer) => {
      stderr += c.toString();
      onData(c);
    });
    child.on("error", reject);
    child.on("exit", (_code, signal) => (signal === "SIGKILL" ? resolve({ seen, signal }) : reject(new Error(`child ended before the kill: ${stderr}`))));
  });
}

function checkConsistent(dbFile: string) {
  const db = openDatabase(dbFile);
  try {
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(db.pragma("foreign_key_check")).toEqual([]);
    const c = counts(db);
    // Whole plans only: every table holds exactly n copies of one plan's rows.
    const one = expectedCounts([loadSample("luzzara-2024.pdf")]);
    expect(c).toEqual(Object.fromEntries(Object.entries(one).map(([k, v]) => [k, v * c.documents!])));
    // FTS5's integrity-check throws where the index and the rows disagree (tests/store/store-plan.test.ts shows it can).
    expect(() => db.prepare("INSERT INTO objectives_fts(objectives_fts, rank) VALUES ('integrity-check', 1)").run()).not.toThrow();
    return c.documents!;
  } finally {
    db.close();
  }
}

describe("killed import", () => {
  it("SIGKILL mid-batch leaves whole plans only, and a re-import completes the batch", async () => {
    if (!existsSync(path.resolve(HERE, "../../dist/pipeline/import-files.js"))) throw new Error("dist/ is missing: run `npx tsc -p .` first");
    const files = makeCorpus(FILES);
    const dbFile = path.join(dir, "piao.sqlite");
    const { seen } = await runAndKill([CHILD, dbFile, ...files], /^imported /, 12);
    expect(seen).toBeGreaterThanOrEqual(12);
    const stored = checkConsistent(dbFile);
    expect(stored).toBeGreaterThanOrEqual(12);
    expect(stored).toBeLessThan(FILES);

    const db = openDatabase(dbFile);
    try {
      const expected = loadSample("luzzara-2024.pdf");
      const result = await importFiles(files, {
        db,
        jobs: 2,
        extract: async (file, displayPath) => ({ ...expected, source: { ...expected.source, path: displayPath, sha256: await hashFile(file) } }),
      });
      expect(result.unchanged).toBe(stored);
      expect(result.imported).toBe(FILES - stored);
      expect(result.failed).toBe(0);
    } finally {
      db.close();
    }
    expect(checkConsistent(dbFile)).toBe(FILES);
  });
});
