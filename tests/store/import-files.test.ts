import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync, appendFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DocumentError } from "../../src/shared/errors.js";
import { openDatabase, type Db } from "../../src/store/open-database.js";
import { hashFile, importFiles, type ExtractFunction } from "../../src/pipeline/import-files.js";
import { collectFiles } from "../../src/pipeline/collect-files.js";
import { listPlans } from "../../src/store/list-plans.js";
import { WorkerPool } from "../../src/pipeline/worker-pool.js";
import { counts, expectedCounts, loadSample, SAMPLES, tempDir } from "./helpers.js";
import { pegPlan, piaoPlan } from "./v2-plans.js";

const HANG_WORKER = path.join(path.dirname(fileURLToPath(import.meta.url)), "fixtures/hang-worker.mjs");

let dir: string;
let db: Db;
let cleanup: () => void;
beforeEach(() => {
  const t = tempDir();
  dir = t.dir;
  cleanup = t.cleanup;
  db = openDatabase(path.join(dir, "piao.sqlite"));
});
afterEach(() => {
  db.close();
  cleanup();
});

/**
 * Stands in for extractPlan while the readers are being written: answers with the
 * sample's expected export for the file's format, stamped with the file's real
 * sha256, and refuses files that are not what their name says.
 */
const fromExpected: ExtractFunction = async (file, displayPath) => {
  const ext = path.extname(file).slice(1);
  const bytes = readFileSync(file);
  if (ext === "pdf" && !bytes.subarray(0, 5).equals(Buffer.from("%PDF-"))) throw new DocumentError("corrupt", file, "not a PDF (no %PDF- header)");
  const plan = loadSample(`luzzara-2024.${ext}` as "luzzara-2024.pdf");
  return { ...plan, source: { ...plan.source, path: displayPath, sha256: await hashFile(file) } };
};

function copySample(name: string, to: string, suffix = ""): string {
  const target = path.join(dir, to);
  mkdirSync(path.dirname(target), { recursive: true });
  copyFileSync(path.join(SAMPLES, name), target);
  if (suffix) appendFileSync(target, suffix);
  return target;
}

describe("collectFiles", () => {
  it("walks folders, skipping hidden entries, goldens and non-documents; keeps named files", () => {
    copySample("luzzara-2024.pdf", "in/a.pdf");
    copySample("luzzara-2024.docx", "in/sub/b.docx");
    copySample("luzzara-2024.pdf.expected.json", "in/a.pdf.expected.json");
    writeFileSync(path.join(dir, "in/.hidden.pdf"), "x");
    mkdirSync(path.join(dir, "in/.git"));
    writeFileSync(path.join(dir, "in/.git/c.pdf"), "x");
    writeFileSync(path.join(dir, "in/notes.md"), "x");
    writeFileSync(path.join(dir, "in/plan.HTM"), "x");
    writeFileSync(path.join(dir, "named.bin"), "x");
    const out = collectFiles([path.join(dir, "in"), path.join(dir, "named.bin"), path.join(dir, "in/a.pdf"), path.join(dir, "nope.pdf")]);
    expect(out.files.map((f) => path.relative(dir, f))).toEqual(["in/a.pdf", "in/plan.HTM", "in/sub/b.docx", "named.bin"]);
    expect(out.missing).toEqual([{ file: path.join(dir, "nope.pdf"), reason: "file not found", kind: "not-found" }]);
  });
});

