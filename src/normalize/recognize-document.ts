/**
 * Walks the layout blocks in reading order and recognises summary sheets and
 * objective sheets. Text lines above a summary table form its unit heading;
 * sheet fragments (lines and cells) go to a SheetBuilder, phase rows to the
 * Gantt reader. A table without a header right after a summary continues it.
 */
import type { LayoutDocument, Table } from "../extract/layout.js";
import { labelKey } from "./clean-text.js";
import { readPhaseHeader, readPhaseRow } from "./gantt.js";
import type { DetailSheet } from "./plan-schema.js";
import { finishSheet, SheetBuilder } from "./recognize-sheet.js";
import {
  readSummaryHeader,
  readSummaryRows,
  readUnitHeading,
  type SummaryColumns,
  type SummaryRowDraft,
} from "./recognize-summary.js";
import type { NormalizeSettings } from "./settings.js";
import { splitByLabels } from "./sheet-labels.js";
import { tableRows } from "./table-grid.js";

export interface UnitDraft {
  name: string | null;
  manager: string | null;
  declaredTotal: number | null;
  rows: SummaryRowDraft[];
  page: number | null;
}

export interface SheetRead {
  sheet: DetailSheet;
  contextUnit: number | null;
  order: number;
}

export interface DocumentRead {
  units: UnitDraft[];
  sheets: SheetRead[];
}

const SUMMARY_HEADING =
  /^(?:obiettivi\s+di\s+gestione(?:\s+(?:19|20)\d{2})?\s*$|scheda\s+sintetica|schema\s+(?:degli\s+)?obiettivi|sintesi\s+(?:degli\s+)?obiettivi|quadro\s+sinottico|riepilogo\s+(?:degli\s+)?obiettivi|elenco\s+(?:degli\s+)?obiettivi|scheda\s+di\s+budget|obiettivi\s+assegnati)/i;

