/**
 * Builds small layout documents in code for normaliser tests: lines and tables
 * given as rows of cell texts ("" = empty), with optional spans, shading and
 * boxes.
 */
import type { Block, Cell, LayoutDocument, Table } from "../../src/extract/layout.js";

export interface CellSpec {
  text: string;
  colSpan?: number;
  rowSpan?: number;
  shaded?: boolean;
  fill?: string;
  marked?: boolean;
  x?: [number, number];
}

export type RowSpec = Array<string | CellSpec>;

let tableCount = 0;

export function line(text: string, page: number | null = null): Block {
  return { kind: "line", text, page, bbox: null, fontSize: null, bold: false };
}

/** Rows of cells; a spanning cell covers the next columns, which the row must not list again. */
export function table(rows: RowSpec[], page: number | null = null): Table {
  const cells: Cell[] = [];
  const covered = new Set<string>();
  let cols = 0;
  rows.forEach((row, r) => {
    let c = 0;
    for (const spec of row) {
      while (covered.has(`${r}:${c}`)) c++;
      const s: CellSpec = typeof spec === "string" ? { text: spec } : spec;
      const colSpan = s.colSpan ?? 1;
      const rowSpan = s.rowSpan ?? 1;
      for (let dr = 0; dr < rowSpan; dr++) for (let dc = 0; dc < colSpan; dc++) covered.add(`${r + dr}:${c + dc}`);
      cells.push({
        row: r,
        col: c,
        rowSpan,
        colSpan,
        text: s.text,
        shaded: s.shaded ?? false,
        fill: s.fill ?? (s.shaded ? "#bfbfbf" : null),
        marked: s.marked ?? false,
        page,
        bbox: s.x ? { x0: s.x[0], x1: s.x[1], y0: 0, y1: 10 } : null,
      });
      c += colSpan;
      cols = Math.max(cols, c);
    }
  });
  tableCount++;
  return {
    kind: "table",
    id: page === null ? `t${tableCount}` : `p${page}-t${tableCount}`,
    method: page === null ? "html" : "lattice",
    page,
    pages: page === null ? [] : [page],
    bbox: null,
    rows: rows.length,
    cols,
    rowPages: rows.map(() => page),
    cells,
  };
}

export function doc(blocks: Block[], format: LayoutDocument["format"] = "html"): LayoutDocument {
  return {
    format,
    pageCount: null,
    pages: [{ number: null, width: null, height: null, header: [], footer: [], blocks }],
    messages: [],
  };
}

export function pagedDoc(pages: Block[][]): LayoutDocument {
  return {
    format: "pdf",
    pageCount: pages.length,
    pages: pages.map((blocks, i) => ({ number: i + 1, width: 595, height: 842, header: [], footer: [], blocks })),
    messages: [],
  };
}

export const MONTHS = ["Gen", "Feb", "Mar", "Apr", "Mag", "Giu", "Lug", "Ago", "Set", "Ott", "Nov", "Dic"];

/** A summary sheet: heading lines and a table of [number, weight, title, indicators]. */
export function summary(unit: string, manager: string, rows: Array<[string, string, string, string]>, total?: string): Block[] {
  return [
    line("SCHEDA SINTETICA OBIETTIVI"),
    line(unit),
    line(`RESPONSABILE ${manager}`),
    line("SINTESI OBIETTIVI 2024"),
    table([
      ["N. obiett.", "Peso obiettivo", "Descrizione sintetica obiettivo", "Indicatori di risultato", "Note"],
      ...rows.map(([n, w, t, i]) => [n, w, t, i, ""]),
      ...(total ? [["TOTALE", total, "", "", ""]] : []),
    ]),
  ];
}

/** An objective sheet with one phase per entry: [description, months marked (1-12)]. */
export function sheet(opts: {
  area: string;
  manager: string;
  weight: string;
  number: string;
  title: string;
  indicators?: string;
  phases?: Array<[string, number[]]>;
  extra?: string;
}): Block[] {
  return [
    line("Scheda obiettivo esercizio 2024"),
    line(`Area: ${opts.area}`),
    line(`Responsabile: ${opts.manager}`),
    line(`Peso dell'obiettivo: ${opts.weight}`),
    table([
      [`N.° ${opts.number}`, { text: `Nome obiettivo: ${opts.title}${opts.extra ?? ""}`, colSpan: 15 }],
      [{ text: "Descrizione dei risultati attesi. Testo.", colSpan: 16 }],
      [
        { text: "N.°", rowSpan: 2 },
        { text: "Descrizione fase", rowSpan: 2 },
        { text: "Responsabile della fase", rowSpan: 2 },
        { text: "Prodotto intermedio atteso", rowSpan: 2 },
        { text: "Tempificazione delle attività", colSpan: 12 },
      ],
      MONTHS,
      ...(opts.phases ?? []).map(([d, ms], i) => [String(i + 1), d, "Resp.", "", ...MONTHS.map((_, m) => (ms.includes(m + 1) ? "X" : ""))]),
      [
        { text: `Indicatori di risultato:\n${opts.indicators ?? ""}`, colSpan: 4 },
        { text: "Livello di attuazione:", colSpan: 12 },
      ],
      [
        { text: "Criticità:\n-", colSpan: 4 },
        { text: "Consuntivo:", colSpan: 12 },
      ],
    ]),
  ];
}
