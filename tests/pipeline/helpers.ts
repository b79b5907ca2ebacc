/**
 * Shared paths and comparisons for the extract tests: the shared samples, the
 * fixture manifest, exports compared with the source block (and, for fixtures,
 * messages) left out, and the shared JSON Schema's validator. (Each document's
 * export, read once per test worker: tests/read-once.ts.)
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import { expectGolden } from "../golden.js";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const samplesDir = path.resolve(repoRoot, "../shared/samples");
export const contractDir = path.resolve(repoRoot, "../shared/contract");
export const fixturesDir = path.join(repoRoot, "fixtures");
export const goldenDir = path.join(repoRoot, "tests/golden/plan");

export interface FixtureEntry {
  id: string;
  file: string;
  format: string;
  expected?: string;
}

export function fixtureEntries(): FixtureEntry[] {
  const manifest = path.join(fixturesDir, "manifest.json");
  if (!fs.existsSync(manifest)) return [];
  const { files } = JSON.parse(fs.readFileSync(manifest, "utf8")) as { files: FixtureEntry[] };
  return files.filter((f) => f.expected);
}

export function readJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(file, "utf8"));
}

/** Everything but the source block. */
export function body<T extends { source?: unknown }>(plan: T): Omit<T, "source"> {
  const { source: _source, ...rest } = plan;
  return rest;
}

/** The export with every anomaly's message removed (fixtures fix codes, places and order, not wording). */
export function withoutMessages(plan: Record<string, unknown>): Record<string, unknown> {
  const anomalies = (plan.anomalies as Array<Record<string, unknown>>).map(({ message: _m, ...a }) => a);
  return { ...plan, anomalies };
}

/**
 * Reader notes about how a text conversion was laid out (info findings): the fixture
 * generator does not model them, so comparisons with its expected exports leave them
 * out. tests/pipeline/reader-findings.test.ts checks them.
 */
const READER_NOTES: ReadonlySet<string> = new Set(["LAYOUT_CONVERSION", "REPEATED_HEADER_DROPPED"]);

export function withoutReaderNotes<T extends { anomalies: ReadonlyArray<{ code: string; severity: string }> }>(plan: T): T {
  return { ...plan, anomalies: plan.anomalies.filter((a) => !(a.severity === "info" && READER_NOTES.has(a.code))) };
}

/** The export (or part of it) against tests/golden/plan/NAME (see tests/golden.ts). */
export function expectPlanGolden(name: string, actual: unknown): void {
  expectGolden(path.join(goldenDir, name), `${JSON.stringify(actual, null, 1)}\n`, "json");
}

let validator: { ajv: Ajv2020; validate: ValidateFunction } | undefined;

/** What the shared JSON Schema (ajv, draft 2020-12) finds wrong with `data`: "" when it validates. */
export function schemaErrors(data: unknown): string {
  if (!validator) {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    validator = { ajv, validate: ajv.compile(readJson(path.join(contractDir, "plan-export.schema.json")) as Record<string, unknown>) };
  }
  return validator.validate(data) ? "" : validator.ajv.errorsText(validator.validate.errors);
}
