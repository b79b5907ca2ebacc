/** The text form of a document's tables, messages and running lines that the PDF goldens hold. */
import type { LayoutDocument } from "../../../src/extract/layout.js";
import { tablesOf } from "./layout-helpers.js";

/** One table per line group, one cell per line: diffs stay readable. */
export function goldenText(doc: LayoutDocument): string {
  const tables = tablesOf(doc).map((t) => {
    const head = JSON.stringify({ id: t.id, pages: t.pages, method: t.method, rows: t.rows, cols: t.cols }).slice(0, -1);
    const cells = t.cells.map((c) => "    " + JSON.stringify([c.row, c.col, c.rowSpan, c.colSpan, c.text, c.shaded, c.marked]));
    return `  ${head},"cells":[\n${cells.join(",\n")}\n  ]}`;
  });
  const messages = doc.messages.map((m) => "  " + JSON.stringify([m.code, m.severity, m.page, m.reason]));
  const headers = doc.pages.map((p) => "  " + JSON.stringify([p.number, p.header, p.footer]));
  return `{"messages":[\n${messages.join(",\n")}\n],"headersFooters":[\n${headers.join(",\n")}\n],"tables":[\n${tables.join(",\n")}\n]}\n`;
}
