/**
 * What browsers' print to PDF does differently from office suites, on a tiny
 * hand-written PDF: a row split by the page break drawn with no bottom rule
 * (its side rules run down to the content bottom), the header row repeated on
 * the next page, list bullets painted as small filled circles, paragraphs in a
 * cell set apart by spacing rather than told by a space glyph.
 */
import { describe, expect, it } from "vitest";
import { readPdf } from "../../../src/extract/pdf/read-pdf.js";
import { readerSettings } from "../../../src/extract/settings.js";
import { cellAt, tablesOf } from "./layout-helpers.js";
import { buildPdf } from "./pdf-builder.js";

const text = (x: number, y: number, t: string) => `BT /F1 10 Tf ${x} ${y} Td (${t}) Tj ET`;
const line = (x0: number, y0: number, x1: number, y1: number) => `${x0} ${y0} m ${x1} ${y1} l S`;
/** A filled circle of radius 2 (four Bézier arcs), as Chromium paints a list bullet. */
function dot(cx: number, cy: number): string {
  const r = 2,
    k = 0.5523 * r;
  return (
    `${cx + r} ${cy} m ${cx + r} ${cy + k} ${cx + k} ${cy + r} ${cx} ${cy + r} c ${cx - k} ${cy + r} ${cx - r} ${cy + k} ${cx - r} ${cy} c ` +
    `${cx - r} ${cy - k} ${cx - k} ${cy - r} ${cx} ${cy - r} c ${cx + k} ${cy - r} ${cx + r} ${cy - k} ${cx + r} ${cy} c f`
  );
}
const XS = [50, 100, 300, 545];
const hrule = (y: number) => line(50, y, 545, y);
const vrules = (top: number, bottom: number) => XS.map((x) => line(x, top, x, bottom));
const header = [text(55, 786, "N."), text(105, 786, "Titolo"), text(305, 786, "Indicatori")];

const page1 = [
  "0.5 w",
  hrule(800),
  hrule(780),
  hrule(700),
  ...vrules(800, 40), // no rule at 40: the last row runs on
  ...header,
  text(55, 765, "1"),
  text(105, 765, "Primo"),
  dot(310, 768),
  text(318, 765, "Alfa beta"),
  text(55, 685, "2"),
  text(105, 685, "Secondo"),
  text(105, 673, "obiettivo"),
  text(105, 649, "Nuovo paragrafo"),
  dot(310, 688),
  text(318, 685, "Gamma"),
].join("\n");
const page2 = [
  "0.5 w",
  hrule(800),
  hrule(780),
  hrule(740),
  hrule(700),
  ...vrules(800, 700),
  ...header,
  dot(310, 768),
  text(318, 765, "Delta"),
  text(55, 725, "3"),
  text(105, 725, "Terzo"),
  text(318, 725, "Epsilon"),
].join("\n");

describe("browser-printed tables", () => {
  it("closes the split row, joins it with its rest, drops the repeated header, reads drawn bullets and paragraph gaps", async () => {
    const doc = await readPdf(buildPdf([{ content: page1 }, { content: page2 }]), "print.pdf", readerSettings());
    const [t, ...rest] = tablesOf(doc);
    expect(rest).toHaveLength(0);
    expect(t!.pages).toEqual([1, 2]);
    expect(t!.rows).toBe(4);
    expect(cellAt(t!, 1, 2)!.text).toBe("• Alfa beta");
    expect(cellAt(t!, 1, 2)!.marked).toBe(false);
    expect(cellAt(t!, 2, 0)!.text).toBe("2");
    expect(cellAt(t!, 2, 2)!.text).toBe("• Gamma\n• Delta");
    expect(cellAt(t!, 3, 1)!.text).toBe("Terzo");
    const para = cellAt(t!, 2, 1)!;
    expect(para.text).toBe("Secondo\nobiettivo\nNuovo paragrafo");
    expect(para.lines!.map((l) => l.paragraphGap ?? false)).toEqual([false, false, true]);
    expect(doc.messages.filter((m) => m.code === "TABLE_GRID_OPEN")).toEqual([]);
  });

  it("a dot with no text right after it stays a drawn mark", async () => {
    const content = [
      "0.5 w",
      hrule(800),
      hrule(780),
      hrule(760),
      ...vrules(800, 760),
      text(55, 786, "A"),
      text(105, 786, "B"),
      text(305, 786, "C"),
      dot(200, 770),
    ].join("\n");
    const doc = await readPdf(buildPdf([{ content }]), "mark.pdf", readerSettings());
    const [t] = tablesOf(doc);
    expect(cellAt(t!, 1, 1)!.marked).toBe(true);
    expect(cellAt(t!, 1, 1)!.text).toBe("");
  });
});
