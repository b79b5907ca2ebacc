/**
 * `--limit NAME=VALUE` (repeatable): raises or lowers one of the reader
 * limits (ReaderLimits in src/extract/settings.ts; docs/settings.md lists them)
 * for this run. Sizes take a K, M or G suffix (×1024): `--limit maxStreamBytes=512M`.
 */
import { ReaderLimits } from "../extract/settings.js";
import { CliUsageError } from "./cli-errors.js";

const NAMES = Object.keys(ReaderLimits.shape) as (keyof ReaderLimits)[];
const SUFFIX: Record<string, number> = { "": 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3 };

/** The `--limit` values as reader settings; one-line CliUsageError for a bad one. */
export function limitSettings(values: readonly string[] | undefined): Partial<ReaderLimits> {
  const out: Partial<ReaderLimits> = {};
  for (const arg of values ?? []) {
    const m = /^([A-Za-z]+)=(.*)$/.exec(arg.trim());
    if (!m) throw new CliUsageError(`--limit expects NAME=VALUE, not '${arg}' (names: ${NAMES.join(", ")})`);
    const name = m[1] as keyof ReaderLimits;
    if (!NAMES.includes(name)) throw new CliUsageError(`--limit: unknown limit '${m[1]}' (names: ${NAMES.join(", ")})`);
    const v = /^\s*(\d+(?:\.\d+)?)\s*([kKmMgG]?)(?:i?[bB])?\s*$/.exec(m[2] ?? "");
    const value = v ? Number(v[1]) * (SUFFIX[(v[2] ?? "").toLowerCase()] ?? 1) : NaN;
    const checked = ReaderLimits.shape[name].safeParse(Number.isInteger(value) || name === "maxZipRatio" ? value : Math.round(value));
    if (!v || !checked.success)
      throw new CliUsageError(`--limit ${name}: '${m[2]}' is not a valid value (a positive ${name === "maxZipRatio" ? "number" : "whole number"})`);
    (out as Record<string, number>)[name] = checked.data as number;
  }
  return out;
}
