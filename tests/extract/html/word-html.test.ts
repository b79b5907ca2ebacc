import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readDocument } from "../../../src/extract/read-document.js";
import type { TextLine } from "../../../src/extract/layout.js";
import { allTables, textGrid } from "../common/golden.js";

/** What Word's "Save as Web Page" writes, trimmed: mso styles, o:p, conditional comments, spacer row. */
const WORD_HTML = `<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">
<head><meta http-equiv=Content-Type content="text/html; charset=windows-1252">
<meta name=Generator content="Microsoft Word 15 (filtered)">
<!--[if gte mso 9]><xml><w:WordDocument><w:View>Print</w:View></w:WordDocument></xml><![endif]-->
<style><!-- p.MsoNormal {margin:0cm; font-size:11.0pt;} .MsoChpDefault {font-size:10.0pt;} --></style>
</head>
<body lang=IT style='tab-interval:35.4pt'>
<div class=WordSection1>
<p class=MsoNormal><b><span style='font-size:11.0pt'>Scheda obiettivo esercizio 2024<o:p></o:p></span></b></p>
<p class=MsoNormal>Peso dell\u2019obiettivo: 20/100 \u2013 attivit\u00e0<o:p>&nbsp;</o:p></p>
<table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none;mso-yfti-tbllook:1184'>
 <tr style='mso-yfti-irow:0;mso-yfti-firstrow:yes'>
  <td width=47 rowspan=2 valign=top style='width:35.4pt;border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'>
  <p class=MsoNormal><b>N.<o:p></o:p></b></p></td>
  <td width=94 colspan=2 valign=top style='border:solid windowtext 1.0pt;border-left:none'><p class=MsoNormal align=center style='text-align:center'><b>Tempi<o:p></o:p></b></p></td>
 </tr>
 <tr style='mso-yfti-irow:1'>
  <td width=47 style='border-top:none'><p class=MsoNormal><span style='font-size:8.0pt'>Gen<o:p></o:p></span></p></td>
  <td width=47 style='border-top:none'><p class=MsoNormal><span style='font-size:8.0pt'>Feb<o:p></o:p></span></p></td>
 </tr>
 <tr style='mso-yfti-irow:2;mso-yfti-lastrow:yes'>
  <td width=47 style='border:solid windowtext 1.0pt'><p class=MsoNormal>1<o:p></o:p></p></td>
  <td width=47 style='border:solid windowtext 1.0pt;background:#D9D9D9;mso-shading:white;mso-pattern:gray-15 auto'><p class=MsoNormal><o:p>&nbsp;</o:p></p></td>
  <td width=47 style='border:solid windowtext 1.0pt;background:silver;mso-background-themecolor:background1'><p class=MsoNormal><![if !supportEmptyParas]>&nbsp;<![endif]><o:p></o:p></p></td>
 </tr>
 <![if !supportMisalignedColumns]>
 <tr height=0><td width=47 style='border:none'></td><td width=47 style='border:none'></td><td width=47 style='border:none'></td></tr>
 <![endif]>
</table>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol'>\u00b7<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; </span></span><![endif]>Indicatore<o:p></o:p></p>
</div></body></html>`;

function write(name: string, bytes: Uint8Array): string {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "piao-word-html-")), name);
  writeFileSync(file, bytes);
  return file;
}

/** Windows-1252 bytes of a string made only of Latin-1 and the few 1252 extras used here. */
function windows1252(s: string): Uint8Array {
  const extras: Record<string, number> = { "\u2019": 0x92, "\u2013": 0x96 };
  return Uint8Array.from([...s].map((ch) => extras[ch] ?? ch.charCodeAt(0)));
}

describe("Word 'Save as HTML' output", () => {
  for (const [label, bytes] of [
    ["windows-1252", windows1252(WORD_HTML)],
    ["UTF-16LE with BOM", new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(WORD_HTML, "utf16le")]))],
  ] as const) {
    it(`reads text, spans, shading and list items (${label})`, async () => {
      const { layout } = await readDocument(write("piano.htm", bytes));
      expect(layout.format).toBe("html");
      const lines = layout.pages[0]!.blocks.filter((b): b is TextLine => b.kind === "line");
      expect(lines.map((l) => [l.text, l.bold])).toEqual([
        ["Scheda obiettivo esercizio 2024", true],
        ["Peso dell\u2019obiettivo: 20/100 \u2013 attivit\u00e0", false],
        ["Indicatore", false],
      ]);
      const t = allTables(layout)[0]!;
      expect(t.rows).toBe(3);
      expect(textGrid(t)).toEqual([
        ["N.", "Tempi", ""],
        ["", "Gen", "Feb"],
        ["1", "", ""],
      ]);
      expect(t.cells.filter((c) => c.row === 2).map((c) => c.fill)).toEqual([null, "#d9d9d9", "#c0c0c0"]);
    });
  }
});
