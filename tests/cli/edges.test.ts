/**
 * The edges of the command line, the file system and the database (issue 14),
 * end to end: special files, symbolic links, the --jobs cap, read-only and
 * foreign databases, one-line argument errors, no engine text as a reason,
 * atomic --out, stop on a storage error, EPIPE, and --timeout / --max-memory
 * honoured by every command that reads a document.
 *
 * Commands run in-process through `main(argv)` (runPiao); the few whose
 * behaviour is the process's own run the real launcher, each saying why: a
 * file size limit (ulimit -f, which would kill the test runner), a closed
 * stdout pipe, another user (nobody).
 *
 * The plans imported here are text conversions (borgoverde-2024, ateneo-2025):
 * what these tests prove does not depend on the format, and a text plan is read
 * in a third of a Word document's time.
 */
import { spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PIAO_BIN, REPO_ROOT, runPiao } from "../run-piao.js";

const piao = (args: string[]) => runPiao(args);
/** A plan (text conversion) and a second, different one. */
const PLAN = path.join(REPO_ROOT, "fixtures/borgoverde-2024/borgoverde-2024.converted.txt");
const OTHER_PLAN = path.join(REPO_ROOT, "fixtures/ateneo-2025/ateneo-2025.converted.txt");
/** A plan export: `piao check` reports it without reading a document. */
const PLAN_EXPORT = path.join(REPO_ROOT, "fixtures/borgoverde-2024/borgoverde-2024.converted.txt.expected.json");

/** Exactly one line on stderr, no stack trace; returns it. */
function oneLine(stderr: string): string {
  const lines = stderr.trimEnd().split("\n");
  expect(lines, stderr).toHaveLength(1);
  expect(stderr).not.toMatch(/\bat .*\.js:\d+|RangeError|TypeError|Maximum call stack/);
  return lines[0]!;
}

/** Runs a shell line (for pipes and ulimit); returns the status of piao as the script reports it. */
function sh(script: string, cwd: string) {
  const r = spawnSync("bash", ["-c", script], { cwd, encoding: "utf8", timeout: 120_000, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

let dir: string;
/** A database holding PLAN, made by `piao import`: copied where a test needs one to start from. */
let plansDb: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "piao-edges-"));
  plansDb = path.join(dir, "plans.sqlite");
  const r = await piao(["import", PLAN, "--db", plansDb]);
  expect(r.code).toBe(0);
});
afterAll(() => {
  chmodSync(dir, 0o755);
  for (const e of readdirSync(dir)) {
    try {
      chmodSync(path.join(dir, e), 0o755);
    } catch {
      // links to nowhere
    }
  }
  rmSync(dir, { recursive: true, force: true });
});

describe("special files are refused in one line, never read", () => {
  it("a named pipe given to extract, tables, check and import: one line each, no blocking", async () => {
    const fifo = path.join(dir, "pipe.pdf");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    for (const cmd of ["extract", "tables", "check"]) {
      const r = await piao([cmd, fifo]);
      expect(r.code, cmd).toBe(2);
      expect(r.stderr).toContain(`piao: ${fifo}: is not a regular file (a named pipe)`);
      if (cmd !== "check") oneLine(r.stderr);
    }
    const i = await piao(["import", fifo, "--db", path.join(dir, "fifo.sqlite")]);
    expect(i.code).toBe(1);
    expect(i.stdout).toBe(`imported 0, unchanged 0, failed 1\nfailed: ${fifo}: is not a regular file (a named pipe)\n`);
  });

  it("a named pipe or a folder as --db: one line, no blocking", async () => {
    const fifo = path.join(dir, "pipe.sqlite");
    expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
    const c = await piao(["check", "--db", fifo]);
    expect(c.code).toBe(2);
    expect(c.stderr).toBe(`piao: ${fifo}: cannot open database: not a regular file\n`);
    const i = await piao(["import", PLAN, "--db", fifo]);
    expect(i.code).toBe(2);
    expect(oneLine(i.stderr)).toBe(`piao import: ${fifo}: cannot open database: not a regular file`);
    const d = await piao(["import", PLAN, "--db", dir]);
    expect(d.code).toBe(2);
    expect(oneLine(d.stderr)).toBe(`piao import: ${dir}: cannot open database: not a regular file`);
  });

  it("/dev/zero is not hashed or read without end", async () => {
    for (const cmd of ["extract", "tables"]) {
      const r = await piao([cmd, "/dev/zero"]);
      expect(r.code).toBe(2);
      expect(oneLine(r.stderr)).toBe("piao: /dev/zero: is not a regular file (a character device)");
    }
    const i = await piao(["import", "/dev/zero", "--db", path.join(dir, "zero.sqlite")]);
    expect(i.code).toBe(1);
    expect(i.stdout).toContain("failed: /dev/zero: is not a regular file (a character device)");
  });

  it("a folder given as a file", async () => {
    const r = await piao(["tables", dir]);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toMatch(/is a directory, not a document \(not a regular file\)$/);
  });

  it("a named pipe inside a folder is listed as skipped; the folder's documents are imported", async () => {
    const folder = path.join(dir, "with-pipe");
    mkdirSync(folder);
    copyFileSync(PLAN, path.join(folder, "plan.txt"));
    expect(spawnSync("mkfifo", [path.join(folder, "stuck.pdf")]).status).toBe(0);
    const r = await piao(["import", folder, "--db", path.join(dir, "pipe-folder.sqlite")]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      `imported 1, unchanged 0, failed 0, skipped 1\nskipped: ${path.join(folder, "stuck.pdf")}: not a regular file (a named pipe); skipped\n`,
    );
  });
});

