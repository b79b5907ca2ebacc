import { describe, expect, it } from "vitest";
import { buildGrid, type GridCellInput } from "../../../src/extract/common/grid.js";

const t = (text: string, rowSpan?: number, colSpan?: number): GridCellInput => ({ text, rowSpan, colSpan });
const anchors = (g: ReturnType<typeof buildGrid>) => g.cells.map((c) => [c.row, c.col, c.rowSpan, c.colSpan, c.text]);

describe("buildGrid", () => {
  it("places cells after rowspans from above, like a browser", () => {
    const g = buildGrid([
      [t("A", 2), t("B", 1, 2)],
      [t("C"), t("D")],
    ]);
    expect(g.rows).toBe(2);
    expect(g.cols).toBe(3);
    expect(anchors(g)).toEqual([
      [0, 0, 2, 1, "A"],
      [0, 1, 1, 2, "B"],
      [1, 1, 1, 1, "C"],
      [1, 2, 1, 1, "D"],
    ]);
    expect(g.clippedSpans).toBe(0);
    expect(g.paddedCells).toBe(0);
  });

  it("pads ragged rows so every position is covered once", () => {
    const g = buildGrid([[t("a"), t("b"), t("c")], [t("d")], []]);
    expect(g.cols).toBe(3);
    expect(g.cells).toHaveLength(9);
    expect(g.paddedCells).toBe(5);
    expect(g.cells.every((c) => c.rowSpan === 1 && c.colSpan === 1)).toBe(true);
  });

  it("shortens a colspan that runs into a rowspan from above", () => {
    const g = buildGrid([[t("x"), t("tall", 2)], [t("wide", 1, 3)]]);
    // "wide" starts at col 0 and cannot cover col 1 (taken by "tall").
    expect(anchors(g)).toEqual([
      [0, 0, 1, 1, "x"],
      [0, 1, 2, 1, "tall"],
      [1, 0, 1, 1, "wide"],
    ]);
    expect(g.clippedSpans).toBe(1);
  });

  it("covers every grid position exactly once, whatever the spans", () => {
    const inputs: GridCellInput[][][] = [
      [[t("a", 2, 2), t("b")], [t("c", 1, 4)], [t("d", 0), t("e", 1, 2)]],
      [[t("a", 3)], [t("b", 1, 3), t("c", 2)], [t("d"), t("e"), t("f")]],
      [[], [t("only", 5, 5)], []],
    ];
    for (const input of inputs) {
      const g = buildGrid(input);
      const seen = new Map<string, number>();
      for (const c of g.cells) {
        for (let r = c.row; r < c.row + c.rowSpan; r++) {
          for (let k = c.col; k < c.col + c.colSpan; k++) seen.set(`${r},${k}`, (seen.get(`${r},${k}`) ?? 0) + 1);
        }
      }
      expect(seen.size).toBe(g.rows * g.cols);
      expect([...seen.values()].every((n) => n === 1)).toBe(true);
    }
  });

  it("clips spans past the table edge and treats rowspan=0 as 'to the end'", () => {
    const g = buildGrid([[t("a", 0), t("b", 9)], [t("c")], [t("d")]]);
    expect(anchors(g)).toEqual(
      [
        [0, 0, 3, 1, "a"],
        [0, 1, 3, 1, "b"],
        [1, 2, 1, 1, "c"],
        [2, 2, 1, 1, "d"],
        [0, 2, 1, 1, ""],
      ].sort((x, y) => (x[0] as number) - (y[0] as number) || (x[1] as number) - (y[1] as number)),
    );
  });

  it("ignores nonsense spans and caps huge ones", () => {
    const g = buildGrid([[t("a", -3, Number.NaN), t("b", 1, 1e9)]]);
    expect(g.cols).toBe(1001);
    expect(g.cells[0]).toMatchObject({ rowSpan: 1, colSpan: 1 });
  });

  it("carries fill, marks and row pages to the cells", () => {
    const g = buildGrid([[{ text: "", fill: "#c0c0c0" }], [{ text: "", marked: true }]], [3, 4]);
    expect(g.cells[0]).toMatchObject({ shaded: true, fill: "#c0c0c0", page: 3 });
    expect(g.cells[1]).toMatchObject({ shaded: false, fill: null, marked: true, page: 4 });
  });
});
