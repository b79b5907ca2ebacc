/**
 * End to end: every kind of unusable input gives one line `piao: FILE: reason`
 * on stderr, exit code 2, no stack trace, for both `piao tables` and `piao extract`.
 */
import { describe, expect, it, beforeAll, afterAll } from "vitest";
import { REPO_ROOT, runPiao } from "../run-piao.js";
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync, closeSync, openSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const root = REPO_ROOT;
const bad = path.join(root, "fixtures/bad");
const manifest = JSON.parse(readFileSync(path.join(bad, "manifest.json"), "utf8")) as {
  files: { file: string; expectedError: string }[];
};

const piao = (...args: string[]) => runPiao(args, { timeoutMs: 60_000 });

/** What a person reads for each kind: the reason must say it in words. */
const reasonWords: Record<string, RegExp> = {
  empty: /empty/i,
  corrupt: /corrupt|truncated|not a valid/i,
  encrypted: /encrypted|password/i,
  unsupported: /not a (pdf|word)|no known|not .*document|zip/i,
  "not-a-plan": /no performance plan|not a plan/i,
  "too-large": /too large/i,
  timeout: /too long|too slow|time limit|timed out/i,
  "not-found": /file not found|cannot be opened/i,
};

function expectOneLine(stderr: string, file: string, kind: string) {
  const lines = stderr.trimEnd().split("\n");
  expect(lines, stderr).toHaveLength(1);
  expect(lines[0]).toContain(file);
  expect(lines[0]).toMatch(/^piao: /);
  expect(lines[0]).toMatch(reasonWords[kind]!);
  expect(stderr).not.toMatch(/\bat .*\.js:\d+/); // no stack trace
}

describe("piao extract on bad input", () => {
  for (const { file, expectedError } of manifest.files) {
    it(`${file} → ${expectedError}, exit 2`, async () => {
      const p = path.join(bad, file);
      const r = await piao("extract", p);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expectOneLine(r.stderr, p, expectedError);
    });
  }
});

describe("piao tables on bad input", () => {
  // `tables` shows what the reader saw; it does not decide whether a document is a plan.
  for (const { file, expectedError } of manifest.files.filter((f) => f.expectedError !== "not-a-plan")) {
    it(`${file} → ${expectedError}, exit 2`, async () => {
      const p = path.join(bad, file);
      const r = await piao("tables", p, "--json");
      expect(r.code).toBe(2);
      expectOneLine(r.stderr, p, expectedError);
    });
  }
});

describe("limits", () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), "piao-cli-"));
  });
  afterAll(async () => rmSync(dir, { recursive: true, force: true }));

  it("a huge file is refused before it is read", async () => {
    const p = path.join(dir, "huge.pdf");
    closeSync(openSync(p, "w"));
    truncateSync(p, 300 * 1024 * 1024); // sparse: costs no disk
    for (const cmd of ["extract", "tables"]) {
      const r = await piao(cmd, p);
      expect(r.code).toBe(2);
      expectOneLine(r.stderr, p, "too-large");
    }
  });

  it("a file that takes longer than --timeout is abandoned with a clear line", async () => {
    const p = path.join(root, "fixtures/asl-2024/asl-2024.pdf");
    const r = await piao("extract", p, "--timeout", "0.001");
    expect(r.code).toBe(2);
    expectOneLine(r.stderr, p, "timeout");
  });

  it("a missing file and a folder are named as such", async () => {
    const missing = path.join(dir, "nope.pdf");
    const r1 = await piao("extract", missing);
    expect(r1.code).toBe(2);
    expectOneLine(r1.stderr, missing, "not-found");
    const r2 = await piao("extract", dir);
    expect(r2.code).toBe(2);
    expect(r2.stderr.trim().split("\n")).toHaveLength(1);
    expect(r2.stderr).toMatch(/directory/);
  });

  it("a text file that is no plan is refused by extract, shown by tables", async () => {
    const p = path.join(dir, "letter.txt");
    writeFileSync(p, "Gentile cliente,\nla informiamo che il servizio riprenderà lunedì.\nCordiali saluti\n");
    const r = await piao("extract", p);
    expect(r.code).toBe(2);
    expectOneLine(r.stderr, p, "not-a-plan");
    const t = await piao("tables", p);
    expect(t.code).toBe(0);
    expect(t.stdout).toContain("(no tables found)");
  });

  it("usage errors exit 2 with one line", async () => {
    const r = await piao("extract");
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    const u = await piao("frobnicate");
    expect(u.code).toBe(2);
  });
});

describe("piao tables on a real plan", () => {
  it("prints every phases table with a 12-month header (text, JSON and CSV views agree)", async () => {
    const p = path.join(root, "../shared/samples/luzzara-2024.pdf");
    const j = await piao("tables", p, "--json");
    expect(j.code).toBe(0);
    const layout = JSON.parse(j.stdout) as { pages: { number: number; blocks: { kind: string; id: string; cells: { row: number; text: string }[] }[] }[] };
    const tables = layout.pages.flatMap((pg) => pg.blocks.filter((b) => b.kind === "table"));
    const monthRe = /^(gen|feb|mar|apr|mag|giu|lug|ago|set|ott|nov|dic)$/i;
    const withMonths = tables.filter((t) => {
      const byRow = new Map<number, number>();
      for (const c of t.cells) if (monthRe.test(c.text.replace(/\s+/g, ""))) byRow.set(c.row, (byRow.get(c.row) ?? 0) + 1);
      return [...byRow.values()].some((n) => n === 12);
    });
    expect(withMonths.length).toBe(18);
    const csv = await piao("tables", p, "--csv");
    expect(csv.code).toBe(0);
    for (const t of withMonths) expect(csv.stdout).toContain(`\n${t.id},`);
    // The text view of the first such table's page (a PDF reads only the pages listed): each
    // month table there, under its id, found by the lattice (ruled grid) method.
    const page = layout.pages.find((pg) => pg.blocks.includes(withMonths[0]!))!;
    const onPage = withMonths.filter((t) => page.blocks.includes(t));
    const text = await piao("tables", p, "--pages", String(page.number));
    expect(text.code).toBe(0);
    for (const t of onPage) expect(text.stdout).toContain(`== table ${t.id} (lattice, page ${page.number})`);
  });
});
