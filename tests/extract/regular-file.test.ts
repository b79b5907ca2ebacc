/**
 * What is not a regular file is refused with the same words on every path: by
 * `readDocument` itself (a library caller, or a file replaced after the pipeline
 * looked) and by the pipeline's check before a worker is asked (`piao extract`,
 * `piao import`). The words are written here by hand, not taken from src/.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readDocument } from "../../src/extract/read-document.js";
import { regularFileProblem } from "../../src/extract/regular-file.js";
import { DocumentError } from "../../src/shared/errors.js";
import { runPiao } from "../run-piao.js";

const dir = mkdtempSync(path.join(tmpdir(), "piao-regular-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const fifo = path.join(dir, "pipe.pdf");
expect(spawnSync("mkfifo", [fifo]).status).toBe(0);
const folder = path.join(dir, "folder.pdf");
mkdirSync(folder);

/** Each kind of path, and the reason every path gives for it. */
const KINDS: [string, string, string][] = [
  ["a named pipe", fifo, "is not a regular file (a named pipe)"],
  ["a character device", "/dev/null", "is not a regular file (a character device)"],
  ["a folder", folder, "is a directory, not a document (not a regular file)"],
  ["a missing file", path.join(dir, "nope.pdf"), "file not found"],
];

/** What readDocument throws for `file` (it must throw a DocumentError, and never open a pipe). */
async function readError(file: string): Promise<DocumentError> {
  const e = await readDocument(file).then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(DocumentError);
  return e as DocumentError;
}

describe("a path that is not a regular file", () => {
  for (const [name, file, reason] of KINDS) {
    it(`${name}: readDocument and the pipeline's check give the same reason`, async () => {
      const e = await readError(file);
      expect([e.file, e.message]).toEqual([file, reason]);
      expect(regularFileProblem(file)?.reason).toBe(reason);
    });
  }

  it("piao extract and piao import name a named pipe alike, in one line", async () => {
    const extracted = await runPiao(["extract", fifo]);
    expect([extracted.code, extracted.stdout, extracted.stderr]).toEqual([2, "", `piao: ${fifo}: is not a regular file (a named pipe)\n`]);
    const imported = await runPiao(["import", fifo, "--db", path.join(dir, "fifo.sqlite")]);
    expect(imported.code).toBe(1);
    expect(imported.stdout).toBe(`imported 0, unchanged 0, failed 1\nfailed: ${fifo}: is not a regular file (a named pipe)\n`);
  });
});
