/**
 * A killed import leaves a consistent database: every stored document has its
 * whole plan, nothing half-written, and a re-import completes the batch.
 * The writer is a separate process killed with SIGKILL while it imports: a stub
 * child (the compiled importFiles with the expected export as its reader) 20 times
 * at seeded moments, and once the real `piao import`.
 * Also: two imports at once on one database (same files, different files) both
 * finish, with no "database is locked", no duplicate and nothing lost.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { appendFileSync, copyFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/store/open-database.js";
import { runPiao } from "../run-piao.js";
import { counts, expectedCounts, loadSample, SAMPLES, tempDir } from "./helpers.js";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const CHILD = path.join(HERE, "fixtures/import-child.mjs");
const BIN = path.resolve(HERE, "../../bin/piao");

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

/** Copies of the HTML sample (the quickest real read), each with its own sha256. */
function htmlCopies(folder: string, names: string[]): string[] {
  mkdirSync(path.join(dir, folder), { recursive: true });
  return names.map((name) => {
    const f = path.join(dir, folder, `${name}.html`);
    copyFileSync(path.join(SAMPLES, "luzzara-2024.html"), f);
    appendFileSync(f, `\n<!-- ${name} -->\n`);
    return f;
  });
}

/**
 * Checks a database a kill left: SQLite's integrity, the foreign keys, the full-text
 * index against its rows, and whole plans only (every table holds exactly n copies of
 * one plan's rows, n the documents stored). Returns n.
 */
function checkConsistent(dbFile: string, sample: "luzzara-2024.pdf" | "luzzara-2024.html" = "luzzara-2024.pdf") {
  const db = openDatabase(dbFile);
  try {
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(db.pragma("foreign_key_check")).toEqual([]);
    const c = counts(db);
    const one = expectedCounts([loadSample(sample)]);
    expect(c).toEqual(Object.fromEntries(Object.entries(one).map(([k, v]) => [k, v * c.documents!])));
    // FTS5's integrity-check throws where the index and the rows disagree (tests/store/store-plan.test.ts shows it can).
    expect(() => db.prepare("INSERT INTO objectives_fts(objectives_fts, rank) VALUES ('integrity-check', 1)").run()).not.toThrow();
    return c.documents!;
  } finally {
    db.close();
  }
}

/** sha256 of a file's bytes, computed here (not by src/). */
const sha256Of = (f: string) => createHash("sha256").update(readFileSync(f)).digest("hex");

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

/** How a child ended, with everything it printed. */
interface ChildEnd {
  code: number | null;
  signal: string | null;
  output: string;
}

/** When runChild SIGKILLs its child: after `stored` lines matching `line` (default: the stub child's /^imported /), or `delayMs` after the start. */
type KillWhen = { stored: number; line?: RegExp } | { delayMs: number };

interface ChildOptions {
  killWhen?: KillWhen | undefined;
  /** Start gate (START_GATE in fixtures/import-child.mjs): called when the child printed "ready"; the child sleeps until the time `startAt` resolves to. */
  gate?: { ready: () => void; startAt: Promise<number> };
}

/**
 * Runs `node args…`; `killWhen` may SIGKILL it: after `stored` matching lines on
 * stdout or stderr, or `delayMs` after the start (which can fall before the database is even open).
 */
function runChild(args: string[], { killWhen, gate }: ChildOptions = {}): Promise<ChildEnd> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      stdio: [gate ? "pipe" : "ignore", "pipe", "pipe"],
      cwd: path.resolve(HERE, "../.."),
      env: { ...process.env, ...(gate ? { START_GATE: "1" } : {}) },
    });
    // The start time may reach a child that has already died: its closed pipe is no error of the test's.
    child.stdin?.on("error", () => {});
    let output = "";
    let stored = 0;
    let ready = false;
    const line = killWhen && "stored" in killWhen ? (killWhen.line ?? /^imported /) : /^imported /;
    if (killWhen && "delayMs" in killWhen) setTimeout(() => child.kill("SIGKILL"), killWhen.delayMs);
    const scan = () => {
      let buffered = "";
      return (chunk: Buffer) => {
        output += chunk.toString();
        buffered += chunk.toString();
        const parts = buffered.split("\n");
        buffered = parts.pop()!;
        if (gate && !ready && parts.includes("ready")) {
          ready = true;
          gate.ready();
          void gate.startAt.then((at) => child.stdin!.end(`${at}\n`));
        }
        stored += parts.filter((l) => line.test(l)).length;
        if (killWhen && "stored" in killWhen && stored >= killWhen.stored) child.kill("SIGKILL");
      };
    };
    child.stdout!.on("data", scan());
    child.stderr!.on("data", scan());
    child.on("error", reject);
    child.on("close", (code, signal) => {
      // A child that ended before it was ready must not hold the others at the gate.
      if (gate && !ready) gate.ready();
      resolve({ code, signal, output });
    });
  });
}

