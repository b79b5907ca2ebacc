/** Word's "Web Page, Filtered" output: no conditional comments, list markers written out as spans, symbol fonts. */
import { describe, expect, it } from "vitest";
import { readHtml } from "../../../src/extract/html/read-html.js";
import { readerSettings } from "../../../src/extract/settings.js";
import type { LayoutDocument, TextLine } from "../../../src/extract/layout.js";
import { allTables, textGrid } from "../common/golden.js";

const opts = readerSettings();
const read = (body: string): LayoutDocument =>
  readHtml(
    `<html><head><meta name=Generator content="Microsoft Word 15 (filtered)"><style>p.MsoNormal {margin:0cm;font-size:11.0pt;}</style></head><body lang=IT><div class=WordSection1>${body}</div></body></html>`,
    "t.htm",
    opts,
  );
const lines = (doc: LayoutDocument) => doc.pages[0]!.blocks.filter((b): b is TextLine => b.kind === "line").map((l) => l.text);
const gap = `<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span>`;

describe("Word 'Web Page, Filtered' list markers", () => {
  it("drops the bullet and number glyphs Word writes out before list items", async () => {
    const doc = read(
      `<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt'><span style='font-family:Symbol'>·${gap}</span>Primo indicatore</p>` +
        `<p class=MsoListParagraphCxSpMiddle style='margin-left:72.0pt;text-indent:-18.0pt'><span style='font-family:"Courier New"'>o${gap}</span>Secondo</p>` +
        `<p class=MsoListParagraphCxSpMiddle style='margin-left:108.0pt;text-indent:-18.0pt'><span style='font-family:Wingdings'>§${gap}</span>Terzo</p>` +
        `<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt'>1.${gap}Numerato</p>` +
        `<p class=MsoListParagraph style='text-indent:-18.0pt'><span lang=IT>a)${gap}</span><span lang=IT>Lettera</span></p>` +
        // Word's unfiltered HTML, where the conditional comment is missing (pasted or cleaned): mso-list:Ignore still marks it.
        `<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><span style='font-family:Symbol'><span style='mso-list:Ignore'>·${gap}</span></span>Quarto</p>` +
        `<p class=MsoNormal>o meglio, nessun elenco</p>`,
    );
    expect(lines(doc)).toEqual(["Primo indicatore", "Secondo", "Terzo", "Numerato", "Lettera", "Quarto", "o meglio, nessun elenco"]);
  });

  it("reads symbol-font ticks in cells as mark glyphs, and row backgrounds as the cells' fill", async () => {
    const doc = read(
      `<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0>` +
        `<tr><td><p class=MsoNormal>Fase</p></td><td><p class=MsoNormal>Gen</p></td><td><p class=MsoNormal>Feb</p></td><td><p class=MsoNormal>Mar</p></td></tr>` +
        `<tr><td><p class=MsoNormal>1</p></td><td><p class=MsoNormal align=center><span style='font-family:Wingdings'>ü</span></p></td>` +
        `<td><p class=MsoNormal><span style='font-family:"Wingdings 2"'>P</span></p></td><td style="background:#D9D9D9"><p class=MsoNormal>&nbsp;</p></td></tr>` +
        `<tr><td><p class=MsoNormal>1b</p></td><td><p class=MsoNormal><span style='font-family:"Times New Roman";mso-char-type:symbol;mso-symbol-font-family:Wingdings'>x</span></p></td><td></td><td><p class=MsoNormal>o meglio</p></td></tr>` +
        `<tr bgcolor="#C0C0C0"><td><p class=MsoNormal>2</p></td><td></td><td style='background:white'></td><td></td></tr>` +
        `<tr style="background-color:#FFFF00"><td><p class=MsoNormal>3</p></td><td></td><td></td><td></td></tr>` +
        `</table>`,
    );
    const t = allTables(doc)[0]!;
    expect(textGrid(t)).toEqual([
      ["Fase", "Gen", "Feb", "Mar"],
      ["1", "✓", "✓", ""],
      ["1b", "☒", "", "o meglio"],
      ["2", "", "", ""],
      ["3", "", "", ""],
    ]);
    const fills = (r: number) => t.cells.filter((c) => c.row === r).map((c) => c.fill);
    expect(fills(1)).toEqual([null, null, null, "#d9d9d9"]);
    expect(fills(3)).toEqual(["#c0c0c0", "#c0c0c0", null, "#c0c0c0"]);
    expect(fills(4)).toEqual(["#ffff00", "#ffff00", "#ffff00", "#ffff00"]);
  });

  it("lets the background of a table or a row group show through to its cells", async () => {
    const doc = read(
      `<table bgcolor="#E7E6E6"><thead style="background-color:#BDD6EE"><tr><td>Fase</td><td>Gen</td></tr></thead>` +
        `<tbody><tr><td>1</td><td style="background:white">x</td></tr><tr style="background:#FFFF00"><td>2</td><td></td></tr></tbody></table>`,
    );
    const t = allTables(doc)[0]!;
    expect(t.cells.map((c) => c.fill)).toEqual(["#bdd6ee", "#bdd6ee", "#e7e6e6", null, "#ffff00", "#ffff00"]);
  });
});
