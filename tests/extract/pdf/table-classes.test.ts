/**
 * The table classes of docs/tables.md, one fixture PDF each
 * (scripts/make-table-fixtures.mjs draws tests/fixtures/tables/<name>.pdf and writes
 * <name>.expected.json by hand beside the drawing): the reader must rebuild
 * exactly the expected grids, and no other table, on each page.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { LayoutDocument } from "../../../src/extract/layout.js";
import { readPdf } from "../../../src/extract/pdf/read-pdf.js";
import { readerSettings } from "../../../src/extract/settings.js";
import { tableGrid } from "../../../src/cli/render-tables.js";
import { tablesOf } from "./layout-helpers.js";

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../fixtures/tables");

interface Expected {
  tables: { page: number; grid: string[][] }[];
  /** Text lines (outside tables) the pages must hold. */
  lines?: string[];
}

const names = readdirSync(dir)
  .filter((f) => f.endsWith(".expected.json"))
  .map((f) => f.replace(/\.expected\.json$/, ""))
  .sort();

describe("table classes (tests/fixtures/tables)", () => {
  it("has fixtures", () => expect(names.length).toBeGreaterThanOrEqual(8));
  for (const name of names) {
    it(name, async () => {
      const expected = JSON.parse(readFileSync(path.join(dir, `${name}.expected.json`), "utf8")) as Expected;
      const doc = await readPdf(new Uint8Array(readFileSync(path.join(dir, `${name}.pdf`))), `${name}.pdf`, readerSettings());
      LayoutDocument.parse(doc);
      const got = tablesOf(doc).map((t) => ({ page: t.page, grid: tableGrid(t) }));
      expect(got).toEqual(expected.tables);
      const lines = doc.pages.flatMap((p) => p.blocks.flatMap((b) => (b.kind === "line" ? [b.text] : [])));
      for (const l of expected.lines ?? []) expect(lines).toContain(l);
    });
  }
});
