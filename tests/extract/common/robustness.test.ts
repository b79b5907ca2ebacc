/**
 * Bad input must give a DocumentError or a valid layout: never a crash, never a
 * hang. Deterministic pseudo-random inputs built from the pieces that matter
 * to the readers (tabs, breaks, markup, spans, entities).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readHtml } from "../../../src/extract/html/read-html.js";
import { readText } from "../../../src/extract/text/read-text.js";
import { readDocx } from "../../../src/extract/docx/read-docx.js";
import { readerSettings } from "../../../src/extract/settings.js";
import { LayoutDocument } from "../../../src/extract/layout.js";
import { DocumentError } from "../../../src/shared/errors.js";
import { samplesDir } from "./golden.js";

const opts = readerSettings();

function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const PIECES = [
  "a",
  "Gen",
  "x",
  "X",
  " ",
  "\t",
  "\n",
  "\n\n\n",
  "\f",
  "**",
  "| ",
  "<p>",
  "</p>",
  "<li>",
  "</ul>",
  "<ul>",
  "<br>",
  "<table>",
  "</table>",
  "<tr>",
  "<td>",
  "<td colspan=99999>",
  "<td rowspan=0>",
  "<th rowspan=-3>",
  "</td>",
  "&amp;",
  "&#0;",
  "&#xD800;",
  "<!--[if !supportLists]-->",
  "<![endif]>",
  "<div title=header>",
  "<style>td{background:red}</style>",
  "\u00a0",
  "---",
  "<b>",
  "<o:p>",
  "\u0000",
];

function randomInput(rand: () => number): string {
  const n = Math.floor(rand() * 200);
  let s = "";
  for (let i = 0; i < n; i++) s += PIECES[Math.floor(rand() * PIECES.length)];
  return s;
}

function expectSafe(run: () => unknown): void {
  try {
    const doc = run();
    expect(LayoutDocument.safeParse(doc).success).toBe(true);
  } catch (e) {
    expect(e).toBeInstanceOf(DocumentError);
  }
}

describe("readers never crash on garbage", () => {
  it("HTML and text readers", () => {
    const rand = prng(42);
    for (let i = 0; i < 300; i++) {
      const input = randomInput(rand);
      expectSafe(() => readHtml(input, "fuzz.html", opts));
      expectSafe(() => readText(input, "fuzz.txt", opts));
    }
  });

  it("DOCX reader on damaged copies of a real file", async () => {
    const original = new Uint8Array(readFileSync(path.resolve(samplesDir, "luzzara-2024.docx")));
    const rand = prng(7);
    for (let i = 0; i < 25; i++) {
      const bytes = original.slice();
      for (let k = 0; k < 1 + Math.floor(rand() * 8); k++) bytes[Math.floor(rand() * bytes.length)] = Math.floor(rand() * 256);
      try {
        const doc = await readDocx(bytes, "fuzz.docx", opts);
        expect(LayoutDocument.safeParse(doc).success).toBe(true);
      } catch (e) {
        expect(e).toBeInstanceOf(DocumentError);
      }
    }
  });
});
