import { describe, expect, it } from "vitest";
import { readPhaseHeader, readPhaseRow } from "../../src/normalize/gantt.js";
import { tableRows } from "../../src/normalize/table-grid.js";
import { normalizeSettings } from "../../src/normalize/settings.js";
import { table, type CellSpec } from "./layout-builder.js";

const settings = normalizeSettings({});

function phasesOf(t: ReturnType<typeof table>, year = 2024) {
  const rows = tableRows(t);
  const head = readPhaseHeader(t, rows, 0, year, settings);
  expect(head).not.toBeNull();
  return rows.slice(head!.firstRow).map((r) => readPhaseRow(r, head!.grid, settings));
}

describe("Gantt grids", () => {
  it("maps marks under month headers that span two sub-columns (half months)", () => {
    const header: CellSpec[] = ["G", "F", "M", "A", "M", "G", "L", "A", "S", "O", "N", "D"].map((m) => ({ text: m, colSpan: 2 }));
    const marks = Array.from({ length: 24 }, (_, i) => (i === 6 || i === 7 || i === 23 ? "x" : ""));
    const t = table([
      [
        { text: "N.", rowSpan: 2 },
        { text: "Descrizione fase", rowSpan: 2 },
        { text: "Tempistica", colSpan: 24 },
      ],
      header,
      ["1", "Fase uno", ...marks],
    ]);
    expect(phasesOf(t)[0]).toMatchObject({ number: 1, description: "Fase uno", months: ["2024-04", "2024-12"] });
  });

  it("maps marks by bbox x-overlap when the row's columns do not line up with the header", () => {
    const header: CellSpec[] = ["Gen", "Feb", "Mar"].map((m, i) => ({ text: m, x: [100 + i * 20, 120 + i * 20] }));
    const t = table([
      ["N.", "Descrizione fase", ...header],
      ["1", "Fase", { text: "", shaded: true, x: [121, 129] }, { text: "", x: [129, 139] }, { text: "●", x: [141, 149] }, { text: "", x: [150, 160] }],
    ]);
    expect(phasesOf(t)[0]!.months).toEqual(["2024-02", "2024-03"]);
  });

  it("reads a two-year grid from the year row above the months", () => {
    const t = table([
      [
        { text: "Descrizione fase", rowSpan: 2 },
        { text: "2024", colSpan: 2 },
        { text: "2025", colSpan: 2 },
      ],
      ["Nov", "Dic", "Gen", "Feb"],
      ["Fase", "", "X", { text: "", marked: true }, ""],
    ]);
    expect(phasesOf(t)[0]!.months).toEqual(["2024-12", "2025-01"]);
  });

  it("wraps into the next year without a year row, and counts shading but not row banding", () => {
    const t = table([
      ["Fase", "Responsabile", "Nov", "Dic", "Gen"],
      ["A", "R.", { text: "", shaded: true }, "", ""],
      [
        { text: "B", shaded: true },
        { text: "R.", shaded: true },
        { text: "", shaded: true },
        { text: "", shaded: true },
        { text: "", shaded: true },
      ],
    ]);
    const [a, b] = phasesOf(t);
    expect(a!.months).toEqual(["2024-11"]);
    expect(b!.months).toEqual([]);
  });

  it("maps a mark under a quarter or semester to all its months", () => {
    const t = table([
      ["Descrizione fase", "Responsabile", "I trim.", "II trim.", "III trim.", "IV trim."],
      ["Fase", "R.", "", "X", "", ""],
    ]);
    expect(phasesOf(t)[0]!.months).toEqual(["2024-04", "2024-05", "2024-06"]);
    const sem = table([
      ["Descrizione fase", "I sem", "II sem"],
      ["Fase", "", "X"],
    ]);
    expect(phasesOf(sem)[0]!.months).toEqual(["2024-07", "2024-08", "2024-09", "2024-10", "2024-11", "2024-12"]);
  });

  it("reads numbered months and split fragments", () => {
    const t = table([
      ["N.", "Descrizione fase", "Ge n", "Fe b", "M ar"],
      ["2", "Fase", "*", "✓", ""],
    ]);
    expect(phasesOf(t)[0]).toMatchObject({ number: 2, months: ["2024-01", "2024-02"] });
    const n = table([
      ["Attività", "1", "2", "3"],
      ["Fase", "", "", "X"],
    ]);
    expect(phasesOf(n)[0]!.months).toEqual(["2024-03"]);
  });
});
