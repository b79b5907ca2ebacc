/**
 * Step 2 of recognition: the classified blocks (classify-blocks.ts) folded, in
 * reading order, into units (with their summary rows) and objective sheets.
 *
 * - A unit heading (numbered, or a caption over a responsible line) opens a
 *   unit; a summary table that follows takes it as its heading, otherwise the
 *   sheets and boxes that follow belong to it.
 * - An objective table (summary sheet, PIAO table) adds rows to a unit, split
 *   by its responsible-structure column where it has one; a headerless table
 *   with the same columns continues it.
 * - Sheet text and other tables feed a SheetBuilder; phase headers start a
 *   phases grid; an indicator table adds indicator items.
 *
 * Every step is recorded for `piao extract --explain`.
 */
import { isPrinted, type LayoutDocument, type Table, type TextLine } from "../extract/layout.js";
import { labelKey } from "./clean-text.js";
import { blockLabel, classifyBlocks, isSheetText, type ClassifiedBlock, type UnitHeadingData } from "./classify-blocks.js";
import { readPhaseHeader, readPhaseRow } from "./gantt.js";
import { readIndicatorHeader, readIndicatorRow } from "./indicator-table.js";
import { finishSheet, SheetBuilder, type SheetFound } from "./recognize-sheet.js";
import { readSummaryRows, readUnitHeading, type SummaryColumns, type SummaryRowDraft } from "./recognize-summary.js";
import type { NormalizeSettings } from "./settings.js";
import { splitByLabels } from "./sheet-labels.js";
import { cleanUnitName } from "./unit-name.js";
import { tableRows } from "./table-grid.js";

export interface UnitDraft {
  number: number | null;
  name: string | null;
  manager: string | null;
  declaredTotal: number | null;
  rows: SummaryRowDraft[];
  page: number | null;
  /** Opened by a heading, not by a summary table: kept only if objectives land in it. */
  fromHeading: boolean;
}

export interface SheetRead {
  sheet: SheetFound;
  contextUnit: number | null;
  order: number;
}

/** One line of the explain view: a block, its class and evidence, and what it became. */
export interface ExplainStep {
  block: string;
  cls: string;
  evidence: string[];
  became: string;
}

export interface DocumentRead {
  units: UnitDraft[];
  sheets: SheetRead[];
  explain: ExplainStep[];
}

export function recognizeDocument(layout: LayoutDocument, planYear: number | null, settings: NormalizeSettings): DocumentRead {
  const assembler = new DocumentAssembler(isPrinted(layout), planYear, settings);
  for (const c of classifyBlocks(layout, settings)) assembler.take(c);
  return assembler.finish();
}

class DocumentAssembler {
  private readonly units: UnitDraft[] = [];
  private readonly sheets: SheetRead[] = [];
  private readonly explain: ExplainStep[] = [];
  private order = 0;
  private builder: SheetBuilder | null = null;
  /** Lines read since the last table or sheet: the heading of a summary table if one follows. */
  private headingLines: string[] = [];
  private sawSummaryHeading = false;
  private lastSummary: { columns: SummaryColumns; unit: UnitDraft } | null = null;
  /** A unit heading not yet given to a summary or to sheets. */
  private pendingUnit: (UnitHeadingData & { manager: string | null; page: number | null }) | null = null;
  /** The unit sheets are printed under (index into units). */
  private currentUnit: number | null = null;
  private became = "";

  constructor(
    /** Printed text lines (PDF, space-aligned conversions) are visual lines; DOCX, HTML and tab-separated text lines are paragraphs. */
    private readonly visualLines: boolean,
    private readonly planYear: number | null,
    private readonly settings: NormalizeSettings,
  ) {}

  take(c: ClassifiedBlock): void {
    this.became = "";
    const b = c.block;
    if (b.kind === "table") {
      if (c.cls === "objective-table" && c.summary) this.onObjectiveTable(b, c.summary);
      else this.onTable(b);
    } else {
      switch (c.cls) {
        case "summary-heading":
          this.onSummaryHeading(b);
          break;
        case "unit-heading":
          this.onUnitHeading(b, c.unitHeading!);
          break;
        case "responsible":
          this.onResponsible(b, c.manager ?? null);
          break;
        default:
          this.onLine(b, c.cls === "sheet-text");
      }
    }
    this.explain.push({ block: blockLabel(b), cls: c.cls, evidence: c.evidence, became: this.became || "ignored" });
  }

  finish(): DocumentRead {
    this.closeSheet();
    return { units: this.units, sheets: this.sheets, explain: this.explain };
  }

  // ── lines ────────────────────────────────────────────────────────────────

  private onSummaryHeading(line: TextLine): void {
    if (this.sawSummaryHeading) {
      this.headingLines.push(line.text);
      this.became = "summary heading (continued)";
      return;
    }
    this.closeSheet();
    this.headingLines = [line.text];
    this.sawSummaryHeading = true;
    this.lastSummary = null;
    this.became = "opens a summary sheet's heading";
  }

