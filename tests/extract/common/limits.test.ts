/**
 * Every reader limit (ReaderLimits in src/extract/settings.ts) on a small
 * hostile input made here: refused with one line naming the limit and the flag
 * that raises it, and read once the limit is raised.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { deflateSync } from "node:zlib";
import JSZip from "jszip";
import { describe, expect, it } from "vitest";
import { readDocument } from "../../../src/extract/read-document.js";
import { readHtml } from "../../../src/extract/html/read-html.js";
import { readText } from "../../../src/extract/text/read-text.js";
import { readDocx } from "../../../src/extract/docx/read-docx.js";
import { preflightPdf, flateStreams } from "../../../src/extract/pdf/preflight.js";
import { markupDepth } from "../../../src/extract/common/markup-depth.js";
import { readerSettings, type ReaderLimits } from "../../../src/extract/settings.js";
import { DocumentError } from "../../../src/shared/errors.js";
import { readOnce } from "../../read-once.js";
import { makeDocx } from "../docx/make-docx.js";
import { samplesDir } from "./golden.js";

const dir = mkdtempSync(path.join(tmpdir(), "piao-limits-"));
const opts = (limits: Partial<ReaderLimits> = {}) => readerSettings(limits);

/** The refusal's message, or "read" when nothing was refused. */
async function outcome(run: () => unknown): Promise<string> {
  try {
    await run();
    return "read";
  } catch (e) {
    if (!(e instanceof DocumentError)) throw e;
    return e.message;
  }
}

const refusal = (limit: string) => new RegExp(`over the limit ${limit} = \\d+(\\.\\d+)? \\(raise it with --limit ${limit}=N\\)$`);

describe("nesting depth is measured before parsing", () => {
  it("counts what a parser would nest: void, implied and self-closing elements and comments do not add depth", () => {
    expect(markupDepth("<div><div><br><img src='a>b'><p><p><li>x</div></div>", "html")).toBe(2);
    expect(markupDepth("<!-- <div><div> --><script><div><div></script><b>x</b>", "html")).toBe(1);
    expect(markupDepth("<a><b/><c><![CDATA[<d><e>]]></c></a>", "xml")).toBe(2);
    // A quote that opens no attribute value (not after "=") does not hide the tags after it.
    expect(markupDepth("<div x'>" + "<div>".repeat(10), "html")).toBe(11);
  });

  it("refuses HTML nested deeper than maxNestingDepth without parsing it, and reads it once raised", async () => {
    const deep = "<html><body>" + "<div>".repeat(200_000) + "x";
    expect(await outcome(() => readHtml(deep, "deep.html", opts()))).toMatch(refusal("maxNestingDepth"));
    const moderate = "<html><body>" + "<blockquote>".repeat(50) + "Obiettivo" + "</blockquote>".repeat(50);
    expect(await outcome(() => readHtml(moderate, "m.html", opts({ maxNestingDepth: 40 })))).toMatch(refusal("maxNestingDepth"));
    expect(await outcome(() => readHtml(moderate, "m.html", opts({ maxNestingDepth: 80 })))).toBe("read");
  });

  it("refuses DOCX tables nested deeper than maxNestingDepth", async () => {
    const nested = "<w:tbl><w:tr><w:tc>".repeat(60) + "<w:p><w:r><w:t>x</w:t></w:r></w:p>" + "</w:tc></w:tr></w:tbl>".repeat(60);
    const bytes = await makeDocx({ body: nested });
    expect(await outcome(() => readDocx(bytes, "n.docx", opts({ maxNestingDepth: 100 })))).toMatch(refusal("maxNestingDepth"));
    expect(await outcome(() => readDocx(bytes, "n.docx", opts({ maxNestingDepth: 250 })))).toBe("read");
  });
});

describe("markup size", () => {
  it("refuses an HTML document or a DOCX part longer than maxMarkupChars before parsing it", async () => {
    const html = "<html><body><p>Obiettivo " + "x".repeat(5000) + "</p></body></html>";
    expect(await outcome(() => readHtml(html, "big.html", opts({ maxMarkupChars: 4000 })))).toMatch(refusal("maxMarkupChars"));
    expect(await outcome(() => readHtml(html, "big.html", opts({ maxMarkupChars: 6000 })))).toBe("read");
    const bytes = await makeDocx({ body: "<w:p><w:r><w:t>" + "y".repeat(5000) + "</w:t></w:r></w:p>" });
    expect(await outcome(() => readDocx(bytes, "big.docx", opts({ maxMarkupChars: 4000 })))).toMatch(
      /an XML part of \d+ characters: over the limit maxMarkupChars/,
    );
  });
});

