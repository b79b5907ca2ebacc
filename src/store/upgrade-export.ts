/**
 * A plan export of schemaVersion 1 read forward into the current shape, the way
 * load-plan.ts reads a plan stored from one: every field version 2 added is null
 * (kind, period, unit number, weight texts, strategy, phase weight and dates), and
 * each indicator string becomes `{text, formula: null, baseline: null, target:
 * null}` (shared/contract/CHANGES.md: version 1 kept the whole indicator in one
 * string). Anything that is not a version-1 export is returned as it is, for the
 * caller's schema to judge.
 */

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

const withDefaults = (v: unknown, defaults: Json): unknown => (isObject(v) ? { ...defaults, ...v } : v);

const mapList = (v: unknown, f: (x: unknown) => unknown): unknown => (Array.isArray(v) ? v.map(f) : v);

function indicator(v: unknown): unknown {
  return typeof v === "string" ? { text: v, formula: null, baseline: null, target: null } : v;
}

function part(v: unknown, extra: (o: Json) => Json): unknown {
  if (!isObject(v)) return v;
  return { weightText: null, ...v, indicators: mapList(v["indicators"], indicator), ...extra(v) };
}

export function upgradeExport(data: unknown): unknown {
  if (!isObject(data) || data["schemaVersion"] !== 1) return data;
  const objective = (o: unknown): unknown =>
    isObject(o)
      ? {
          strategy: null,
          ...o,
          summary: part(o["summary"], () => ({})),
          detail: part(o["detail"], (d) => ({
            phases: mapList(d["phases"], (ph) => withDefaults(ph, { weight: null, start: null, deadline: null, deadlineText: null })),
          })),
        }
      : o;
  return {
    kind: null,
    period: null,
    ...data,
    schemaVersion: 2,
    units: mapList(data["units"], (u) => (isObject(u) ? { number: null, ...u, objectives: mapList(u["objectives"], objective) } : u)),
  };
}
