/** `piao import` end to end (in-process, through `main(argv)`) against temp databases. */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "../../src/store/open-database.js";
import { counts, tempDirEachTest } from "./helpers.js";
import { REPO_ROOT, runPiao } from "../run-piao.js";

const piao = (args: string[], cwd = REPO_ROOT) => runPiao(args, { cwd });

const tmp = tempDirEachTest("piao-cli-");

describe("piao import", () => {
  it("without a path: usage error, exit 2", async () => {
    const r = await piao(["import"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("piao import: expects at least one PATH (file or folder)\n");
  });

  it("rejects a bad --jobs", async () => {
    const r = await piao(["import", tmp.dir, "--jobs", "0", "--db", path.join(tmp.dir, "x.sqlite")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--jobs must be a whole number/);
  });

  it("an empty folder: nothing to do, exit 0, database created and migrated", async () => {
    mkdirSync(path.join(tmp.dir, "empty"));
    const db = path.join(tmp.dir, "p.sqlite");
    const r = await piao(["import", path.join(tmp.dir, "empty"), "--db", db]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("imported 0, unchanged 0, failed 0\n");
    const d = openDatabase(db);
    expect(counts(d).documents).toBe(0);
    d.close();
  });

  it("bad files are listed with a one-line reason and give exit 1; the database stays sound", async () => {
    writeFileSync(path.join(tmp.dir, "empty.pdf"), "");
    writeFileSync(path.join(tmp.dir, "garbage.docx"), "not a zip");
    const db = path.join(tmp.dir, "p.sqlite");
    const r = await piao(["import", tmp.dir, path.join(tmp.dir, "nope.pdf"), "--db", db, "--jobs", "2"]);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split("\n");
    expect(lines[0]).toBe("imported 0, unchanged 0, failed 3");
    expect(lines.slice(1).map((l) => l.replace(tmp.dir, "DIR"))).toEqual([
      expect.stringMatching(/^failed: DIR\/nope\.pdf: file not found$/),
      expect.stringMatching(/^failed: DIR\/empty\.pdf: \S.*$/),
      expect.stringMatching(/^failed: DIR\/garbage\.docx: \S.*$/),
    ]);
    // Not a TTY: one plain progress line per file on stderr.
    expect(r.stderr.trim().split("\n")).toHaveLength(3);
    expect(r.stderr).toMatch(/^\[1\/3\] failed {4}/);
    const d = openDatabase(db);
    expect(d.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(counts(d).documents).toBe(0);
    d.close();
  });

  it("defaults to ./piao.sqlite", async () => {
    // An empty folder: the database is made and migrated all the same, and no document is read.
    mkdirSync(path.join(tmp.dir, "empty"));
    expect((await piao(["import", "empty"], tmp.dir)).code).toBe(0);
    const d = openDatabase(path.join(tmp.dir, "piao.sqlite"));
    expect(d.prepare("SELECT count(*) FROM schema_migrations").pluck().get()).toBeGreaterThan(0);
    d.close();
  });
});