describe("tables", () => {
  const row = (n: number, r: number) => `<tr>${Array.from({ length: n }, (_, c) => `<td>r${r}c${c}</td>`).join("")}</tr>`;
  const table = (rows: number, cols: number) => `<table>${Array.from({ length: rows }, (_, r) => row(cols, r)).join("")}</table>`;

  it("refuses more columns than maxTableColumns (HTML)", async () => {
    const html = table(2, 300);
    expect(await outcome(() => readHtml(html, "w.html", opts({ maxTableColumns: 200 })))).toMatch(refusal("maxTableColumns"));
    expect(await outcome(() => readHtml(html, "w.html", opts({ maxTableColumns: 300 })))).toBe("read");
  });

  it("refuses more cells than maxTableCells, padding included (a ragged row widens every row)", async () => {
    const ragged = `<table>${Array.from({ length: 30 }, (_, r) => row(2, r)).join("")}${row(40, 99)}</table>`;
    expect(await outcome(() => readHtml(ragged, "c.html", opts({ maxTableCells: 1000 })))).toMatch(/31 rows × 40 columns: over the limit maxTableCells/);
    expect(await outcome(() => readHtml(ragged, "c.html", opts({ maxTableCells: 1240 })))).toBe("read");
  });

  it("applies the same limits to DOCX and text tables", async () => {
    const cells = Array.from({ length: 50 }, (_, c) => `<w:tc><w:p><w:r><w:t>c${c}</w:t></w:r></w:p></w:tc>`).join("");
    const bytes = await makeDocx({ body: `<w:tbl><w:tr>${cells}</w:tr><w:tr>${cells}</w:tr></w:tbl>` });
    expect(await outcome(() => readDocx(bytes, "t.docx", opts({ maxTableCells: 60 })))).toMatch(refusal("maxTableCells"));
    const text = ["Obiettivo\tIndicatore", ...Array.from({ length: 3 }, (_, r) => Array.from({ length: 50 }, (_, c) => `r${r}c${c}`).join("\t"))].join("\n");
    expect(await outcome(() => readText(text, "t.txt", opts({ maxTableColumns: 40 })))).toMatch(refusal("maxTableColumns"));
    expect(await outcome(() => readText(text, "t.txt", opts()))).toBe("read");
  });
});

describe("text conversions", () => {
  it("refuses a line longer than maxLineChars before analysing the text", async () => {
    const text = "Piano della performance\n" + "Obiettivo ".repeat(300) + "\nfine";
    expect(await outcome(() => readText(text, "l.txt", opts({ maxLineChars: 2000 })))).toMatch(/a line of 3000 characters: over the limit maxLineChars = 2000/);
    expect(await outcome(() => readText(text, "l.txt", opts({ maxLineChars: 3000 })))).toBe("read");
  });

  it("refuses a paragraph of any format longer than maxLineChars once read", async () => {
    const file = path.join(dir, "long.html");
    writeFileSync(file, "<html><body><p>" + "Obiettivo ".repeat(300) + "</p></body></html>");
    expect(await outcome(() => readDocument(file, { maxLineChars: 2000 }))).toMatch(/a line of 2999 characters: over the limit maxLineChars = 2000/);
    expect(await outcome(() => readDocument(file, { maxLineChars: 3000 }))).toBe("read");
  });
});

/** A DOCX whose document.xml is `size` bytes of one paragraph, deflated (compresses about 1000 times). */
async function bigDocx(size: number): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
  );
  const head = `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Obiettivo `;
  const tail = `</w:t></w:r></w:p></w:body></w:document>`;
  zip.file("word/document.xml", head + " ".repeat(size - head.length - tail.length) + tail);
  return new Uint8Array(await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
}

/** Overwrites the uncompressed size the central directory declares for `name` (a lying package). */
function declareSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let p = out.length - 46; p >= 0; p--) {
    if (view.getUint32(p, true) !== 0x02014b50) continue;
    const len = view.getUint16(p + 28, true);
    if (Buffer.from(out.subarray(p + 46, p + 46 + len)).toString() === name) view.setUint32(p + 24, size, true);
  }
  return out;
}

