/**
 * Shared helpers for the report tests: where the samples and fixtures are,
 * loading plan exports, and golden files (UPDATE_GOLDEN=1 rewrites; a missing
 * golden fails, so a new one is written on purpose and reviewed).
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { PlanExport } from "../../src/normalize/plan-schema.js";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const samplesDir = path.resolve(repoRoot, "../shared/samples");
export const contractDir = path.resolve(repoRoot, "../shared/contract");
export const fixturesDir = path.resolve(repoRoot, "fixtures");

export function loadExport(file: string): PlanExport {
  return PlanExport.parse(JSON.parse(readFileSync(file, "utf8")));
}

/**
 * Every plan export among the *.expected.json under fixtures/ (the fixture
 * helper's exports), sorted.
 */
export function fixtureExports(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith(".expected.json") && "schemaVersion" in (JSON.parse(readFileSync(full, "utf8")) as object)) out.push(full);
    }
  };
  walk(fixturesDir);
  return out;
}

/** The codes of the shared contract's anomaly table. */
export function contractCodes(): string[] {
  const md = readFileSync(path.join(contractDir, "anomaly-codes.md"), "utf8");
  return [...md.matchAll(/^\|\s*`([A-Z_]+)`\s*\|/gm)].map((m) => m[1]!);
}

export { expectGolden } from "../golden.js";
