/**
 * Golden files for reader tests: a compact JSON of every table in a layout,
 * compared with a committed file. UPDATE_GOLDEN=1 rewrites it; a missing golden
 * fails (it must be written on purpose and reviewed).
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expectGolden } from "../../golden.js";
import type { LayoutDocument, Table } from "../../../src/extract/layout.js";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
export const samplesDir = path.resolve(repoRoot, "../shared/samples");

export type CompactCell = [number, number, number, number, string, boolean, boolean];
export interface CompactTable {
  id: string;
  pages: number[];
  method: string;
  rows: number;
  cols: number;
  cells: CompactCell[];
}

export function allTables(layout: LayoutDocument): Table[] {
  return layout.pages.flatMap((p) => p.blocks.filter((b): b is Table => b.kind === "table"));
}

export function compactTables(layout: LayoutDocument): CompactTable[] {
  return allTables(layout).map((t) => ({
    id: t.id,
    pages: t.pages,
    method: t.method,
    rows: t.rows,
    cols: t.cols,
    cells: t.cells.map((c): CompactCell => [c.row, c.col, c.rowSpan, c.colSpan, c.text, c.shaded, c.marked]),
  }));
}

/** One cell per line keeps the golden reviewable and its diffs readable. */
function render(tables: CompactTable[]): string {
  const parts = tables.map((t) => {
    const head = JSON.stringify({ id: t.id, pages: t.pages, method: t.method, rows: t.rows, cols: t.cols });
    const cells = t.cells.map((c) => "      " + JSON.stringify(c)).join(",\n");
    return `  ${head.slice(0, -1)}, "cells": [\n${cells}\n  ]}`;
  });
  return `[\n${parts.join(",\n")}\n]\n`;
}

export function expectTablesGolden(layout: LayoutDocument, goldenRel: string): void {
  expectGolden(goldenRel, render(compactTables(layout)), "json");
}

/** The text of a table as a grid of strings ("" for covered positions), for readable assertions. */
export function textGrid(t: Table): string[][] {
  const grid = Array.from({ length: t.rows }, () => Array.from({ length: t.cols }, () => ""));
  for (const c of t.cells) (grid[c.row] as string[])[c.col] = c.text;
  return grid;
}
