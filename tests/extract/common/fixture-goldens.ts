/**
 * Golden tables for the generated fixtures (fixtures/manifest.json) of one
 * format: each plan file is read through readDocument (format sniffing
 * included; once per test worker, tests/read-once.ts) and its tables compared with tests/golden/<format>/<name>.tables.json.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readOnce } from "../../read-once.js";
import { LayoutDocument } from "../../../src/extract/layout.js";
import { expectTablesGolden, repoRoot } from "./golden.js";

interface ManifestEntry {
  id: string;
  file: string;
  format: string;
  expected?: string;
}

export function fixtureGoldenSuite(format: "docx" | "html" | "text"): void {
  const manifestPath = path.resolve(repoRoot, "fixtures/manifest.json");
  const entries: ManifestEntry[] = existsSync(manifestPath) ? (JSON.parse(readFileSync(manifestPath, "utf8")) as { files: ManifestEntry[] }).files : [];
  const plans = entries.filter((e) => e.format === format && e.expected);
  describe(`${format} fixtures`, () => {
    it("are listed in the manifest", () => {
      expect(plans.length).toBeGreaterThan(0);
    });
    for (const entry of plans) {
      it(`${entry.file} matches its golden tables`, async () => {
        const { layout } = await readOnce(path.resolve(repoRoot, "fixtures", entry.file));
        expect(layout.format).toBe(format);
        expect(LayoutDocument.safeParse(layout).success).toBe(true);
        const name = path
          .basename(entry.file)
          .replace(/\.(docx|html|txt)$/, "")
          .replace(/\.converted$/, "");
        expectTablesGolden(layout, `tests/golden/${format}/${name}.tables.json`);
      });
    }
  });
}
