import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, it } from "vitest";
import { expectGolden } from "../../golden.js";
import { LayoutDocument } from "../../../src/extract/layout.js";
import { readPdf } from "../../../src/extract/pdf/read-pdf.js";
import { readerSettings } from "../../../src/extract/settings.js";
import { goldenText } from "./golden-text.js";
import { READER_FIXTURES } from "./reader-fixtures.js";

const goldenDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../golden/pdf");

describe("reader-defect fixtures against goldens", () => {
  for (const [name, make] of Object.entries(READER_FIXTURES)) {
    it(name, async () => {
      const doc = await readPdf(make(), `${name}.pdf`, readerSettings());
      LayoutDocument.parse(doc);
      const actual = goldenText(doc);
      const golden = path.join(goldenDir, `reader-${name}.tables.json`);
      expectGolden(golden, actual);
    });
  }
});
