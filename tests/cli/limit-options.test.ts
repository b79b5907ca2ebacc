/** `--limit NAME=VALUE`: parsed in one place, one-line errors, and honoured end to end. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { limitSettings } from "../../src/cli/limit-options.js";
import { CliUsageError } from "../../src/cli/cli-errors.js";
import { runPiao } from "../run-piao.js";

describe("limitSettings", () => {
  it("reads repeated NAME=VALUE with K/M/G suffixes", async () => {
    expect(limitSettings(["maxTableCells=500000", "maxStreamBytes=512M", "maxInflatedBytes=1GB", "maxZipRatio=350.5", "maxLineChars=64k"])).toEqual({
      maxTableCells: 500000,
      maxStreamBytes: 512 * 1024 ** 2,
      maxInflatedBytes: 1024 ** 3,
      maxZipRatio: 350.5,
      maxLineChars: 64 * 1024,
    });
    expect(limitSettings(undefined)).toEqual({});
  });

  it("refuses unknown names and bad values in one line naming the argument", async () => {
    for (const bad of ["maxTables=3", "maxPages", "maxPages=-1", "maxPages=two", "maxPages=0"]) {
      let message = "";
      try {
        limitSettings([bad]);
      } catch (e) {
        expect(e).toBeInstanceOf(CliUsageError);
        message = (e as Error).message;
      }
      expect(message).toMatch(/^--limit/);
      expect(message.split("\n")).toHaveLength(1);
    }
  });
});

describe("--limit end to end", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "piao-limit-"));
  const file = path.join(dir, "long.txt");
  writeFileSync(file, "Piano della performance\n" + "Obiettivo ".repeat(300) + "\n");

  it("a refusal names the limit and the flag; the flag raises it", async () => {
    const refused = await runPiao(["tables", file, "--limit", "maxLineChars=1000"]);
    expect(refused.code).toBe(2);
    expect(refused.stderr.trimEnd().split("\n")).toEqual([
      `piao: ${file}: is refused: a line of 3000 characters: over the limit maxLineChars = 1000 (raise it with --limit maxLineChars=N)`,
    ]);
    const raised = await runPiao(["tables", file, "--limit", "maxLineChars=1000", "--limit", "maxLineChars=4000"]);
    expect(raised.code).toBe(0);
    const bad = await runPiao(["extract", file, "--limit", "nope=1"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trimEnd().split("\n")).toHaveLength(1);
  });
});
