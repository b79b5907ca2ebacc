/**
 * The table finder's steps (table-trace.ts), their SVG drawing (trace-svg.ts)
 * and `piao tables --pages/--debug` end to end, on PDFs drawn here: page 1 a
 * ruled 3×4 grid, page 2 two ruled grids (2×2 and 1×3), page 3 prose.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { readPdf } from "../../../src/extract/pdf/read-pdf.js";
import type { PageTrace } from "../../../src/extract/pdf/table-trace.js";
import { traceSvg } from "../../../src/extract/pdf/trace-svg.js";
import { readerSettings } from "../../../src/extract/settings.js";
import { parsePageList } from "../../../src/cli/page-list.js";
import { runPiao } from "../../run-piao.js";
import { buildPdf, draw } from "./pdf-builder.js";

function gridWithText(xs: number[], ys: number[], label: string): string {
  let c = draw.grid(xs, ys);
  for (let r = 0; r + 1 < ys.length; r++) for (let k = 0; k + 1 < xs.length; k++) c += draw.text(xs[k]! + 3, ys[r]! - 12, 9, `${label}${r}${k}`);
  return c;
}

const threePages = (): Uint8Array =>
  buildPdf([
    { content: draw.text(50, 780, 12, "Pagina uno") + gridWithText([50, 150, 250, 350, 450], [700, 680, 660, 640], "a") },
    { content: gridWithText([50, 200, 350], [700, 680, 660], "b") + gridWithText([50, 150, 250, 350], [500, 480], "c") },
    { content: draw.text(50, 700, 10, "Solo testo su questa pagina, nessuna tabella.") },
  ]);

const count = (svg: string, cls: string) => svg.split(`class="${cls}"`).length - 1;

describe("table-finding trace", () => {
  it("keeps each step per page and draws it", async () => {
    const traces: PageTrace[] = [];
    const doc = await readPdf(threePages(), "t.pdf", readerSettings(), { traces });
    expect(traces.map((t) => t.page)).toEqual([1, 2, 3]);
    const [p1, p2, p3] = traces as [PageTrace, PageTrace, PageTrace];
    // Page 1: 4 horizontal + 5 vertical rulings crossing in 20 points, 12 cells, one grid.
    expect(p1.rulings).toHaveLength(9);
    expect(p1.merged).toHaveLength(9);
    expect(p1.intersections).toHaveLength(20);
    expect(p1.cells).toHaveLength(12);
    expect(p1.grids).toHaveLength(1);
    expect(p1.tables.map((t) => [t.rows, t.cols, t.cells.length])).toEqual([[3, 4, 12]]);
    expect(p2.tables.map((t) => [t.rows, t.cols, t.cells.length])).toEqual([
      [2, 2, 4],
      [1, 3, 3],
    ]);
    expect(p3.tables).toEqual([]);
    expect(p3.words.map((w) => w.text).join(" ")).toContain("nessuna tabella");
    // The trace does not change what is read.
    const plain = await readPdf(threePages(), "t.pdf", readerSettings());
    expect(doc).toEqual(plain);

    const svg = traceSvg(p1);
    expect(svg.startsWith("<svg")).toBe(true);
    expect(count(svg, "table")).toBe(1);
    expect(count(svg, "table-cell")).toBe(12);
    expect(count(svg, "cell")).toBe(12);
    expect(count(svg, "intersection")).toBe(20);
    expect(count(svg, "merged")).toBe(9);
    expect(svg).toContain(">a21</text>");
    expect(count(traceSvg(p2), "table")).toBe(2);
  });

  it("draws a class fixture's table with its label column (tests/fixtures/tables/label-column.pdf)", async () => {
    const traces: PageTrace[] = [];
    const file = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../fixtures/tables/label-column.pdf");
    await readPdf(new Uint8Array(readFileSync(file)), "label-column.pdf", readerSettings(), { traces });
    const svg = traceSvg(traces[0]!);
    // The ruled grid is 5 rows of 6 months (30 ruled cells); the table adds the label column: 5 × 7.
    expect(count(svg, "cell")).toBe(30);
    expect(count(svg, "grid")).toBe(1);
    expect(count(svg, "table")).toBe(1);
    expect(count(svg, "table-cell")).toBe(35);
    expect(svg).toContain("table 1 (lattice) 5x7");
  });

  it("reads only the pages asked for", async () => {
    const traces: PageTrace[] = [];
    const doc = await readPdf(threePages(), "t.pdf", readerSettings(), { pages: [2, 9], traces });
    expect(doc.pages.map((p) => p.number)).toEqual([2]);
    expect(doc.pageCount).toBe(3);
    expect(traces.map((t) => t.page)).toEqual([2]);
  });
});

describe("--pages lists", () => {
  it("takes pages, ranges and lists of both", async () => {
    expect(parsePageList("3")).toEqual([3]);
    expect(parsePageList("3-5")).toEqual([3, 4, 5]);
    expect(parsePageList("1,4-6")).toEqual([1, 4, 5, 6]);
    expect(parsePageList("6-6, 2")).toEqual([2, 6]);
  });
  it("refuses what is no page list", async () => {
    for (const bad of ["", "0", "5-3", "a", "1-", "1,,2", "1-999999999"]) expect(() => parsePageList(bad), bad).toThrow(/--pages/);
  });
});

describe("piao tables --pages --debug", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "piao-debug-"));
  afterAll(async () => rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, "three.pdf");
  writeFileSync(file, threePages());

  it("prints the listed pages' tables and writes one SVG per page", async () => {
    const out = path.join(dir, "svg");
    const r = await runPiao(["tables", file, "--pages", "1-2", "--debug", out]);
    expect(r.code).toBe(0);
    expect(r.stdout.match(/^== table /gm)).toHaveLength(3);
    expect(r.stdout).toContain("== table p2-t2 (lattice, page 2) 1x3");
    expect(readdirSync(out).sort()).toEqual(["three.p1.svg", "three.p2.svg"]);
    const svg = readFileSync(path.join(out, "three.p2.svg"), "utf8");
    expect(count(svg, "table")).toBe(2);
    expect(count(svg, "table-cell")).toBe(7);
  });

  it("refuses a page the document does not have, in one line", async () => {
    const r = await runPiao(["tables", file, "--pages", "7"]);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split("\n")).toEqual([`piao: ${file}: has no page 7 (it has 3)`]);
    const bad = await runPiao(["tables", file, "--pages", "x"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^piao tables: --pages: 'x'/);
    expect(existsSync(path.join(dir, "svg", "three.p3.svg"))).toBe(false);
  });
});
