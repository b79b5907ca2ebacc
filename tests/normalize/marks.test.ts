import { describe, expect, it } from "vitest";
import { isMarkText, isMarkedCell } from "../../src/normalize/marks.js";
import type { Cell } from "../../src/extract/layout.js";

const cell = (over: Partial<Cell>): Cell => ({
  row: 0,
  col: 0,
  rowSpan: 1,
  colSpan: 1,
  text: "",
  shaded: false,
  fill: null,
  marked: false,
  page: null,
  bbox: null,
  ...over,
});

describe("Gantt marks", () => {
  it.each(["X", "x", "●", "■", "✓", "*", "XX", " x ", "entro 30/06"])("%j is a mark", (t) => {
    expect(isMarkText(t)).toBe(true);
  });
  it.each(["", " ", "-", "Fase", "2024"])("%j is no mark", (t) => {
    expect(isMarkText(t)).toBe(false);
  });
  it("counts drawn marks and fills, not a fill the whole row shares", () => {
    expect(isMarkedCell(cell({ marked: true }), null)).toBe(true);
    expect(isMarkedCell(cell({ shaded: true, fill: "#c0c0c0" }), null)).toBe(true);
    expect(isMarkedCell(cell({ shaded: true, fill: "#c0c0c0" }), "#c0c0c0")).toBe(false);
    expect(isMarkedCell(cell({ shaded: true, fill: "#ff0000" }), "#c0c0c0")).toBe(true);
  });
});
