/**
 * docs/schema.md must stay true: every table, view and column of a real database
 * is documented there, and every SQL example runs against the sample plans and the
 * version-2 plans built in tests/store/v2-plans.ts.
 */
import { readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type Db } from "../../src/store/open-database.js";
import { storePlan } from "../../src/store/store-plan.js";
import { loadSample, SAMPLE_EXPORTS, SAMPLES, sha, tempDir, withSha } from "../store/helpers.js";
import { pegPlan, piaoPlan } from "../store/v2-plans.js";

const DOC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../docs/schema.md");
const doc = readFileSync(DOC, "utf8");
const FTS_SHADOW = /_fts_(data|idx|docsize|config|content)$/;

/** `### name` sections of the doc, keyed by name. */
const sections = new Map<string, string>();
for (const part of doc.split(/^### /m).slice(1)) {
  const [heading, ...rest] = part.split("\n");
  sections.set(heading!.trim(), rest.join("\n").split(/^## /m)[0]!);
}

/** Column names listed in the first cell of the section's table rows. */
function documentedColumns(section: string): Set<string> {
  const names = new Set<string>();
  for (const line of section.split("\n")) {
    const first = /^\|([^|]*)\|/.exec(line)?.[1];
    if (first) for (const m of first.matchAll(/`([^`]+)`/g)) names.add(m[1]!);
  }
  return names;
}

const sqlBlocks = [...doc.matchAll(/```sql\n([\s\S]*?)```/g)].map((m) => m[1]!);

let db: Db;
let cleanup: () => void;
beforeAll(() => {
  const t = tempDir("piao-doc-");
  cleanup = t.cleanup;
  db = openDatabase(path.join(t.dir, "doc.sqlite"));
  for (const name of SAMPLE_EXPORTS) storePlan(db, loadSample(name), { bytes: statSync(path.join(SAMPLES, name)).size });
  // A previous year, so year-over-year questions have something to compare, with a
  // unit whose weights do not add up and an objective renamed since.
  const previous = withSha(loadSample("luzzara-2024.pdf"), sha(2023), { year: 2023, period: { from: 2023, to: 2023 } });
  previous.units[0]!.objectives[0]!.summary!.weight = 20;
  previous.units[0]!.objectives[1]!.title = "Un obiettivo del 2023";
  storePlan(db, previous, { bytes: 1 });
  // The shapes export version 2 added: kind and period, strategy, targets, deadlines,
  // weighted activities, no weights (PIAO); weights out of 1000 and no sheets (PEG).
  storePlan(db, piaoPlan(), { bytes: 1 });
  storePlan(db, pegPlan(), { bytes: 1 });
});
afterAll(() => {
  db.close();
  cleanup();
});

describe("docs/schema.md", () => {
  it("names every table and view, column by column", () => {
    const objects = db.prepare("SELECT name, type FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as {
      name: string;
      type: string;
    }[];
    expect(objects.length).toBeGreaterThan(10);
    const missing: string[] = [];
    const internals = sections.get("FTS5 internals") ?? "";
    for (const { name } of objects) {
      const columns = db.prepare("SELECT name FROM pragma_table_info(?)").pluck().all(name) as string[];
      if (FTS_SHADOW.test(name)) {
        if (!internals.includes(`\`${name}\``)) missing.push(name);
        for (const c of columns) if (!internals.includes(`\`${c}\``)) missing.push(`${name}.${c}`);
        continue;
      }
      const section = sections.get(name);
      if (!section) {
        missing.push(name);
        continue;
      }
      const documented = documentedColumns(section);
      for (const c of columns) if (!documented.has(c)) missing.push(`${name}.${c}`);
    }
    expect(missing).toEqual([]);
  });

  it("documents no table or view that does not exist", () => {
    const names = new Set(db.prepare("SELECT name FROM sqlite_master").pluck().all() as string[]);
    const stale = [...sections.keys()].filter((s) => s !== "FTS5 internals" && !names.has(s));
    expect(stale).toEqual([]);
  });

  it("has at least 10 example questions", () => {
    expect(sqlBlocks.length).toBeGreaterThanOrEqual(10);
  });

  it.each(sqlBlocks.map((sql, i) => [i + 1, sql] as const))("example %i runs and answers", (_n, sql) => {
    const rows = db.prepare(sql).all();
    if (!sql.includes("-- may return no rows")) expect(rows.length).toBeGreaterThan(0);
  });
});
