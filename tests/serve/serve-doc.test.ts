/** docs/serve.md must stay true: every key of ServeSettings has a row in its Settings table, and no row names a missing key. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ServeSettings } from "../../src/serve/serve-settings.js";
import { repoRoot } from "./serve-fixtures.js";

const doc = readFileSync(path.join(repoRoot, "docs/serve.md"), "utf8");
const settingsPart = doc.split(/^## Settings\s*$/m)[1]?.split(/^## /m)[0] ?? "";

describe("docs/serve.md", () => {
  it("has one row per ServeSettings key", () => {
    const documented = new Set<string>();
    for (const line of settingsPart.split("\n")) {
      const first = /^\|\s*`([^`]+)`\s*\|/.exec(line)?.[1];
      if (first) documented.add(first);
    }
    expect([...documented].sort()).toEqual(Object.keys(ServeSettings.shape).sort());
  });
});