/**
 * Runs every `args` of `runs` as a child at once: each loads, says it is ready, and all
 * of them open the database at one instant, 50 ms after the last is ready.
 */
function runTogether(runs: string[][]): Promise<ChildEnd[]> {
  let waiting = runs.length;
  let go!: (at: number) => void;
  const startAt = new Promise<number>((r) => (go = r));
  const ready = () => {
    waiting -= 1;
    if (waiting === 0) go(Date.now() + 50);
  };
  return Promise.all(runs.map((args) => runChild(args, { gate: { ready, startAt } })));
}

/** Per stored document, its row counts in every table below it. */
function rowsPerDocument(dbFile: string): Record<string, number>[] {
  const db = openDatabase(dbFile, { readonly: true });
  try {
    return db
      .prepare(
        `SELECT d.id AS document,
           (SELECT count(*) FROM plans p WHERE p.document_id = d.id) AS plans,
           (SELECT count(*) FROM units u JOIN plans p ON p.id = u.plan_id WHERE p.document_id = d.id) AS units,
           (SELECT count(*) FROM objectives o JOIN units u ON u.id = o.unit_id JOIN plans p ON p.id = u.plan_id WHERE p.document_id = d.id) AS objectives,
           (SELECT count(*) FROM phases ph JOIN objectives o ON o.id = ph.objective_id JOIN units u ON u.id = o.unit_id JOIN plans p ON p.id = u.plan_id
              WHERE p.document_id = d.id) AS phases,
           (SELECT count(*) FROM phase_months m JOIN phases ph ON ph.id = m.phase_id JOIN objectives o ON o.id = ph.objective_id
              JOIN units u ON u.id = o.unit_id JOIN plans p ON p.id = u.plan_id WHERE p.document_id = d.id) AS phase_months,
           (SELECT count(*) FROM indicators i JOIN objectives o ON o.id = i.objective_id JOIN units u ON u.id = o.unit_id JOIN plans p ON p.id = u.plan_id
              WHERE p.document_id = d.id) AS indicators,
           (SELECT count(*) FROM anomalies a JOIN plans p ON p.id = a.plan_id WHERE p.document_id = d.id) AS anomalies
         FROM documents d ORDER BY d.id`,
      )
      .all() as Record<string, number>[];
  } finally {
    db.close();
  }
}