describe("DOCX packages (zip bombs)", () => {
  it("refuses a part unpacking past maxPartBytes, by its declared size and by what it really inflates to", async () => {
    const bytes = await bigDocx(3_000_000);
    expect(await outcome(() => readDocx(bytes, "b.docx", opts({ maxPartBytes: 1_000_000, maxZipRatio: 1e6 })))).toMatch(
      /a part \(word\/document.xml\) of 3000000 bytes once unpacked: over the limit maxPartBytes/,
    );
    const lying = declareSize(bytes, "word/document.xml", 100);
    expect(await outcome(() => readDocx(lying, "b.docx", opts({ maxPartBytes: 1_000_000, maxZipRatio: 1e6 })))).toMatch(
      /more than 1000000 bytes once unpacked: over the limit maxPartBytes/,
    );
  });

  it("refuses a package unpacking past maxUnzippedBytes or maxZipRatio times its size", async () => {
    const bytes = await bigDocx(3_000_000);
    expect(await outcome(() => readDocx(bytes, "b.docx", opts({ maxUnzippedBytes: 2_000_000, maxZipRatio: 1e6 })))).toMatch(refusal("maxUnzippedBytes"));
    expect(await outcome(() => readDocx(bytes, "b.docx", opts()))).toMatch(refusal("maxZipRatio"));
    expect(await outcome(() => readDocx(bytes, "b.docx", opts({ maxZipRatio: 1e6 })))).toBe("read");
  });
});

/** A one-page PDF whose content streams are `streams` (zlib data, FlateDecode). */
function pdfWith(streams: Buffer[]): Uint8Array {
  const objs = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents [${streams.map((_, i) => `${4 + i} 0 R`).join(" ")}] >>`,
  ];
  const parts: Buffer[] = [Buffer.from("%PDF-1.5\n")];
  const size = () => parts.reduce((n, b) => n + b.length, 0);
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(size());
    parts.push(Buffer.from(`${i + 1} 0 obj\n${o}\nendobj\n`));
  });
  streams.forEach((data, i) => {
    offsets.push(size());
    parts.push(Buffer.from(`${4 + i} 0 obj\n<< /Length ${data.length} /Filter /FlateDecode >>\nstream\n`), data, Buffer.from("\nendstream\nendobj\n"));
  });
  const xref = size();
  parts.push(
    Buffer.from(
      `xref\n0 ${offsets.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}trailer\n<< /Size ${offsets.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`,
    ),
  );
  return new Uint8Array(Buffer.concat(parts));
}

describe("PDF streams (decompression bombs)", () => {
  const spaces = (n: number) => deflateSync(Buffer.alloc(n, 0x20));

  it("finds the FlateDecode streams of a PDF by their dictionaries", () => {
    const pdf = pdfWith([spaces(10), spaces(20)]);
    expect(flateStreams(pdf)).toHaveLength(2);
  });

  it("refuses a stream inflating past maxStreamBytes, and streams past maxInflatedBytes in all", () => {
    const one = pdfWith([spaces(3_000_000)]);
    expect(() => preflightPdf(one, { maxStreamBytes: 1_000_000, maxInflatedBytes: 1e9 })).toThrow(/over the limit maxStreamBytes = 1000000/);
    expect(() => preflightPdf(one, { maxStreamBytes: 3_000_000, maxInflatedBytes: 1e9 })).not.toThrow();
    const three = pdfWith([spaces(1_000_000), spaces(1_000_000), spaces(1_000_000)]);
    expect(() => preflightPdf(three, { maxStreamBytes: 1_000_000, maxInflatedBytes: 2_500_000 })).toThrow(/over the limit maxInflatedBytes = 2500000/);
    expect(() => preflightPdf(three, { maxStreamBytes: 1_000_000, maxInflatedBytes: 3_000_000 })).not.toThrow();
  });

  it("refuses through readDocument with one line naming the file, and counts pages as a named limit", async () => {
    const file = path.join(dir, "bomb.pdf");
    writeFileSync(file, pdfWith([spaces(3_000_000)]));
    expect(await outcome(() => readDocument(file, { maxStreamBytes: 1_000_000 }))).toMatch(refusal("maxStreamBytes"));
    const sample = path.join(samplesDir, "luzzara-2024.pdf");
    const message = await outcome(() => readDocument(sample, { maxPages: 2 }));
    expect(message).toMatch(/^is refused: \d+ pages: over the limit maxPages = 2 \(raise it/);
    expect(message.split("\n")).toHaveLength(1);
  });
});

describe("the sample documents pass every default limit", () => {
  it.each(["luzzara-2024.docx", "luzzara-2024.html", "luzzara-2024-piano-performance.converted.txt"])("%s", async (name) => {
    const bytes = readFileSync(path.join(samplesDir, name));
    expect(bytes.length).toBeGreaterThan(0);
    // Read as `piao extract` reads them (once per test worker: tests/pipeline/extract-samples.test.ts reads them too).
    expect(await outcome(() => readOnce(path.join(samplesDir, name)))).toBe("read");
  });
});
