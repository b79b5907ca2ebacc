/**
 * Two imports at once on one database (same files, different files; the real
 * `piao import` and the stub child; four processes opening a new database) all
 * finish, with no "database is locked", no duplicate and nothing lost.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/store/open-database.js";
import { expectedCounts, loadExpected, tempDirEachTest } from "./helpers.js";
import {
  BIN,
  CHILD,
  type ChildEnd,
  checkConsistent,
  HTML_PLAN,
  htmlCopies,
  makeCorpus,
  rowsPerDocument,
  runChild,
  runTogether,
  sha256Of,
} from "./import-children.js";

const tmp = tempDirEachTest("piao-concurrent-");

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
    const { documents: _d, ...one } = expectedCounts([loadExpected(HTML_PLAN)]);
    for (const doc of rowsPerDocument(dbFile)) expect({ ...doc, document: 0 }).toEqual({ ...one, document: 0 });
  }

  it("same files, real `piao import` twice at once on a new database: each file stored once", async () => {
    const files = htmlCopies(tmp.dir, "in", ["a", "b", "c", "d"]);
    const dbFile = path.join(tmp.dir, "same.sqlite");
    const args = [BIN, "import", path.join(tmp.dir, "in"), "--db", dbFile, "--jobs", "1"];
    const runs = await Promise.all([runChild(args), runChild(args)]);
    await expectBothStored(runs, dbFile, files);
    // Between them, each file imported once and found unchanged once.
    const lines = runs.flatMap((r) => r.output.split("\n").filter((l) => /^\[\d+\/\d+\] /.test(l)));
    expect(lines.filter((l) => /\] imported /.test(l))).toHaveLength(files.length);
    expect(lines.filter((l) => /\] unchanged /.test(l))).toHaveLength(files.length);
  }, 60_000);

  it("different files, real `piao import` twice at once on a new database: the union stored once each", async () => {
    const one = htmlCopies(tmp.dir, "one", ["a", "b"]);
    const two = htmlCopies(tmp.dir, "two", ["c", "d"]);
    const dbFile = path.join(tmp.dir, "different.sqlite");
    const runs = await Promise.all([
      runChild([BIN, "import", path.join(tmp.dir, "one"), "--db", dbFile, "--jobs", "1"]),
      runChild([BIN, "import", path.join(tmp.dir, "two"), "--db", dbFile, "--jobs", "1"]),
    ]);
    await expectBothStored(runs, dbFile, [...one, ...two]);
    for (const r of runs) expect(r.output).toMatch(/^imported 2, unchanged 0, failed 0/m);
  }, 60_000);

  // The stub children answer with HTML_PLAN's expected export: under a third of the PDF sample's
  // rows (104 against 367), stored in under half its time (about 7 ms against 15); what these
  // tests race is the writers' locks, the plan versions and the migrations, not the size of one
  // plan's transaction.
  const planExport = `${HTML_PLAN}.expected.json`;

  it("same and different files, many times at once with the stub reader: no lock error, no duplicate, nothing lost", async () => {
    // The fast child stores 60 files in well under a second, so the two writers' transactions interleave densely.
    const files = makeCorpus(tmp.dir, 60);
    for (const [round, [a, b]] of [
      [files, files],
      [files.slice(0, 40), files.slice(20)],
      [files.filter((_, i) => i % 2 === 0), files.filter((_, i) => i % 2 === 1)],
    ].entries()) {
      const dbFile = path.join(tmp.dir, `stub-${round}.sqlite`);
      // Both open the new database at the same instant: their migrations race too.
      const runs = await runTogether(
        [
          [CHILD, dbFile, ...a!],
          [CHILD, dbFile, ...b!],
        ],
        { planExport },
      );
      for (const r of runs) {
        expect(r.code, r.output).toBe(0);
        expect(r.output).not.toMatch(/locked|SQLITE_BUSY|failed/i);
      }
      const union = [...new Set([...a!, ...b!])];
      expect(runs.flatMap((r) => r.output.match(/^imported /gm) ?? [])).toHaveLength(union.length);
      expect(checkConsistent(dbFile, loadExpected(HTML_PLAN))).toBe(union.length);
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
    const files = makeCorpus(tmp.dir, 4);
    for (let round = 0; round < 4; round++) {
      const dbFile = path.join(tmp.dir, `race-${round}.sqlite`);
      const runs = await runTogether(
        Array.from({ length: 4 }, () => [CHILD, dbFile, ...files]),
        { planExport },
      );
      for (const r of runs) expect(r.code, r.output).toBe(0);
      expect(runs.flatMap((r) => r.output.match(/^imported /gm) ?? [])).toHaveLength(files.length);
      expect(checkConsistent(dbFile, loadExpected(HTML_PLAN))).toBe(files.length);
    }
  }, 60_000);
});
