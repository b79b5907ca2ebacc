/** CSV cells: RFC 4180 quoting, CRLF, a BOM, numbers as numbers, and no spreadsheet formula out of plan text. */
import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "../../src/serve/csv.js";
import { parseCsv } from "./serve-fixtures.js";

describe("csv", () => {
  it("quotes commas, quotes and line breaks, and reads back the same", () => {
    const rows = [
      ["a,b", 'virgolette "doppie"', "riga\nnuova", 12.5, null],
      ["semplice", "", "à è ì ò ù", 0, true],
    ] as const;
    const text = toCsv(["uno", "due", "tre", "quattro", "cinque"], rows);
    expect(text.startsWith("\uFEFFuno,due,tre,quattro,cinque\r\n")).toBe(true);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(parseCsv(text)).toEqual([
      ["uno", "due", "tre", "quattro", "cinque"],
      ["a,b", 'virgolette "doppie"', "riga\nnuova", "12.5", ""],
      ["semplice", "", "à è ì ò ù", "0", "1"],
    ]);
  });

  it("keeps plan text from running as a formula", () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvCell("+39 0522")).toBe("'+39 0522");
    expect(csvCell("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvCell("-5")).toBe("'-5");
    expect(csvCell(-5)).toBe("-5");
    expect(csvCell("Tempi di pagamento")).toBe("Tempi di pagamento");
  });

  it("makes control characters inert, as the report does", () => {
    expect(csvCell("titolo\u001b[2J\u0007")).toBe("titolo\u241b[2J\u2407");
  });
});
