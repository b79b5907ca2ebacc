/**
 * Human views of the layout model's tables: a text grid per table and CSV.
 * Spanned positions repeat nothing; they show as "<" (covered from the left)
 * and "^" (covered from above), so spans are visible at a glance.
 */
import type { LayoutDocument, Table } from "../extract/layout.js";

export function tableGrid(t: Table): string[][] {
  const grid: string[][] = Array.from({ length: t.rows }, () => Array.from({ length: t.cols }, () => ""));
  for (const c of t.cells) {
    for (let r = c.row; r < c.row + c.rowSpan; r++) {
      for (let k = c.col; k < c.col + c.colSpan; k++) {
        const line = grid[r];
        if (!line || k >= line.length) continue;
        line[k] = r === c.row && k === c.col ? cellLabel(c.text, c.shaded, c.marked) : r === c.row ? "<" : "^";
      }
    }
  }
  return grid;
}

function cellLabel(text: string, shaded: boolean, marked: boolean): string {
  const flat = text.replace(/\s*\n\s*/g, " ").trim();
  return flat + (shaded ? "[#]" : "") + (marked ? "[x]" : "");
}

function allTables(layout: LayoutDocument): Table[] {
  return layout.pages.flatMap((p) => p.blocks.filter((b): b is Table => b.kind === "table"));
}

export function renderTablesText(layout: LayoutDocument): string {
  const out: string[] = [];
  for (const t of allTables(layout)) {
    const where = t.pages.length > 1 ? `pages ${t.pages.join(",")}` : t.page === null ? "" : `page ${t.page}`;
    out.push(`== table ${t.id} (${t.method}${where ? ", " + where : ""}) ${t.rows}x${t.cols}`);
    for (const row of tableGrid(t)) out.push(row.map((s) => truncate(s, 24)).join(" | "));
    out.push("");
  }
  if (out.length === 0) out.push("(no tables found)");
  return out.join("\n") + "\n";
}

function truncate(s: string, n: number): string {
  return s.length > n ? s.slice(0, n - 1) + "…" : s;
}

export function renderTablesCsv(layout: LayoutDocument): string {
  const out: string[] = ["table,page,row,col,rowSpan,colSpan,shaded,marked,text"];
  for (const t of allTables(layout)) {
    for (const c of t.cells) {
      out.push([t.id, c.page ?? "", c.row, c.col, c.rowSpan, c.colSpan, c.shaded, c.marked, csvQuote(c.text)].join(","));
    }
  }
  return out.join("\n") + "\n";
}

function csvQuote(s: string): string {
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