  private onUnitHeading(line: TextLine, heading: UnitHeadingData): void {
    this.closeSheet();
    this.lastSummary = null;
    if (!this.sawSummaryHeading) this.headingLines = [];
    this.headingLines.push(line.text);
    this.pendingUnit = { ...heading, manager: null, page: line.page };
    this.became = `unit heading: ${heading.number !== null ? `${heading.number} ` : ""}${heading.name ?? "?"}`;
  }

  private onResponsible(line: TextLine, manager: string | null): void {
    this.headingLines.push(line.text);
    if (this.pendingUnit) this.pendingUnit.manager = manager;
    this.became = `responsible of the unit: ${manager ?? "?"}`;
  }

  private onLine(line: TextLine, sheetText: boolean): void {
    const text = line.text;
    if (this.sawSummaryHeading) {
      this.headingLines.push(text);
      this.became = "part of a summary heading";
      return;
    }
    if (this.builder || sheetText) {
      this.feed(text, line.page, null);
      return;
    }
    this.headingLines.push(text);
    if (this.headingLines.length > this.settings.headingLinesWithoutTitle) this.headingLines.shift();
    this.became = "kept as a possible heading";
  }

  // ── tables ───────────────────────────────────────────────────────────────

  private onObjectiveTable(table: Table, header: { columns: SummaryColumns; firstRow: number }): void {
    // "Area: …" / "Responsabile: …" lines read as the start of a sheet were this summary's heading.
    const pending = this.builder;
    if (pending && !pending.hasBody()) {
      this.headingLines.push(...pending.draft.headerTexts);
      this.builder = null;
    }
    this.closeSheet();
    const heading = readUnitHeading(this.headingLines, this.settings);
    const fromLines = this.pendingUnit;
    const continues = this.lastSummary !== null && !this.sawSummaryHeading && heading.name === null && heading.manager === null && fromLines === null;
    let unit: UnitDraft;
    if (continues) unit = this.lastSummary!.unit;
    else {
      unit = {
        number: fromLines?.number ?? heading.number,
        name: heading.name ?? fromLines?.name ?? null,
        manager: heading.manager ?? fromLines?.manager ?? null,
        declaredTotal: null,
        rows: [],
        page: table.page,
        fromHeading: false,
      };
      this.units.push(unit);
    }
    this.pendingUnit = null;
    const read = readSummaryRows(table, header.columns, header.firstRow, unit.rows.at(-1) ?? null, this.settings);
    unit.rows.push(...read.rows);
    if (read.declaredTotal !== null) unit.declaredTotal = read.declaredTotal;
    this.lastSummary = { columns: header.columns, unit };
    if (header.columns.roles.includes("unit")) this.splitByUnitColumn(unit);
    this.currentUnit = this.units.indexOf(this.lastSummary.unit);
    this.headingLines = [];
    this.sawSummaryHeading = false;
    this.became = continues
      ? `${read.rows.length} more summary rows of '${unit.name ?? "?"}'`
      : `objective table: ${read.rows.length} rows${header.columns.roles.includes("unit") ? " (units from its responsible-structure column)" : ` of unit '${unit.name ?? "?"}'`}`;
  }

  private onTable(table: Table): void {
    const last = this.lastSummary;
    if (last && !this.builder && looksLikeSummaryContinuation(table, last.columns)) {
      const read = readSummaryRows(table, last.columns, 0, last.unit.rows.at(-1) ?? null, this.settings);
      last.unit.rows.push(...read.rows);
      if (read.declaredTotal !== null) last.unit.declaredTotal = read.declaredTotal;
      this.became = `continues the summary of '${last.unit.name ?? "?"}' (${read.rows.length} rows)`;
      return;
    }
    this.lastSummary = null;
    this.sawSummaryHeading = false;
    this.headingLines = [];
    this.readSheetTable(table);
  }