describe("collectFiles at the edges", () => {
  it("reports special files and link loops, follows links, takes a file reached twice once", () => {
    copySample("luzzara-2024.pdf", "in/a.pdf");
    mkdirSync(path.join(dir, "other"));
    copySample("luzzara-2024.docx", "other/b.docx");
    symlinkSync(path.join(dir, "other"), path.join(dir, "in/to-other"));
    symlinkSync(path.join(dir, "in/a.pdf"), path.join(dir, "in/same.pdf"));
    symlinkSync(path.join(dir, "in"), path.join(dir, "in/up"));
    symlinkSync(path.join(dir, "in/gone.pdf"), path.join(dir, "in/broken.pdf"));
    expect(spawnSync("mkfifo", [path.join(dir, "in/pipe.pdf")]).status).toBe(0);
    const out = collectFiles([path.join(dir, "in"), "/dev/null"]);
    expect(out.files.map((f) => path.relative(dir, f))).toEqual(["in/a.pdf", "in/to-other/b.docx"]);
    expect(out.missing).toEqual([{ file: "/dev/null", reason: "is not a regular file (a character device)" }]);
    expect(out.skipped.map((s) => [path.relative(dir, s.file), s.reason])).toEqual([
      ["in/broken.pdf", "broken symbolic link; skipped"],
      ["in/pipe.pdf", "not a regular file (a named pipe); skipped"],
      ["in/up", "symbolic link to a folder already searched (a loop or a second link); skipped"],
    ]);
  });
});

