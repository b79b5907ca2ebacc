/**
 * A killed import leaves a consistent database: every stored document has its
 * whole plan, nothing half-written, and a re-import completes the batch.
 * The writer is a separate process killed with SIGKILL while it imports: a stub
 * child (the compiled importFiles with the expected export as its reader) 20 times
 * at seeded moments, and once the real `piao import`. Two imports at once on one
 * database: tests/store/import-concurrency.test.ts.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/store/open-database.js";
import { runPiao } from "../run-piao.js";
import { expectedCounts, loadExpected, loadSample, tempDirEachTest } from "./helpers.js";
import { BIN, CHILD, checkConsistent, HTML_PLAN, htmlCopies, makeCorpus, rowsPerDocument, runChild, sha256Of } from "./import-children.js";

const HERE = path.dirname(fileURLToPath(import.meta.url));

const tmp = tempDirEachTest("piao-kill-");

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32): the kill moments are the same on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("20 SIGKILLs at seeded-random moments", () => {
  // One batch of 80 copies, killed 20 times at seeded moments, each process resuming
  // the last one's database: after 1–3 newly stored files (between and inside the
  // per-document transactions) or 0–400 ms after the start (start-up, opening and
  // migrating a new database, hashing, mid-batch). The checks after each kill are the
  // whole of checkConsistent: a kill after 12 stored files (a test of its own before)
  // is one more moment between two transactions, the kind of moment 14 of these 20
  // kills are (after 1, 2 or 3 stored; the other 6 after 144–348 ms).
  it("each leaves integrity ok and whole documents only; the re-import stores the rest, every file once", async () => {
    if (!existsSync(path.resolve(HERE, "../../dist/pipeline/import-files.js"))) throw new Error("dist/ is missing: run `npx tsc -p .` first");
    const N = 80;
    const files = makeCorpus(tmp.dir, N);
    const dbFile = path.join(tmp.dir, "killed.sqlite");
    // Row counts of one whole document, from the export itself (not from src/).
    const { documents: _d, ...one } = expectedCounts([loadSample("luzzara-2024.pdf")]);
    const random = seeded(13);
    const kills: string[] = [];
    let rounds = 0;
    while (kills.length < 20) {
      rounds += 1;
      const when = random() < 0.5 ? { stored: 1 + Math.floor(random() * 3) } : { delayMs: Math.floor(random() * 400) };
      const end = await runChild([CHILD, dbFile, ...files], { killWhen: when });
      if (end.signal !== "SIGKILL") {
        // The batch ended before the kill: only acceptable when nothing was left to store.
        expect(end.code, end.output).toBe(0);
        break;
      }
      kills.push("stored" in when ? `after ${when.stored} stored` : `after ${when.delayMs} ms`);
      if (!existsSync(dbFile)) continue;
      checkConsistent(dbFile);
      for (const doc of rowsPerDocument(dbFile)) expect({ ...doc, document: 0 }).toEqual({ ...one, document: 0 });
    }
    expect(kills).toHaveLength(20);
    const stored = rowsPerDocument(dbFile).length;
    expect(stored).toBeGreaterThan(0);
    expect(stored).toBeLessThan(N);

    // The re-import finds the stored files unchanged and stores the others.
    const resumed = await runChild([CHILD, dbFile, ...files]);
    expect(resumed.code, resumed.output).toBe(0);
    expect(resumed.output.match(/^imported /gm) ?? []).toHaveLength(N - stored);
    expect(resumed.output.match(/^unchanged /gm) ?? []).toHaveLength(stored);
    expect(resumed.output).not.toMatch(/^failed /m);
    // What an uninterrupted import stores: N whole plans (checkConsistent), one document per file.
    expect(checkConsistent(dbFile)).toBe(N);
    const db = openDatabase(dbFile, { readonly: true });
    try {
      expect(db.prepare("SELECT sha256 FROM documents ORDER BY sha256").pluck().all()).toEqual(files.map(sha256Of).sort());
    } finally {
      db.close();
    }
    console.log(`${rounds} rounds, ${kills.length} kills (${kills.join(", ")}); ${stored} of ${N} stored before the re-import`);
  }, 120_000);
});

describe("a real `piao import` killed", () => {
  // The seeded kills above stop the stub child; this one stops the real CLI (bin/piao,
  // the real readers in worker threads) and resumes with `piao import`, whose summary
  // line must count what the kill left. Copies of a small HTML plan (a quick real read),
  // eight of them: the seven reads left after the first stored file (about 0.7 s) outlast
  // the kill's way from the child's output line to its SIGKILL.
  it("SIGKILL of `piao import` mid-batch leaves whole plans; `piao import` again completes it", async () => {
    const N = 8;
    const plan = loadExpected(HTML_PLAN);
    const files = htmlCopies(
      tmp.dir,
      "in",
      Array.from({ length: N }, (_, i) => `p${i}`),
    );
    const dbFile = path.join(tmp.dir, "p.sqlite");
    // One lane: a second worker thread would double the readers' start-up, not the moments a kill can hit.
    const args = ["import", path.join(tmp.dir, "in"), "--db", dbFile, "--jobs", "1"];
    const end = await runChild([BIN, ...args], { killWhen: { stored: 1, line: /^\[\d+\/\d+\] imported / } });
    expect(end.signal, `import ended (exit ${end.code}) before it was killed:\n${end.output.split("\n").slice(-6).join("\n")}`).toBe("SIGKILL");
    const partial = checkConsistent(dbFile, plan);
    expect(partial).toBeGreaterThanOrEqual(1);
    expect(partial).toBeLessThan(N);
    const r = await runPiao(args);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe(`imported ${N - partial}, unchanged ${partial}, failed 0`);
    expect(checkConsistent(dbFile, plan)).toBe(N);
    const db = openDatabase(dbFile, { readonly: true });
    try {
      expect(db.prepare("SELECT sha256 FROM documents ORDER BY sha256").pluck().all()).toEqual(files.map(sha256Of).sort());
    } finally {
      db.close();
    }
  });
});
