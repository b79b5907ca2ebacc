/** Bad input gives one DocumentError with a clear reason, or a message per unreadable page; never a crash. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readPdf } from "../../../src/extract/pdf/read-pdf.js";
import { readerSettings } from "../../../src/extract/settings.js";
import { DocumentError } from "../../../src/shared/errors.js";
import { buildPdf, draw } from "./pdf-builder.js";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

async function failure(p: Promise<unknown>): Promise<DocumentError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(DocumentError);
    return e as DocumentError;
  }
  throw new Error("expected a DocumentError");
}

const twoPages = () => buildPdf([{ content: draw.text(50, 700, 10, "uno") }, { content: draw.text(50, 700, 10, "due") }]);

describe("readPdf on bad input", () => {
  it("a truncated file is corrupt", async () => {
    const whole = twoPages();
    const e = await failure(readPdf(whole.slice(0, Math.floor(whole.length / 3)), "cut.pdf", readerSettings()));
    expect(e.kind).toBe("corrupt");
    expect(e.message).toMatch(/^is not a valid PDF \(corrupt or truncated\)/);
    expect(e.file).toBe("cut.pdf");
  });

  it("a file that is not a PDF is corrupt", async () => {
    const bytes = new TextEncoder().encode("%PDF-1.7\nthis is plain text pretending to be a PDF\n".repeat(20));
    const e = await failure(readPdf(bytes, "fake.pdf", readerSettings()));
    expect(e.kind).toBe("corrupt");
  });

  it("an encrypted file is reported as such", async () => {
    const e = await failure(readPdf(buildPdf([{ content: draw.text(50, 700, 10, "segreto") }], { encrypted: true }), "enc.pdf", readerSettings()));
    expect(e.kind).toBe("encrypted");
    expect(e.message).toBe("is encrypted (password-protected)");
  });

  it("more pages than maxPages is too large", async () => {
    const e = await failure(readPdf(twoPages(), "big.pdf", readerSettings({ maxPages: 1 })));
    expect(e.kind).toBe("too-large");
    expect(e.message).toContain("2");
  });

  it("running out of time is a timeout", async () => {
    const pages = Array.from({ length: 40 }, (_, i) => ({ content: draw.text(50, 700, 10, `pagina ${i}`) + draw.grid([50, 100, 150], [600, 620, 640]) }));
    const e = await failure(readPdf(buildPdf(pages), "slow.pdf", readerSettings({ timeoutMs: 1 })));
    expect(e.kind).toBe("timeout");
  });

  it("does not consume or detach the caller's buffer", async () => {
    const bytes = twoPages();
    const copy = bytes.slice();
    await readPdf(bytes, "a.pdf", readerSettings());
    expect(bytes).toEqual(copy);
  });
});

describe("a page that cannot be read", () => {
  it("becomes an UNREADABLE message and an empty page; the rest of the document is read", async () => {
    // Point the second page-tree kid at an object that does not exist (same byte length, xref stays valid).
    const text = Buffer.from(twoPages()).toString("latin1").replace("/Kids [5 0 R 7 0 R]", "/Kids [5 0 R 9 0 R]");
    expect(text).toContain("/Kids [5 0 R 9 0 R]");
    const doc = await readPdf(new Uint8Array(Buffer.from(text, "latin1")), "badpage.pdf", readerSettings());
    expect(doc.pageCount).toBe(2);
    expect(doc.pages[0]!.blocks.map((b) => b.kind === "line" && b.text)).toEqual(["uno"]);
    expect(doc.pages[1]!.blocks).toEqual([]);
    expect(doc.messages).toHaveLength(1);
    expect(doc.messages[0]).toMatchObject({ code: "UNREADABLE", severity: "error", page: 2, source: "pdf" });
    expect(doc.messages[0]!.reason).toMatch(/^page could not be read/);
  });
});

describe("pages without text", () => {
  const scanned = "q 500 0 0 700 50 80 cm BI /W 2 /H 2 /CS /G /BPC 8 ID \x80\x40\x20\x10 EI Q\n";

  it("a scanned document gets one UNREADABLE error per page", async () => {
    const doc = await readPdf(buildPdf([{ content: scanned }, { content: scanned }]), "scan.pdf", readerSettings());
    expect(doc.pageCount).toBe(2);
    expect(doc.messages.map((m) => [m.code, m.severity, m.page])).toEqual([
      ["UNREADABLE", "error", 1],
      ["UNREADABLE", "error", 2],
    ]);
    expect(doc.messages[0]!.reason).toMatch(/no text/);
  });

  it("a scanned page inside a text document is flagged, a blank page is not", async () => {
    const doc = await readPdf(buildPdf([{ content: draw.text(50, 700, 10, "testo") }, { content: scanned }, { content: "" }]), "mixed.pdf", readerSettings());
    expect(doc.messages.map((m) => [m.code, m.page])).toEqual([["UNREADABLE", 2]]);
  });

  it("one image-only page in a text document is a warning naming that page, not a scanned document", async () => {
    const text = (n: number) => draw.text(50, 700, 10, `testo della pagina ${n}`) + draw.grid([50, 150, 250], [650, 630, 610]);
    const doc = await readPdf(
      buildPdf([{ content: text(1) }, { content: text(2) }, { content: draw.image(40, 60, 515, 720) }, { content: text(4) }]),
      "one-scan.pdf",
      readerSettings(),
    );
    expect(doc.messages).toEqual([
      { code: "UNREADABLE", severity: "warning", reason: "pagina 3: solo immagine, nessun testo leggibile (scansione?)", page: 3, table: null, source: "pdf" },
    ]);
    expect(doc.pages.map((p) => p.blocks.length)).toEqual([2, 2, 0, 2]);
  });

  it("a document whose every body is an image stays a scanned document, even with a text running header", async () => {
    const head = (n: number) => draw.text(220, 810, 12, "AZIENDA SANITARIA") + draw.text(480, 30, 9, `Pagina ${n} di 2`);
    const doc = await readPdf(buildPdf([{ content: head(1) + scanned }, { content: head(2) + scanned }]), "scan-headed.pdf", readerSettings());
    expect(doc.messages.map((m) => [m.code, m.severity, m.page])).toEqual([
      ["UNREADABLE", "error", 1],
      ["UNREADABLE", "error", 2],
    ]);
  });

  it("a bitonal scan (image masks in strips) inside a text document is a warning too", async () => {
    let strips = "";
    for (let k = 0; k < 12; k++) strips += `q 515 0 0 60 40 ${60 + 60 * k} cm BI /W 8 /H 1 /IM true /BPC 1 ID \xaa EI Q\n`;
    const doc = await readPdf(buildPdf([{ content: draw.text(50, 700, 10, "testo") }, { content: strips }]), "mask.pdf", readerSettings());
    expect(doc.messages.map((m) => [m.code, m.severity, m.page])).toEqual([["UNREADABLE", "warning", 2]]);
  });

  it("a scanned sheet under a text running header is still flagged", async () => {
    const head = draw.text(220, 810, 12, "AZIENDA SANITARIA") + draw.text(480, 30, 9, "Pagina 1 di 3");
    const doc = await readPdf(
      buildPdf([{ content: head + draw.text(50, 700, 10, "testo") }, { content: head + scanned }, { content: head + draw.text(50, 700, 10, "altro") }]),
      "scan-under-header.pdf",
      readerSettings(),
    );
    expect(doc.pages[1]!.header).toEqual(["AZIENDA SANITARIA"]);
    expect(doc.messages.map((m) => [m.code, m.page])).toEqual([["UNREADABLE", 2]]);
  });
});

describe("pages that are drawings", () => {
  it("a page with more rulings than maxRulings is not searched for ruled tables, with a warning", async () => {
    let c = draw.text(50, 800, 10, "Planimetria");
    for (let i = 0; i < 60; i++) c += draw.line(50, 100 + i * 10, 550, 100 + i * 10, 0.2) + draw.line(50 + i * 8, 100, 50 + i * 8, 700, 0.2);
    const doc = await readPdf(buildPdf([{ content: c }]), "map.pdf", readerSettings({ pdf: { maxRulings: 100 } }));
    expect(doc.pages[0]!.blocks.map((b) => b.kind)).toEqual(["line"]);
    expect(doc.messages.map((m) => [m.code, m.severity, m.page])).toEqual([["TABLE_SKIPPED", "warning", 1]]);
  });
});

describe("damaged files never crash the reader", () => {
  it("byte-flipped copies of a table PDF give a layout or one DocumentError", async () => {
    const base = buildPdf([
      {
        content:
          draw.grid([50, 150, 250], [700, 680, 660]) +
          draw.text(53, 686, 9, "Fase") +
          draw.text(153, 666, 9, "X") +
          "q 1 0 0 1 5 5 cm 0.5 g 300 300 50 50 re f Q\n",
      },
      { content: draw.text(50, 700, 10, "seconda pagina") },
    ]);
    let seed = 12345;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 25; i++) {
      const bytes = base.slice();
      for (let k = 0; k < 1 + i; k++) bytes[Math.floor(rand() * bytes.length)] = Math.floor(rand() * 256);
      try {
        const doc = await readPdf(bytes, `fuzz-${i}.pdf`, readerSettings({ timeoutMs: 10_000 }));
        expect(doc.format).toBe("pdf");
      } catch (e) {
        expect(e, `fuzz-${i}: ${String(e)}`).toBeInstanceOf(DocumentError);
      }
    }
  });
});

describe("the fixture set's bad PDFs", () => {
  const bad = (name: string) => new Uint8Array(readFileSync(path.join(repoRoot, "fixtures/bad", name)));

  it("qpdf AES-256 encryption is reported as encrypted", async () => {
    expect((await failure(readPdf(bad("encrypted.pdf"), "encrypted.pdf", readerSettings()))).kind).toBe("encrypted");
  });

  it("a LibreOffice PDF cut at 40% is corrupt", async () => {
    expect((await failure(readPdf(bad("truncated.pdf"), "truncated.pdf", readerSettings()))).kind).toBe("corrupt");
  });
});

describe("a ruled table whose grid cannot be closed", () => {
  it("fills the open positions with empty cells and warns with the page", async () => {
    // the second row stops halfway: its right half has no ruled cell
    let c = draw.line(50, 700, 250, 700) + draw.line(50, 680, 250, 680) + draw.line(50, 660, 150, 660);
    c += draw.line(50, 660, 50, 700) + draw.line(150, 660, 150, 700) + draw.line(250, 680, 250, 700);
    c += draw.text(53, 686, 9, "A") + draw.text(153, 686, 9, "B") + draw.text(53, 666, 9, "C");
    const doc = await readPdf(buildPdf([{ content: c }]), "open.pdf", readerSettings());
    const t = doc.pages[0]!.blocks[0]!;
    expect(t.kind).toBe("table");
    if (t.kind !== "table") return;
    expect(t.cells.map((x) => [x.row, x.col, x.text])).toEqual([
      [0, 0, "A"],
      [0, 1, "B"],
      [1, 0, "C"],
      [1, 1, ""],
    ]);
    expect(doc.messages.map((m) => [m.code, m.severity, m.page, m.table])).toEqual([["TABLE_GRID_OPEN", "warning", 1, "p1-t1"]]);
  });
});
