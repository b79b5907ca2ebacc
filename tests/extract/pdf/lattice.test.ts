import { describe, expect, it } from "vitest";
import { findLatticeGrids } from "../../../src/extract/pdf/lattice.js";
import type { Ruling } from "../../../src/extract/pdf/page-model.js";
import { mergeRulings } from "../../../src/extract/pdf/merge-rulings.js";
import { readerSettings } from "../../../src/extract/settings.js";

const s = readerSettings().pdf;
const h = (pos: number, start: number, end: number): Ruling => ({ dir: "h", pos, start, end });
const v = (pos: number, start: number, end: number): Ruling => ({ dir: "v", pos, start, end });

describe("lattice", () => {
  it("builds minimal cells and spans where an interior ruling is missing", () => {
    // 3 columns x 3 rows; the top row has no interior verticals (one header over all),
    // the middle column boundary at x=100 stops after row 2, so row 3 col 0-1 merge.
    const rulings = [h(0, 0, 300), h(20, 0, 300), h(40, 0, 300), h(60, 0, 300), v(0, 0, 60), v(300, 0, 60), v(100, 20, 40), v(200, 20, 60)];
    const [g, ...rest] = findLatticeGrids(mergeRulings(rulings, s), s);
    expect(rest).toHaveLength(0);
    expect(g!.colX).toEqual([0, 100, 200, 300]);
    expect(g!.rowY).toEqual([0, 20, 40, 60]);
    expect(g!.holes).toBe(0);
    expect(g!.cells.map((c) => [c.row, c.col, c.rowSpan, c.colSpan])).toEqual([
      [0, 0, 1, 3],
      [1, 0, 1, 1],
      [1, 1, 1, 1],
      [1, 2, 1, 1],
      [2, 0, 1, 2],
      [2, 2, 1, 1],
    ]);
  });

  it("joins rulings that stop a little short of each other (Word's half-line-width gaps)", () => {
    const rulings = [h(0, 0.8, 99.2), h(30, 0.8, 99.2), v(0, 0, 30), v(50, 0.4, 29.6), v(100, 0, 30)];
    const [g] = findLatticeGrids(mergeRulings(rulings, s), s);
    expect(g!.cells).toHaveLength(2);
  });

  it("reads two ruled tables separated by a gap as two tables", () => {
    const box = (y: number) => [h(y, 0, 100), h(y + 20, 0, 100), h(y + 40, 0, 100), v(0, y, y + 40), v(100, y, y + 40), v(50, y, y + 40)];
    const grids = findLatticeGrids(mergeRulings([...box(0), ...box(60)], s), s);
    expect(grids).toHaveLength(2);
    expect(grids.map((g) => g.bbox.y0)).toEqual([0, 60]);
  });

  it("vertical rulings vertically stacked with a gap do not make one table", () => {
    const grids = findLatticeGrids(
      mergeRulings([h(0, 0, 100), h(20, 0, 100), v(0, 0, 20), v(100, 0, 20), h(30, 0, 100), h(50, 0, 100), v(0, 30, 50), v(100, 30, 50)], s),
      s,
    );
    expect(grids).toHaveLength(2);
  });

  it("closes a grid whose last row runs off the page without a bottom rule (a row split by a page break)", () => {
    // Three rows ruled, a fourth whose side and column rules run down to y=200 with no rule there.
    const rulings = [h(0, 0, 300), h(20, 0, 300), h(40, 0, 300), h(60, 0, 300), v(0, 0, 200), v(100, 0, 200), v(300, 0, 200)];
    const [g, ...rest] = findLatticeGrids(mergeRulings(rulings, s), s);
    expect(rest).toHaveLength(0);
    expect(g!.rowY).toEqual([0, 20, 40, 60, 200]);
    expect(g!.holes).toBe(0);
  });

  it("does not close verticals that overshoot the last rule by a line width, nor a lone open vertical", () => {
    const rulings = [h(0, 0, 300), h(20, 0, 300), v(0, 0, 22), v(300, 0, 22), v(100, 0, 80)];
    const [g] = findLatticeGrids(mergeRulings(rulings, s), s);
    expect(g!.rowY).toEqual([0, 20]);
  });
});
