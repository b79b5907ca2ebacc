/**
 * Child processes for the kill and concurrency tests of the store: the stub child
 * (fixtures/import-child.mjs: the compiled importFiles with an expected export as its
 * reader) or the real `piao import` (of copies of a small HTML plan), run, killed at a
 * moment, or run several at once; and the checks of the database they leave.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { appendFileSync, copyFileSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import type { PlanExport } from "../../src/normalize/plan-schema.js";
import { openDatabase } from "../../src/store/open-database.js";
import { counts, expectedCounts, loadSample, SAMPLES } from "./helpers.js";

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const CHILD = path.join(HERE, "fixtures/import-child.mjs");
export const BIN = path.resolve(HERE, "../../bin/piao");

/** Copies of the PDF sample that differ by a trailing comment after %%EOF (so each has its own sha256). */
export function makeCorpus(dir: string, n: number): string[] {
  mkdirSync(path.join(dir, "in"));
  return Array.from({ length: n }, (_, i) => {
    const f = path.join(dir, "in", `plan-${String(i).padStart(3, "0")}.pdf`);
    copyFileSync(path.join(SAMPLES, "luzzara-2024.pdf"), f);
    appendFileSync(f, `\n%kill ${i}\n`);
    return f;
  });
}

/**
 * The real plan the tests that run `piao import` import: a small HTML plan (33 KB against
 * the Luzzara sample's 330 KB; about 0.1 s a read, not 0.35 s) whose plan fills every
 * table (units, objectives, phases, phase months, indicators, anomalies). Its expected
 * export beside it gives the rows a stored copy must have.
 */
export const HTML_PLAN = path.resolve(HERE, "../../fixtures/colleverde-2025/colleverde-2025.html");

/** Copies of HTML_PLAN (a quick real read), each with its own sha256. */
export function htmlCopies(dir: string, folder: string, names: string[]): string[] {
  mkdirSync(path.join(dir, folder), { recursive: true });
  return names.map((name) => {
    const f = path.join(dir, folder, `${name}.html`);
    copyFileSync(HTML_PLAN, f);
    appendFileSync(f, `\n<!-- ${name} -->\n`);
    return f;
  });
}

/**
 * Checks a database a kill left: SQLite's integrity, the foreign keys, the full-text
 * index against its rows, and whole plans only (every table holds exactly n copies of
 * `plan`'s rows, n the documents stored; by default the stub child's plan). Returns n.
 */
export function checkConsistent(dbFile: string, plan: PlanExport = loadSample("luzzara-2024.pdf")) {
  const db = openDatabase(dbFile);
  try {
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(db.pragma("foreign_key_check")).toEqual([]);
    const c = counts(db);
    const one = expectedCounts([plan]);
    expect(c).toEqual(Object.fromEntries(Object.entries(one).map(([k, v]) => [k, v * c.documents!])));
    // FTS5's integrity-check throws where the index and the rows disagree (tests/store/store-plan.test.ts shows it can).
    expect(() => db.prepare("INSERT INTO objectives_fts(objectives_fts, rank) VALUES ('integrity-check', 1)").run()).not.toThrow();
    return c.documents!;
  } finally {
    db.close();
  }
}

/** sha256 of a file's bytes, computed here (not by src/). */
export const sha256Of = (f: string) => createHash("sha256").update(readFileSync(f)).digest("hex");

/** How a child ended, with everything it printed. */
export interface ChildEnd {
  code: number | null;
  signal: string | null;
  output: string;
}

/** When runChild SIGKILLs its child: after `stored` lines matching `line` (default: the stub child's /^imported /), or `delayMs` after the start. */
type KillWhen = { stored: number; line?: RegExp } | { delayMs: number };

interface ChildOptions {
  killWhen?: KillWhen | undefined;
  /** The stub child's answer (PLAN_EXPORT in fixtures/import-child.mjs): an expected export's path; by default the PDF sample's. */
  planExport?: string;
  /** Start gate (START_GATE in fixtures/import-child.mjs): called when the child printed "ready"; the child sleeps until the time `startAt` resolves to. */
  gate?: { ready: () => void; startAt: Promise<number> };
}

/**
 * Runs `node args…`; `killWhen` may SIGKILL it: after `stored` matching lines on
 * stdout or stderr, or `delayMs` after the start (which can fall before the database is even open).
 */
export function runChild(args: string[], { killWhen, gate, planExport }: ChildOptions = {}): Promise<ChildEnd> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      stdio: [gate ? "pipe" : "ignore", "pipe", "pipe"],
      cwd: path.resolve(HERE, "../.."),
      env: { ...process.env, ...(gate ? { START_GATE: "1" } : {}), ...(planExport ? { PLAN_EXPORT: planExport } : {}) },
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
export function runTogether(runs: string[][], { planExport }: Pick<ChildOptions, "planExport"> = {}): Promise<ChildEnd[]> {
  let waiting = runs.length;
  let go!: (at: number) => void;
  const startAt = new Promise<number>((r) => (go = r));
  const ready = () => {
    waiting -= 1;
    if (waiting === 0) go(Date.now() + 50);
  };
  return Promise.all(runs.map((args) => runChild(args, { gate: { ready, startAt }, ...(planExport ? { planExport } : {}) })));
}

/** Per stored document, its row counts in every table below it. */
export function rowsPerDocument(dbFile: string): Record<string, number>[] {
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
