/**
 * The place of a reader's message within its table: 1-based, and only what the
 * cells at fault share (`placeOf`); the grid builder says where the cells it
 * had to shorten, or was told to watch, ended; the text reader's tables carry it.
 */
import { describe, expect, it } from "vitest";
import { buildGrid, type GridCellInput } from "../../src/extract/common/grid.js";
import { placeOf } from "../../src/extract/reader-message.js";
import { textTable } from "../../src/extract/text/text-tables.js";
import type { ReaderMessage } from "../../src/extract/layout.js";
import { ReaderLimits } from "../../src/extract/settings.js";

const t = (text: string, rowSpan?: number, colSpan?: number, more: Partial<GridCellInput> = {}): GridCellInput => ({ text, rowSpan, colSpan, ...more });

describe("placeOf", () => {
  it("names one cell by its row and column, counted from 1", () => {
    expect(placeOf([{ row: 0, col: 0 }])).toEqual({ row: 1, column: 1 });
    expect(placeOf([{ row: 4, col: 2 }])).toEqual({ row: 5, column: 3 });
  });

  it("names only the row, or only the column, that several cells share", () => {
    expect(
      placeOf([
        { row: 2, col: 0 },
        { row: 2, col: 3 },
      ]),
    ).toEqual({ row: 3 });
    expect(
      placeOf([
        { row: 0, col: 1 },
        { row: 7, col: 1 },
      ]),
    ).toEqual({ column: 2 });
  });

  it("names nothing for cells that share neither, nor for no cell at all", () => {
    expect(
      placeOf([
        { row: 0, col: 1 },
        { row: 1, col: 0 },
      ]),
    ).toEqual({});
    // A third cell back in the first one's row does not bring the row back.
    expect(
      placeOf([
        { row: 0, col: 0 },
        { row: 1, col: 0 },
        { row: 0, col: 0 },
      ]),
    ).toEqual({ column: 1 });
    expect(placeOf([])).toEqual({});
  });
});

describe("buildGrid says where", () => {
  it("the cells whose span it shortened ended", () => {
    // Row 2: "wide" wants three columns from column 0 but "tall" holds column 1; row 3's "deep" spans row 4, pushing "z" and "low" right: not shortened.
    const g = buildGrid([[t("x"), t("tall", 2)], [t("wide", 1, 3)], [t("deep", 2), t("y")], [t("z"), t("low")]]);
    expect(g.clippedSpans).toBe(1);
    expect(g.clipped).toEqual([{ row: 1, col: 0 }]);
  });

  it("the cells it was told to watch went, after spans from above pushed them right", () => {
    const g = buildGrid([[t("tall", 2), t("a")], [t("watched", 1, 1, { notes: ["watched"] })]]);
    expect(g.noted).toEqual(new Map([["watched", [{ row: 1, col: 1 }]]]));
    expect(g.clipped).toEqual([]);
  });
});

describe("a text conversion's table", () => {
  it("places the overlapping span it shortened", () => {
    const messages: ReaderMessage[] = [];
    const rows = [[t("N."), t("Obiettivo", 3)], [t("1"), t("Primo")], [t("Nota che copre tutto", 1, 2)]];
    textTable("p2-t1", 2, rows, [2, 2, 3], [2, 3], messages, ReaderLimits.parse({}));
    // The third row is on page 3: the message is about page 3.
    expect(messages.map((m) => [m.code, m.page, m.table, m.row, m.column])).toEqual([["TABLE_SPANS_OVERLAP", 3, "p2-t1", 3, 1]]);
  });
});