export function recognizeDocument(layout: LayoutDocument, planYear: number | null, settings: NormalizeSettings): DocumentRead {
  const units: UnitDraft[] = [];
  const sheets: SheetRead[] = [];
  let order = 0;
  let builder: SheetBuilder | null = null;
  let headingLines: string[] = [];
  let sawSummaryHeading = false;
  let lastSummary: { columns: SummaryColumns; unit: UnitDraft } | null = null;

  const contextUnit = () => (units.length ? units.length - 1 : null);
  // Read through a function: the closures below assign `builder`, which TypeScript's narrowing cannot see.
  const currentBuilder = (): SheetBuilder | null => builder;
  const closeSheet = () => {
    if (builder) {
      const sheet = finishSheet(builder.draft, settings);
      if (sheet) sheets.push({ sheet, contextUnit: builder.draft.contextUnit, order: builder.draft.order });
    }
    builder = null;
  };
  const openSheet = () => {
    closeSheet();
    builder = new SheetBuilder(contextUnit(), order++);
    return builder;
  };
  // PDF text lines are visual lines; DOCX, HTML and text lines are paragraphs.
  const visualLines = layout.format === "pdf";
  const feed = (text: string, page: number | null, table: string | null) => {
    const visual = visualLines && table === null;
    const b: SheetBuilder = builder ?? openSheet();
    if (!b.feedText(text, page, table, visual)) openSheet().feedText(text, page, table, visual);
  };
  const isSheetText = (text: string) => splitByLabels(text).some((p) => p.field !== null && p.field !== "ignored");

  for (const page of layout.pages) {
    for (const block of page.blocks) {
      if (block.kind === "line") {
        const text = block.text;
        if (SUMMARY_HEADING.test(text.trim()) && !sawSummaryHeading) {
          closeSheet();
          headingLines = [text];
          sawSummaryHeading = true;
          lastSummary = null;
          continue;
        }
        if (sawSummaryHeading) {
          headingLines.push(text);
          continue;
        }
        if (builder || isSheetText(text)) {
          feed(text, block.page, null);
          continue;
        }
        headingLines.push(text);
        if (headingLines.length > settings.headingLinesWithoutTitle) headingLines.shift();
        continue;
      }
      const table = block;
      const header = readSummaryHeader(table);
      if (header) {
        // "Area: …" / "Responsabile: …" lines read as the start of a sheet were this summary's heading.
        const pending = currentBuilder();
        if (pending && !pending.hasBody()) {
          headingLines.push(...pending.draft.headerTexts);
          builder = null;
        }
        closeSheet();
        // A summary split into two tables: no new heading in between → same unit.
        const heading = readUnitHeading(headingLines, settings);
        const continues = lastSummary !== null && !sawSummaryHeading && heading.name === null && heading.manager === null;
        const unit: UnitDraft = continues
          ? lastSummary!.unit
          : { ...heading, declaredTotal: null, rows: [], page: table.page };
        if (!continues) units.push(unit);
        const read = readSummaryRows(table, header.columns, header.firstRow, unit.rows.at(-1) ?? null, settings);
        unit.rows.push(...read.rows);
        if (read.declaredTotal !== null) unit.declaredTotal = read.declaredTotal;
        lastSummary = { columns: header.columns, unit };
        if (header.columns.roles.includes("unit")) splitByUnitColumn(unit);
        headingLines = [];
        sawSummaryHeading = false;
        continue;
      }
      if (lastSummary && !builder && looksLikeSummaryContinuation(table, lastSummary.columns)) {
        const read = readSummaryRows(table, lastSummary.columns, 0, lastSummary.unit.rows.at(-1) ?? null, settings);
        lastSummary.unit.rows.push(...read.rows);
        if (read.declaredTotal !== null) lastSummary.unit.declaredTotal = read.declaredTotal;
        continue;
      }
      lastSummary = null;
      sawSummaryHeading = false;
      headingLines = [];
      readSheetTable(table);
    }
  }
  closeSheet();
  return { units, sheets };

  /** A summary whose rows name their own unit (one PEG table for all): one unit per run of rows. */
  function splitByUnitColumn(unit: UnitDraft): void {
    const at = units.indexOf(unit);
    if (at < 0 || unit.rows.every((r) => r.unitName === null)) return;
    const parts: UnitDraft[] = [];
    for (const row of unit.rows) {
      const lastPart = parts.at(-1);
      if (lastPart && lastPart.name === row.unitName) lastPart.rows.push(row);
      else parts.push({ name: row.unitName ?? unit.name, manager: row.manager ?? unit.manager, declaredTotal: null, rows: [row], page: row.page });
    }
    // A TOTALE row closes the table, so it belongs to none of the units in particular.
    units.splice(at, 1, ...parts);
  }

  function readSheetTable(table: Table): void {
    const rows = tableRows(table);
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r]!;
      const b: SheetBuilder | null = builder;
      const firstText = row.find((c) => c.text.trim() !== "")?.text ?? "";
      const labelled = splitByLabels(firstText)[0]?.field != null;
      if (b && b.draft.gridOpen && b.draft.grid && !labelled && b.draft.grid.cols === table.cols) {
        const head = readPhaseHeader(table, rows, r, planYear, settings);
        if (!head) {
          const phase = readPhaseRow(row, b.draft.grid, settings);
          if (phase) b.addPhase(phase);
          continue;
        }
      }
      const head = row.some((c) => /fase|attivita|azion/.test(labelKey(c.text))) ? readPhaseHeader(table, rows, r, planYear, settings) : null;
      if (head) {
        const sb: SheetBuilder = builder ?? openSheet();
        sb.draft.grid = head.grid;
        sb.draft.gridOpen = true;
        sb.stopAccumulating();
        if (sb.draft.page === null) sb.draft.page = table.rowPages[r] ?? table.page;
        r = head.firstRow - 1;
        continue;
      }
      if (b) b.draft.gridOpen = false;
      for (const cell of row) {
        if (cell.text.trim() === "") continue;
        feed(cell.text, cell.page ?? table.rowPages[r] ?? table.page, table.id);
      }
    }
  }
}

/** A headerless table whose rows fit the previous summary's columns. */
function looksLikeSummaryContinuation(table: Table, columns: SummaryColumns): boolean {
  if (table.cols !== columns.cols) return false;
  const rows = tableRows(table);
  return rows.some((row) => row.some((c) => c.col === columns.roles.indexOf("number") && /^\s*\d{1,3}\s*$/.test(c.text)))
    || rows.every((row) => !row.some((c) => splitByLabels(c.text).some((p) => p.field !== null && p.field !== "ignored")));
}