  /** A summary whose rows name their own unit (one PEG or PIAO table for all): one unit per distinct name. */
  private splitByUnitColumn(unit: UnitDraft): void {
    const at = this.units.indexOf(unit);
    if (at < 0 || unit.rows.every((r) => r.unitName === null)) return;
    const parts: UnitDraft[] = [];
    // Parts by the structure's name as printed, folded.
    const byName = new Map<string, UnitDraft>();
    for (const row of unit.rows) {
      // A name seen again later joins its earlier unit (docs/families.md); a blank one is the row above's.
      const key = row.unitName !== null ? labelKey(row.unitName) : null;
      const part = key !== null ? byName.get(key) : parts.at(-1);
      if (part) {
        part.rows.push(row);
        continue;
      }
      // "3 – Lavori pubblici": the structure's number, then its name.
      const numbered = row.unitName !== null ? /^(\d{1,2})\s*[°º]?\s*[-–—.)]\s*(\S.*)$/u.exec(row.unitName) : null;
      const created: UnitDraft = {
        number: numbered ? Number(numbered[1]) : null,
        name: numbered ? cleanUnitName(numbered[2]!) : (row.unitName ?? unit.name),
        manager: row.manager ?? unit.manager,
        declaredTotal: null,
        rows: [row],
        page: row.page,
        fromHeading: false,
      };
      parts.push(created);
      if (key !== null) byName.set(key, created);
    }
    // A TOTALE row closes the table, so it belongs to none of the units in particular.
    this.units.splice(at, 1, ...parts);
    this.lastSummary = this.lastSummary && { ...this.lastSummary, unit: parts.at(-1)! };
  }

  private readSheetTable(table: Table): void {
    const rows = tableRows(table);
    const actions = new Set<string>();
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r]!;
      const b = this.builder;
      const firstText = row.find((c) => c.text.trim() !== "")?.text ?? "";
      const labelled = splitByLabels(firstText)[0]?.field != null;
      if (b?.draft.gridOpen && b.draft.grid && !labelled && b.draft.grid.cols === table.cols) {
        const head = readPhaseHeader(table, rows, r, this.planYear, this.settings);
        if (!head) {
          const phase = readPhaseRow(row, b.draft.grid, this.settings, this.planYear);
          if (phase) b.addPhase(phase);
          continue;
        }
      }
      if (b?.draft.indicatorColumns && !labelled) {
        const item = readIndicatorRow(row, b.draft.indicatorColumns);
        if (item) {
          b.addIndicator(item);
          continue;
        }
      }
      const head = row.some((c) => /fase|fasi|attivita|azion|step/.test(labelKey(c.text)))
        ? readPhaseHeader(table, rows, r, this.planYear, this.settings)
        : null;
      if (head) {
        const sb = this.builder ?? this.openSheet();
        sb.draft.grid = head.grid;
        sb.draft.gridOpen = true;
        sb.draft.indicatorColumns = null;
        sb.stopAccumulating();
        if (sb.draft.page === null) sb.draft.page = table.rowPages[r] ?? table.page;
        actions.add(head.grid.months.length ? "phases with a month grid" : "phases with their timing");
        r = head.firstRow - 1;
        continue;
      }
      const indicators = readIndicatorHeader(row);
      if (indicators) {
        const sb = this.builder ?? this.openSheet();
        sb.draft.indicatorColumns = indicators;
        sb.draft.gridOpen = false;
        sb.stopAccumulating();
        actions.add("an indicator table");
        continue;
      }
      if (b) {
        b.draft.gridOpen = false;
        b.draft.indicatorColumns = null;
      }
      for (const cell of row) {
        if (cell.text.trim() === "") continue;
        this.feed(cell.text, cell.page ?? table.rowPages[r] ?? table.page, table.id);
      }
      actions.add("sheet fields");
    }
    this.became = `objective sheet content: ${[...actions].join(", ") || "nothing"}`;
  }

  // ── sheets ───────────────────────────────────────────────────────────────

  private feed(text: string, page: number | null, table: string | null): void {
    const visual = this.visualLines && table === null;
    const b = this.builder ?? this.openSheet();
    if (!b.feedText(text, page, table, visual)) this.openSheet().feedText(text, page, table, visual);
    this.became ||= `objective sheet ${(this.builder ?? b).draft.order + 1}`;
  }

  private openSheet(): SheetBuilder {
    this.closeSheet();
    this.placePendingUnit();
    this.builder = new SheetBuilder(this.currentUnit, this.order++);
    return this.builder;
  }

  private closeSheet(): void {
    const b = this.builder;
    if (b) {
      const sheet = finishSheet(b.draft, this.settings);
      if (sheet) this.sheets.push({ sheet, contextUnit: b.draft.contextUnit, order: b.draft.order });
    }
    this.builder = null;
  }

  /** A unit heading followed by sheets, not by a summary: the unit of those sheets. */
  private placePendingUnit(): void {
    const p = this.pendingUnit;
    if (!p) return;
    this.pendingUnit = null;
    const same = this.units.findIndex((u) => p.name !== null && u.name !== null && samePrinted(u.name, p.name) && u.number === p.number);
    if (same >= 0) {
      this.currentUnit = same;
      return;
    }
    this.units.push({ number: p.number, name: p.name, manager: p.manager, declaredTotal: null, rows: [], page: p.page, fromHeading: true });
    this.currentUnit = this.units.length - 1;
  }
}

/** Equal names once case, accents and punctuation are folded (stricter than sameUnit, which accepts one name inside the other). */
function samePrinted(a: string, b: string): boolean {
  return labelKey(a) === labelKey(b);
}

/** A headerless table whose rows fit the previous summary's columns. */
function looksLikeSummaryContinuation(table: Table, columns: SummaryColumns): boolean {
  if (table.cols !== columns.cols) return false;
  const rows = tableRows(table);
  return (
    rows.some((row) => row.some((c) => c.col === columns.roles.indexOf("number") && /^\s*\d{1,3}\s*$/.test(c.text))) ||
    rows.every((row) => !row.some((c) => isSheetText(c.text)))
  );
}
