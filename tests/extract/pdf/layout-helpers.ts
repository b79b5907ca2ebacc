/** Small accessors over the layout model shared by the PDF reader tests. */
import type { Cell, LayoutDocument, Table } from "../../../src/extract/layout.js";

export function tablesOf(doc: LayoutDocument): Table[] {
  return doc.pages.flatMap((p) => p.blocks.filter((b): b is Table => b.kind === "table"));
}

export function cellAt(t: Table, row: number, col: number): Cell | undefined {
  return t.cells.find((c) => c.row === row && c.col === col);
}
