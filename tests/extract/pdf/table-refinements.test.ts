/**
 * What the grid refinements (refine-grids.ts), page columns and two-column
 * borderless tables must leave alone: the fixtures of table-classes.test.ts
 * show each class handled, these show the look-alikes that are not.
 */
import { describe, expect, it } from "vitest";
import { readPdf } from "../../../src/extract/pdf/read-pdf.js";
import { readerSettings } from "../../../src/extract/settings.js";
import { tableGrid } from "../../../src/cli/render-tables.js";
import { buildPdf, draw } from "./pdf-builder.js";
import { tablesOf } from "./layout-helpers.js";

async function grids(content: string) {
  const doc = await readPdf(buildPdf([{ content }]), "t.pdf", readerSettings());
  return { doc, grids: tablesOf(doc).map(tableGrid) };
}

describe("look-alikes the table classes leave alone", () => {
  it("prose beside a ruled grid is no label column", async () => {
    let c = draw.grid([300, 380, 460, 540], [700, 680, 660, 640]);
    for (let r = 0; r < 3; r++) for (let k = 0; k < 3; k++) c += draw.text(303 + 80 * k, 687 - 20 * r, 9, `v${r}${k}`);
    for (let i = 0; i < 6; i++) c += draw.text(60, 700 - 12 * i, 9, `riga di testo ${i} accanto alla tabella`);
    const { grids: g } = await grids(c);
    expect(g).toEqual([
      [
        ["v00", "v01", "v02"],
        ["v10", "v11", "v12"],
        ["v20", "v21", "v22"],
      ],
    ]);
  });

  it("keeps a narrow column that is wider than a double border's gap, empty or not", async () => {
    let c = draw.grid([60, 160, 170, 300], [700, 680, 660]);
    c += draw.text(63, 687, 9, "A") + draw.text(173, 687, 9, "B") + draw.text(63, 667, 9, "C") + draw.text(173, 667, 9, "D");
    const { grids: g } = await grids(c);
    expect(g).toEqual([
      [
        ["A", "", "B"],
        ["C", "", "D"],
      ],
    ]);
  });

  it("reads label-value lines on a page of one column as text, not a two-column table", async () => {
    let c = "";
    const pairs = [
      ["Responsabile:", "Dott. Mario Rossi"],
      ["Struttura:", "Settore finanziario"],
      ["Peso:", "30%"],
      ["Durata:", "annuale"],
      ["Stato:", "in corso"],
    ];
    pairs.forEach(([a, b], i) => (c += draw.text(60, 700 - 12 * i, 9, a!) + draw.text(200, 700 - 12 * i, 9, b!)));
    const { doc, grids: g } = await grids(c);
    expect(g).toEqual([]);
    expect(doc.pages[0]!.blocks.filter((b) => b.kind === "line")).toHaveLength(10);
  });
});