describe("importFiles", () => {
  it("imports files and folders, one plan per document", async () => {
    copySample("luzzara-2024.pdf", "in/a.pdf");
    copySample("luzzara-2024.docx", "in/b.docx");
    copySample("luzzara-2024.html", "c.html");
    const result = await importFiles([path.join(dir, "in"), path.join(dir, "c.html")], { db, jobs: 2, extract: fromExpected });
    expect(result.outcomes.map((o) => [path.basename(o.file), o.status])).toEqual([
      ["a.pdf", "imported"],
      ["b.docx", "imported"],
      ["c.html", "imported"],
    ]);
    expect({ imported: result.imported, unchanged: result.unchanged, failed: result.failed }).toEqual({ imported: 3, unchanged: 0, failed: 0 });
    expect(counts(db)).toEqual(expectedCounts(["luzzara-2024.pdf", "luzzara-2024.docx", "luzzara-2024.html"].map((n) => loadSample(n as "luzzara-2024.pdf"))));
    expect(db.prepare("SELECT bytes FROM documents WHERE path LIKE '%a.pdf'").pluck().get()).toBe(readFileSync(path.join(SAMPLES, "luzzara-2024.pdf")).length);
  });

  it("re-importing the same files changes nothing and parses nothing", async () => {
    copySample("luzzara-2024.pdf", "a.pdf");
    copySample("luzzara-2024.docx", "b.docx");
    await importFiles([dir], { db, extract: fromExpected });
    const before = counts(db);
    let parsed = 0;
    const again = await importFiles([dir], {
      db,
      extract: async (f, d) => {
        parsed++;
        return fromExpected(f, d);
      },
    });
    expect(again.outcomes.map((o) => o.status)).toEqual(["unchanged", "unchanged"]);
    expect(parsed).toBe(0);
    expect(counts(db)).toEqual(before);
  });

  it("two copies of one file in a batch give one document", async () => {
    copySample("luzzara-2024.pdf", "a.pdf");
    copySample("luzzara-2024.pdf", "b.pdf");
    const result = await importFiles([dir], { db, jobs: 2, extract: fromExpected });
    expect(result.outcomes.map((o) => o.status).sort()).toEqual(["imported", "unchanged"]);
    expect(counts(db).documents).toBe(1);
  });

  it("a new file for the same organization and year becomes the current plan", async () => {
    const v1 = copySample("luzzara-2024.pdf", "v1.pdf");
    await importFiles([v1], { db, extract: fromExpected });
    const v2 = copySample("luzzara-2024.pdf", "v2.pdf", "\n%rev 2\n");
    const result = await importFiles([v2], { db, extract: fromExpected });
    expect(result.outcomes[0]).toMatchObject({ status: "imported", version: 2 });
    const plans = listPlans(db, { organization: "Comune di Luzzara", year: 2024 });
    expect(plans.map((p) => [path.basename(p.path), p.version, p.isCurrent])).toEqual([
      ["v1.pdf", 1, false],
      ["v2.pdf", 2, true],
    ]);
  });

  it("reports a corrupt file and a missing path, and stores the good ones", async () => {
    copySample("luzzara-2024.pdf", "a.pdf");
    writeFileSync(path.join(dir, "broken.pdf"), "this is not a pdf");
    copySample("luzzara-2024.docx", "z.docx");
    const result = await importFiles([dir, path.join(dir, "missing.pdf")], { db, jobs: 2, extract: fromExpected });
    const byName = Object.fromEntries(result.outcomes.map((o) => [path.basename(o.file), o]));
    expect(byName["broken.pdf"]).toMatchObject({ status: "failed", reason: "not a PDF (no %PDF- header)", kind: "corrupt" });
    expect(byName["missing.pdf"]).toMatchObject({ status: "failed", reason: "file not found" });
    expect(byName["a.pdf"]!.status).toBe("imported");
    expect(byName["z.docx"]!.status).toBe("imported");
    expect(result.failed).toBe(2);
    expect(counts(db).documents).toBe(2);
  });

  it("a plan the store rejects fails alone and leaves no partial rows", async () => {
    copySample("luzzara-2024.pdf", "a.pdf");
    copySample("luzzara-2024.docx", "b.docx");
    const before = counts(db);
    const result = await importFiles([dir], {
      db,
      extract: async (f, d) => {
        const plan = await fromExpected(f, d);
        if (f.endsWith(".docx")) plan.units[3]!.objectives[0]!.detail!.phases[0]!.months = ["2024-13"];
        return plan;
      },
    });
    const docx = result.outcomes.find((o) => o.file.endsWith("b.docx"))!;
    expect(docx).toMatchObject({ status: "failed" });
    expect(docx.status === "failed" && docx.reason).toMatch(/^export does not match the contract: units\.3\.objectives\.0\.detail\.phases\.0\.months\.0/);
    expect(counts(db)).toEqual({ ...expectedCounts([loadSample("luzzara-2024.pdf")]) });
    expect(before.documents).toBe(0);
  });

  it("a storage error stops the import at the first file: reported once, nothing more parsed", async () => {
    for (const n of ["a", "b", "c", "d"]) copySample("luzzara-2024.pdf", `${n}.pdf`, `\n%${n}\n`);
    db.pragma("query_only = ON"); // every write now fails as SQLITE_READONLY, as a full disk fails them
    let parsed = 0;
    const result = await importFiles([dir], {
      db,
      jobs: 1,
      extract: async (f, d) => {
        parsed++;
        return fromExpected(f, d);
      },
    });
    db.pragma("query_only = OFF");
    expect(parsed).toBe(1);
    expect(result.outcomes).toEqual([]);
    expect(result.stopped).toEqual({
      reason: expect.stringMatching(/^cannot write to the database: /),
      file: path.join(dir, "a.pdf"),
      notImported: 4,
    });
    expect(counts(db).documents).toBe(0);
  });

  it("runs the real extractor in worker threads and reports its one-line reason", async () => {
    writeFileSync(path.join(dir, "empty.pdf"), "");
    const result = await importFiles([path.join(dir, "empty.pdf")], { db, jobs: 1 });
    expect(result.outcomes).toHaveLength(1);
    const o = result.outcomes[0]!;
    expect(o.status).toBe("failed");
    expect(o.status === "failed" && o.reason).not.toMatch(/\n/);
    expect(counts(db).documents).toBe(0);
  });
});