describe("20 SIGKILLs at seeded-random moments", () => {
  // One batch of 80 copies, killed 20 times at seeded moments, each process resuming
  // the last one's database: after 1–3 newly stored files (between and inside the
  // per-document transactions) or 0–400 ms after the start (start-up, opening and
  // migrating a new database, hashing, mid-batch). The checks after each kill are the
  // whole of checkConsistent: a kill after 12 stored files (a test of its own before)
  // is one more moment between two transactions, which these rounds hit 11 times.
  it("each leaves integrity ok and whole documents only; the re-import stores the rest, every file once", async () => {
    if (!existsSync(path.resolve(HERE, "../../dist/pipeline/import-files.js"))) throw new Error("dist/ is missing: run `npx tsc -p .` first");
    const N = 80;
    const files = makeCorpus(N);
    const dbFile = path.join(dir, "killed.sqlite");
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
  // line must count what the kill left. HTML copies: the quickest real read.
  it("SIGKILL of `piao import` mid-batch leaves whole plans; `piao import` again completes it", async () => {
    const N = 4;
    const files = htmlCopies("in", ["p0", "p1", "p2", "p3"]);
    const dbFile = path.join(dir, "p.sqlite");
    // One lane: a second worker thread would double the readers' start-up, not the moments a kill can hit.
    const args = ["import", path.join(dir, "in"), "--db", dbFile, "--jobs", "1"];
    const end = await runChild([BIN, ...args], { killWhen: { stored: 1, line: /^\[\d+\/\d+\] imported / } });
    expect(end.signal, `import ended (exit ${end.code}) before it was killed:\n${end.output.split("\n").slice(-6).join("\n")}`).toBe("SIGKILL");
    const partial = checkConsistent(dbFile, "luzzara-2024.html");
    expect(partial).toBeGreaterThanOrEqual(1);
    expect(partial).toBeLessThan(N);
    const r = await runPiao(args);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split("\n")[0]).toBe(`imported ${N - partial}, unchanged ${partial}, failed 0`);
    expect(checkConsistent(dbFile, "luzzara-2024.html")).toBe(N);
    const db = openDatabase(dbFile, { readonly: true });
    try {
      expect(db.prepare("SELECT sha256 FROM documents ORDER BY sha256").pluck().all()).toEqual(files.map(sha256Of).sort());
    } finally {
      db.close();
    }
  });
});

describe("two imports at once on one database", () => {
  /** Both runs ended well, said nothing of a lock, and every file of `union` is stored exactly once, whole. */
  async function expectBothStored(runs: ChildEnd[], dbFile: string, union: string[]) {
    for (const r of runs) {
      expect(r.code, r.output).toBe(0);
      expect(r.output).not.toMatch(/locked|SQLITE_BUSY/i);
    }
    const db = openDatabase(dbFile, { readonly: true });
    try {
      expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
      const shas = db.prepare("SELECT sha256 FROM documents").pluck().all() as string[];
      expect(new Set(shas).size).toBe(shas.length);
      const wanted = union.map(sha256Of);
      expect([...shas].sort()).toEqual([...new Set(wanted)].sort());
      // One current plan for the organization and year, the others superseded, versions 1…n without a gap or a repeat.
      const versions = db.prepare("SELECT version FROM plans ORDER BY version").pluck().all();
      expect(versions).toEqual(union.map((_, i) => i + 1));
      expect(db.prepare("SELECT count(*) FROM plans WHERE is_current = 1").pluck().get()).toBe(1);
    } finally {
      db.close();
    }
    const { documents: _d, ...one } = expectedCounts([loadSample("luzzara-2024.html")]);
    for (const doc of rowsPerDocument(dbFile)) expect({ ...doc, document: 0 }).toEqual({ ...one, document: 0 });
  }

  it("same files, real `piao import` twice at once on a new database: each file stored once", async () => {
    const files = htmlCopies("in", ["a", "b", "c", "d"]);
    const dbFile = path.join(dir, "same.sqlite");
    const args = [BIN, "import", path.join(dir, "in"), "--db", dbFile, "--jobs", "1"];
    const runs = await Promise.all([runChild(args), runChild(args)]);
    await expectBothStored(runs, dbFile, files);
    // Between them, each file imported once and found unchanged once.
    const lines = runs.flatMap((r) => r.output.split("\n").filter((l) => /^\[\d+\/\d+\] /.test(l)));
    expect(lines.filter((l) => /\] imported /.test(l))).toHaveLength(files.length);
    expect(lines.filter((l) => /\] unchanged /.test(l))).toHaveLength(files.length);
  }, 60_000);

  it("different files, real `piao import` twice at once on a new database: the union stored once each", async () => {
    const one = htmlCopies("one", ["a", "b"]);
    const two = htmlCopies("two", ["c", "d"]);
    const dbFile = path.join(dir, "different.sqlite");
    const runs = await Promise.all([
      runChild([BIN, "import", path.join(dir, "one"), "--db", dbFile, "--jobs", "1"]),
      runChild([BIN, "import", path.join(dir, "two"), "--db", dbFile, "--jobs", "1"]),
    ]);
    await expectBothStored(runs, dbFile, [...one, ...two]);
    for (const r of runs) expect(r.output).toMatch(/^imported 2, unchanged 0, failed 0/m);
  }, 60_000);

  it("same and different files, many times at once with the stub reader: no lock error, no duplicate, nothing lost", async () => {
    // The fast child stores 60 files in well under a second, so the two writers' transactions interleave densely.
    const files = makeCorpus(60);
    for (const [round, [a, b]] of [
      [files, files],
      [files.slice(0, 40), files.slice(20)],
      [files.filter((_, i) => i % 2 === 0), files.filter((_, i) => i % 2 === 1)],
    ].entries()) {
      const dbFile = path.join(dir, `stub-${round}.sqlite`);
      // Both open the new database at the same instant: their migrations race too.
      const runs = await runTogether([
        [CHILD, dbFile, ...a!],
        [CHILD, dbFile, ...b!],
      ]);
      for (const r of runs) {
        expect(r.code, r.output).toBe(0);
        expect(r.output).not.toMatch(/locked|SQLITE_BUSY|failed/i);
      }
      const union = [...new Set([...a!, ...b!])];
      expect(runs.flatMap((r) => r.output.match(/^imported /gm) ?? [])).toHaveLength(union.length);
      expect(checkConsistent(dbFile)).toBe(union.length);
      const db = openDatabase(dbFile, { readonly: true });
      try {
        // The plan versions of the one organization and year: 1…n, no gap or repeat, one current.
        expect(db.prepare("SELECT version FROM plans ORDER BY version").pluck().all()).toEqual(union.map((_, i) => i + 1));
        expect(db.prepare("SELECT count(*) FROM plans WHERE is_current = 1").pluck().get()).toBe(1);
      } finally {
        db.close();
      }
    }
  }, 60_000);

  it("four processes opening one new database at the same instant all migrate it, none fails", async () => {
    // Before migrateToLatest took the write lock per migration, 7 of 8 such rounds had a
    // process fail with "migration 0001_init.sql failed: table documents already exists".
    const files = makeCorpus(4);
    for (let round = 0; round < 4; round++) {
      const dbFile = path.join(dir, `race-${round}.sqlite`);
      const runs = await runTogether(Array.from({ length: 4 }, () => [CHILD, dbFile, ...files]));
      for (const r of runs) expect(r.code, r.output).toBe(0);
      expect(runs.flatMap((r) => r.output.match(/^imported /gm) ?? [])).toHaveLength(files.length);
      expect(checkConsistent(dbFile)).toBe(files.length);
    }
  }, 60_000);
});
