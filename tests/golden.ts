/**
 * The one golden-file check. A golden is a committed file the output must equal;
 * `UPDATE_GOLDEN=1 npm test` rewrites them (only "1": any other value compares), and a
 * missing golden fails, so a new one is written on purpose and reviewed.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { expect } from "vitest";
import { REPO_ROOT } from "./run-piao.js";

export function updatingGoldens(): boolean {
  return process.env["UPDATE_GOLDEN"] === "1";
}

/**
 * `actual` against the golden at `file` (absolute, or relative to the repository root).
 * "json" compares the parsed values (key order and spacing aside), "text" the text.
 */
export function expectGolden(file: string, actual: string, compare: "text" | "json" = "text"): void {
  const golden = path.resolve(REPO_ROOT, file);
  if (updatingGoldens()) {
    mkdirSync(path.dirname(golden), { recursive: true });
    writeFileSync(golden, actual);
  }
  if (!existsSync(golden)) throw new Error(`missing golden ${path.relative(REPO_ROOT, golden)}: run with UPDATE_GOLDEN=1 and review it`);
  const expected = readFileSync(golden, "utf8");
  if (compare === "json") expect(JSON.parse(actual)).toEqual(JSON.parse(expected));
  else expect(actual).toBe(expected);
}
