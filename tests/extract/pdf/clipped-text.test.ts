/** Text a clipping path hides (a cell's overflow) is not read, so it cannot leak into the next cell. */
import { describe, expect, it } from "vitest";
import { readPdf } from "../../../src/extract/pdf/read-pdf.js";
import { readerSettings } from "../../../src/extract/settings.js";
import { buildPdf, draw } from "./pdf-builder.js";
import { cellAt, tablesOf } from "./layout-helpers.js";
import { clippedCellsPdf } from "./reader-fixtures.js";

const linesOf = (doc: Awaited<ReturnType<typeof readPdf>>) => doc.pages.flatMap((p) => p.blocks.flatMap((b) => (b.kind === "line" ? [b.text] : [])));

describe("clipping paths", () => {
  it("drops the part of a long word past its cell's clip and a line below a fixed-height row", async () => {
    const doc = await readPdf(clippedCellsPdf(), "clip.pdf", readerSettings());
    const [t, ...more] = tablesOf(doc);
    expect(more).toHaveLength(0);
    expect([t!.rows, t!.cols]).toEqual([3, 3]);
    expect(cellAt(t!, 0, 0)!.text).toMatch(/^Ricogni/);
    expect(cellAt(t!, 0, 0)!.text).not.toContain("Comune");
    expect(cellAt(t!, 0, 1)!.text).toBe("Comune.");
    expect(cellAt(t!, 1, 1)!.text).toBe("Prima riga\nseconda riga");
    expect(cellAt(t!, 2, 0)!.text).toBe("Totale");
    expect(cellAt(t!, 2, 1)!.text).toBe("Riepilogo");
    expect(linesOf(doc)).toEqual(["Tabella con celle ritagliate"]);
  });

  it("honours nested clips, restores the clip on Q, and clips under a transformed CTM", async () => {
    let c = "";
    // Clip to the left half of the page, then (nested) to a band; the second text is outside the band.
    c += "q 0 0 300 842 re W n\n";
    c += "q 2 0 0 2 0 0 cm 20 340 100 20 re W n 0.5 0 0 0.5 0 0 cm\n"; // the band 40..240 x 680..720, drawn under a 2x CTM
    c += draw.text(50, 700, 10, "dentro la fascia") + draw.text(50, 650, 10, "sotto la fascia");
    c += "Q\n";
    c += draw.text(50, 600, 10, "dopo il ripristino") + draw.text(350, 600, 10, "fuori a destra");
    c += "Q\n";
    c += draw.text(350, 560, 10, "senza ritaglio");
    const doc = await readPdf(buildPdf([{ content: c }]), "nested.pdf", readerSettings());
    expect(linesOf(doc)).toEqual(["dentro la fascia", "dopo il ripristino", "senza ritaglio"]);
  });

  it("keeps text drawn wholly inside a page-sized clip (Word's clip of every page)", async () => {
    const c = "q 0 0 595 842 re W* n\n" + draw.text(50, 700, 10, "Testo normale") + "Q\n";
    const doc = await readPdf(buildPdf([{ content: c }]), "page-clip.pdf", readerSettings());
    expect(linesOf(doc)).toEqual(["Testo normale"]);
  });

  it("clips a form XObject's content to its /BBox (under its /Matrix)", async () => {
    const form = {
      bbox: [0, 0, 100, 20] as [number, number, number, number],
      matrix: [1, 0, 0, 1, 50, 690],
      content: draw.text(5, 6, 10, "nel riquadro") + draw.text(5, -30, 10, "fuori dal riquadro"),
    };
    const doc = await readPdf(
      buildPdf([{ content: "q /Fm1 Do Q\n" + draw.text(50, 600, 10, "testo della pagina"), forms: { Fm1: form } }]),
      "form.pdf",
      readerSettings(),
    );
    expect(linesOf(doc)).toEqual(["nel riquadro", "testo della pagina"]);
  });

  it("uses a non-rectangular clip path's bounding box", async () => {
    // a triangle whose box covers the first text only
    const c = "q 40 690 m 200 690 l 120 720 l h W n\n" + draw.text(50, 700, 10, "nel triangolo") + draw.text(50, 650, 10, "fuori") + "Q\n";
    const doc = await readPdf(buildPdf([{ content: c }]), "tri.pdf", readerSettings());
    expect(linesOf(doc)).toEqual(["nel triangolo"]);
  });
});