describe("symbolic links inside folders", () => {
  it("are followed to files and folders; a loop and a broken link are each reported", async () => {
    const root = path.join(dir, "links");
    const elsewhere = path.join(dir, "elsewhere");
    mkdirSync(root);
    mkdirSync(elsewhere);
    copyFileSync(PLAN, path.join(elsewhere, "borgo.txt"));
    copyFileSync(OTHER_PLAN, path.join(elsewhere, "ateneo.txt"));
    symlinkSync(path.join(elsewhere, "borgo.txt"), path.join(root, "linked.txt")); // a file
    mkdirSync(path.join(root, "sub"));
    symlinkSync(elsewhere, path.join(root, "sub/folder")); // a folder (holding borgo.txt again)
    symlinkSync(root, path.join(root, "sub/loop")); // back to the top
    symlinkSync(path.join(dir, "nowhere.pdf"), path.join(root, "broken.pdf"));
    const r = await piao(["import", root, "--db", path.join(dir, "links.sqlite")]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split("\n");
    // borgo.txt is reached twice (link to the file, link to its folder): imported once.
    expect(lines[0]).toBe("imported 2, unchanged 0, failed 0, skipped 2");
    expect(lines.slice(1).sort()).toEqual(
      [
        `skipped: ${path.join(root, "broken.pdf")}: broken symbolic link; skipped`,
        `skipped: ${path.join(root, "sub/loop")}: symbolic link to a folder already searched (a loop or a second link); skipped`,
      ].sort(),
    );
  });
});

describe("--jobs", () => {
  it("is capped at the core count, with one line saying so", async () => {
    const folder = path.join(dir, "jobs");
    mkdirSync(folder);
    copyFileSync(PLAN, path.join(folder, "a.txt"));
    const cores = availableParallelism();
    const r = await piao(["import", folder, "--jobs", "1000", "--db", path.join(dir, "jobs.sqlite")]);
    expect(r.code).toBe(0);
    expect(r.stderr.split("\n")[0]).toBe(`piao import: --jobs 1000 is more than the ${cores} cores; using ${cores}`);
    expect(r.stdout).toBe("imported 1, unchanged 0, failed 0\n");
  });

  it("defaults to one fewer than the cores, at least 1", async () => {
    const { defaultJobs } = await import("../../src/pipeline/import-files.js");
    expect(defaultJobs()).toBe(Math.max(1, availableParallelism() - 1));
  });
});

describe("a database the user may only read", () => {
  let dbDir: string;
  let dbFile: string;
  beforeAll(() => {
    dbDir = path.join(dir, "ro");
    mkdirSync(dbDir);
    dbFile = path.join(dbDir, "plans.sqlite");
    copyFileSync(plansDb, dbFile);
  });

  it("check --db reads a WAL database in a folder and file it cannot write, and changes nothing", () => {
    const before = readFileSync(dbFile);
    chmodSync(dbFile, 0o444);
    chmodSync(dbDir, 0o555);
    // root ignores permissions: run as nobody then, who may only read. A real process: the
    // user is the process's.
    const asNobody = process.getuid?.() === 0;
    if (asNobody) chmodSync(dir, 0o755);
    const r = spawnSync(process.execPath, [PIAO_BIN, "check", "--db", dbFile, "--format", "json"], {
      cwd: dbDir,
      encoding: "utf8",
      timeout: 90_000,
      ...(asNobody ? { uid: 65534, gid: 65534 } : {}),
    });
    chmodSync(dbDir, 0o755);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as { plans: unknown[] };
    expect(report.plans).toHaveLength(1);
    expect(readFileSync(dbFile).equals(before)).toBe(true);
    expect(readdirSync(dbDir)).toEqual(["plans.sqlite"]);
  });
});

describe("another application's SQLite file", () => {
  it("is refused in one line and left byte-identical, unless --force-db", async () => {
    const file = path.join(dir, "contacts.sqlite");
    const other = new Database(file);
    other.exec("CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO contacts (name) VALUES ('Ada')");
    other.close();
    const before = readFileSync(file);
    const r = await piao(["import", PLAN, "--db", file]);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toBe(`piao import: ${file}: not a piao database (it holds other tables: contacts); give --force-db to add piao's tables to it`);
    expect(readFileSync(file).equals(before)).toBe(true);
    const forced = await piao(["import", PLAN, "--db", file, "--force-db"]);
    expect(forced.code).toBe(0);
    const db = new Database(file, { readonly: true });
    expect(db.prepare("SELECT name FROM contacts").pluck().get()).toBe("Ada");
    expect(db.prepare("SELECT count(*) FROM documents").pluck().get()).toBe(1);
    db.close();
  });
});

describe("every argument error is one line naming the argument", () => {
  const cases: { args: string[]; names: string; not?: string }[] = [
    { args: ["import", "x.pdf", "--jobs", "-1"], names: "--jobs" },
    { args: ["import", "x.pdf", "--jobs=-1"], names: "--jobs" },
    { args: ["import", "x.pdf", "--jobs", "two"], names: "--jobs" },
    { args: ["import", "x.pdf", "--max-memory", "10"], names: "--max-memory" },
    { args: ["frobnicate"], names: "unknown command 'frobnicate' (see piao --help)" },
    { args: ["extract", "--timeout", "0", "FILE.pdf"], names: "--timeout", not: "FILE.pdf" },
    { args: ["tables", "FILE.pdf", "--timeout", "soon"], names: "--timeout", not: "FILE.pdf" },
    { args: ["check", "FILE.pdf", "--timeout", "-3"], names: "--timeout", not: "FILE.pdf" },
    { args: ["extract", "FILE.pdf", "--expected-total", "0"], names: "--expected-total", not: "FILE.pdf" },
    { args: ["check", "FILE.pdf", "--format", "xml"], names: "--format" },
    { args: ["check", "--bogus"], names: "--bogus" },
    { args: ["tables", "--csv", "--json", "FILE.pdf"], names: "--json" },
    { args: ["extract"], names: "FILE" },
  ];
  for (const c of cases) {
    it(`piao ${c.args.join(" ")}`, async () => {
      const r = await piao(c.args);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      const line = oneLine(r.stderr);
      expect(line).toContain(c.names);
      if (c.not) expect(line).not.toContain(c.not);
    });
  }
});

describe("check --out writes the whole report or nothing", () => {
  it("leaves the previous report and no temporary file when the write fails (file size limit)", async () => {
    const out = path.join(dir, "out");
    mkdirSync(out);
    const report = path.join(out, "report.txt");
    writeFileSync(report, "the previous report\n");
    // RLIMIT_FSIZE of 1 KB: the report's write fails (EFBIG) the way a full disk's does (ENOSPC).
    // A real process: the limit is the process's (and over it, SIGXFSZ would end the test runner).
    const r = sh(`ulimit -f 1; exec "${process.execPath}" "${PIAO_BIN}" check "${PLAN_EXPORT}" --out "${report}"`, out);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toMatch(new RegExp(`^piao: ${report}: cannot write the report: `));
    expect(readFileSync(report, "utf8")).toBe("the previous report\n");
    expect(readdirSync(out)).toEqual(["report.txt"]);
    // Without the limit the same command replaces it whole.
    const ok = await piao(["check", PLAN_EXPORT, "--out", report]);
    expect(ok.code).toBe(0);
    expect(readFileSync(report, "utf8")).toMatch(/^piao check: verifica di coerenza/);
    expect(readdirSync(out)).toEqual(["report.txt"]);
  });
});

describe("import on a full disk", () => {
  // The fixtures' HTML documents (16; Word ones would only cost more to read): 64 KB over the
  // database's size, the first plan is stored and the second's write fails.
  it("stops at the first storage error, says so once, exit 1, database intact", async () => {
    const folder = path.join(dir, "many");
    mkdirSync(folder);
    const fixtures = path.join(REPO_ROOT, "fixtures");
    for (const d of readdirSync(fixtures).filter((n) => statSync(path.join(fixtures, n)).isDirectory()))
      for (const f of readdirSync(path.join(fixtures, d)).filter((n) => /\.html$/.test(n))) copyFileSync(path.join(fixtures, d, f), path.join(folder, f));
    const total = readdirSync(folder).length;
    expect(total).toBeGreaterThan(10);
    const dbFile = path.join(dir, "full.sqlite");
    copyFileSync(plansDb, dbFile);
    const limitKb = Math.ceil(statSync(dbFile).size / 1024) + 64;
    // A real process: the file size limit (ulimit -f) is the process's.
    const r = sh(`ulimit -f ${limitKb}; exec "${process.execPath}" "${PIAO_BIN}" import "${folder}" --db "${dbFile}" --jobs 1`, dir);
    expect(r.code).toBe(1);
    const stops = r.stderr.split("\n").filter((l) => l.startsWith("piao import: stopped at "));
    expect(stops, r.stderr).toHaveLength(1);
    expect(stops[0]).toMatch(/cannot write to the database: .*; \d+ files? not imported$/);
    const summary = /^imported (\d+), unchanged (\d+), failed (\d+)/.exec(r.stdout);
    expect(summary).not.toBeNull();
    const attempted = Number(summary![1]) + Number(summary![2]) + Number(summary![3]);
    expect(attempted).toBeLessThan(total);
    const db = new Database(dbFile, { readonly: true });
    expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
    db.close();
  });
});

describe("a reader that closes the pipe", () => {
  it("piao tables FILE | head ends quietly with exit 0", () => {
    // A real process: the pipe is its stdout, closed by head after 100 bytes of ~260 KB (four
    // times a pipe's buffer), so piao's next write meets EPIPE.
    const r = sh(`"${process.execPath}" "${PIAO_BIN}" tables "${PLAN}" --json | head -c 100 > /dev/null; echo "piao=\${PIPESTATUS[0]}" >&2`, dir);
    expect(r.stderr).toBe("piao=0\n");
  });
});

describe("--timeout and --max-memory hold for every command that reads a document", () => {
  let slow: string;
  beforeAll(() => {
    // 20 MB of prose lines: seconds of reading on any machine, far over half a second. The
    // 250,000 lines are drawn from 4,096 random ones (building each of them costs a second of CPU).
    slow = path.join(dir, "slow.txt");
    const words = "il comune provvede alla gestione dei servizi sociali e della performance organizzativa con obiettivi".split(" ");
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    const drawn = Array.from({ length: 4096 }, () => Array.from({ length: 12 }, () => words[next() % words.length]!).join(" "));
    const lines = Array.from({ length: 250_000 }, () => drawn[next() % drawn.length]!);
    writeFileSync(slow, lines.join("\n"));
  });

  for (const cmd of ["extract", "tables", "check"]) {
    it(`piao ${cmd} refuses a document over --timeout: "too slow", worker terminated, exit 2`, async () => {
      const r = await piao([cmd, slow, "--timeout", "0.5"]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`piao: ${slow}: too slow: over 0.5 s\n`);
      if (cmd !== "check") oneLine(r.stderr);
    });
  }

  it("a worker past --max-memory dies alone: extract says so in one line", async () => {
    const r = await piao(["extract", slow, "--max-memory", "64"]);
    expect(r.code).toBe(2);
    expect(oneLine(r.stderr)).toBe(`piao: ${slow}: too large: out of memory (worker limit 64 MB)`);
  });

  it("the import goes on with the next file after a worker's heap overrun", async () => {
    const folder = path.join(dir, "heap");
    mkdirSync(folder);
    copyFileSync(slow, path.join(folder, "a-huge.txt"));
    copyFileSync(PLAN, path.join(folder, "b-plan.txt"));
    copyFileSync(OTHER_PLAN, path.join(folder, "c-plan.txt"));
    const r = await piao(["import", folder, "--jobs", "1", "--max-memory", "64", "--db", path.join(dir, "heap.sqlite")]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(`imported 2, unchanged 0, failed 1\nfailed: ${path.join(folder, "a-huge.txt")}: too large: out of memory (worker limit 64 MB)\n`);
  });
});