describe("WorkerPool", () => {
  it("terminates a stuck worker and reports 'timed out', keeping the others going", async () => {
    const pool = new WorkerPool({ timeoutMs: 4000, workerFile: HANG_WORKER });
    try {
      const started = Date.now();
      const [hang, ok1, ok2] = await Promise.all([pool.run("/x/hang.pdf"), pool.run("/x/a.pdf"), pool.run("/x/b.pdf")]);
      expect(hang).toMatchObject({ ok: false, kind: "timeout" });
      expect(!hang.ok && hang.reason).toBe("too slow: over 4 s");
      expect(ok1).toMatchObject({ ok: false, reason: "echo /x/a.pdf" });
      expect(ok2).toMatchObject({ ok: false, reason: "echo /x/b.pdf" });
      expect(Date.now() - started).toBeLessThan(30_000);
      // The pool still works after replacing the terminated worker.
      expect(await pool.run("/x/c.pdf")).toMatchObject({ ok: false, reason: "echo /x/c.pdf" });
    } finally {
      await pool.close();
    }
  });

  it("a crashing worker fails only its file", async () => {
    const pool = new WorkerPool({ timeoutMs: 5000, workerFile: HANG_WORKER });
    try {
      expect(await pool.run("/x/crash.pdf")).toMatchObject({ ok: false, reason: "could not be read: the reader stopped (boom in worker)" });
      expect(await pool.run("/x/d.pdf")).toMatchObject({ ok: false, reason: "echo /x/d.pdf" });
    } finally {
      await pool.close();
    }
  });

  it("a worker past its heap limit fails only its file, as out of memory", async () => {
    const pool = new WorkerPool({ timeoutMs: 20_000, maxOldGenerationSizeMb: 32, workerFile: HANG_WORKER });
    try {
      expect(await pool.run("/x/hog.pdf")).toMatchObject({ ok: false, reason: "too large: out of memory (worker limit 32 MB)", kind: "too-large" });
      expect(await pool.run("/x/e.pdf")).toMatchObject({ ok: false, reason: "echo /x/e.pdf" });
    } finally {
      await pool.close();
    }
  });

  it("an engine error (stack overflow) is not shown as the document's reason", async () => {
    const pool = new WorkerPool({ timeoutMs: 20_000, workerFile: HANG_WORKER });
    try {
      expect(await pool.run("/x/overflow.pdf")).toEqual({
        ok: false,
        reason: "could not be read: internal limit reached",
        kind: undefined,
        stats: expect.anything(),
      });
    } finally {
      await pool.close();
    }
  });

  it("starts a worker that preloads pdf.js only for a document that sniffs as a PDF", async () => {
    // Three documents at once: three workers, each started for one of them. The HTML named .pdf is not a PDF.
    const html = copySample("luzzara-2024.html", "preload/plan.html");
    const pdf = copySample("luzzara-2024.pdf", "preload/plan.pdf");
    const misnamed = copySample("luzzara-2024.html", "preload/html.pdf");
    const pool = new WorkerPool({ workerFile: HANG_WORKER });
    try {
      const outcomes = await Promise.all([html, pdf, misnamed].map((f) => pool.run(f)));
      expect(outcomes.map((o) => !o.ok && o.reason)).toEqual(["preloadPdf false", "preloadPdf true", "preloadPdf false"]);
    } finally {
      await pool.close();
    }
  });

  it("importFiles reports a timed-out file as failed", async () => {
    copySample("luzzara-2024.pdf", "hang.pdf");
    const result = await importFiles([path.join(dir, "hang.pdf")], { db, jobs: 1, timeoutMs: 500, workerFile: HANG_WORKER });
    expect(result.outcomes[0]).toMatchObject({ status: "failed", reason: "too slow: over 0.5 s", kind: "timeout" });
  });
});

describe("importFiles with the plans export version 2 no longer refuses", () => {
  it("stores plans without weights, summaries or sheets, as the normaliser gives them", async () => {
    const a = path.join(dir, "piao.pdf");
    const b = path.join(dir, "peg.html");
    writeFileSync(a, "%PDF- a PIAO");
    writeFileSync(b, "<html>a PEG</html>");
    const extract: ExtractFunction = async (file, displayPath) => {
      const plan = file.endsWith(".pdf") ? piaoPlan() : pegPlan();
      return { ...plan, source: { ...plan.source, path: displayPath, sha256: await hashFile(file) } };
    };
    const r = await importFiles([a, b], { db, extract, jobs: 1 });
    expect(r.outcomes.map((o) => o.status)).toEqual(["imported", "imported"]);
    expect(counts(db)).toEqual(expectedCounts([piaoPlan(), pegPlan()]));
    expect(db.prepare("SELECT kind FROM plans ORDER BY id").pluck().all()).toEqual(["piao", "peg"]);
  });
});
