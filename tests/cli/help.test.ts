/** Docs that cannot fall behind: every command has --help and is in the README. */
import { describe, expect, it } from "vitest";
import { REPO_ROOT, runPiao, runPiaoProcess } from "../run-piao.js";
import { readFileSync } from "node:fs";
import path from "node:path";

const root = REPO_ROOT;
const piao = (...args: string[]) => runPiao(args, { timeoutMs: 30_000 });

const usage = (await piao("--help")).stdout;
const commands = [...usage.matchAll(/^\s+piao (\w+)/gm)].map((m) => m[1]!);
const readme = readFileSync(path.join(root, "README.md"), "utf8");

describe("CLI docs", () => {
  it("lists the five commands", async () => {
    expect(commands).toEqual(["tables", "extract", "import", "check", "serve"]);
  });
  for (const c of commands) {
    it(`piao ${c} --help prints its usage and exits 0`, async () => {
      const r = await piao(c, "--help");
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^usage: piao ${c} `));
      expect(r.stdout).toMatch(/exit: /);
    });
    it(`README documents piao ${c}`, async () => {
      expect(readme).toContain(`piao ${c}`);
    });
  }
  it("the launcher (node bin/piao) runs the compiled CLI in a process of its own", () => {
    // Every other CLI test calls main() in-process: this one checks bin/piao itself.
    const r = runPiaoProcess(["--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(usage);
    const bad = runPiaoProcess(["frobnicate"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^piao: unknown command 'frobnicate'/);
  });
  it("an unknown option is a usage error (exit 2, one line)", async () => {
    const r = await piao("extract", "--no-such-option", "x.pdf");
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
  });
});
