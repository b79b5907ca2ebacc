/**
 * Objective sheets (scheda obiettivo): a builder fed with the sheet's text
 * fragments (text lines and table cells, in reading order) and its phase rows.
 * Fragments are split at their labels (sheet-labels.ts); a label with no value
 * on its line takes the unlabelled fragments that follow. A second Area,
 * Responsabile, Peso, N° or title means a new sheet has begun.
 */
import { cleanBlock, cleanInline, isBlankValue } from "./clean-text.js";
import type { PhaseGrid } from "./gantt.js";
import { indicatorItems } from "./indicator-items.js";
import { parseWeight } from "./parse-weight.js";
import { cleanPersonName } from "./person-name.js";
import type { IndicatorColumns } from "./indicator-table.js";
import type { DetailSheet, Indicator, Phase, Strategy } from "./plan-schema.js";
import { splitMissionProgramme } from "./recognize-summary.js";
import type { NormalizeSettings } from "./settings.js";
import { splitByLabels, type LabelledPart, type SheetField } from "./sheet-labels.js";
import { cleanUnitName } from "./unit-name.js";
import { reflowLines, textWidth } from "./reflow.js";

/** Fields that appear once per sheet: seeing one again starts the next sheet. */
const CORE: ReadonlySet<SheetField> = new Set(["area", "manager", "weight", "number", "title"]);
/** Fields whose value runs over several lines or cells. */
const MULTILINE: ReadonlySet<SheetField> = new Set(["description", "indicators", "criticalities", "target", "formula", "baseline", "ignored"]);
/** Fields that open a sheet's body: seen once the sheet has its objective, they start the next sheet. */
const OPENERS: ReadonlySet<SheetField> = new Set(["heading", "objectiveHeading", "strategic"]);
/** Lines that never belong to a field's value: the body's name printed at the top of a page. */
const ORG_LINE =
  /^\s*(?:(?:comune|unione|provincia|regione|citt[aà]\s+metropolitana|azienda|universit[aà])\b[^\n]{0,60}|pag(?:ina|\.)?\s*\d+(?:\s*(?:di|\/)\s*\d+)?)\s*$/iu;

export interface SheetDraft {
  values: Map<SheetField, string[]>;
  /** Per value fragment: the printed width of the PDF text line it came from, or null (a cell, a paragraph). */
  lineWidths: Map<SheetField, Array<number | null>>;
  /** Per value fragment: it followed its label on the same line (a repeated "Indicatore:" starts a new item). */
  labelled: Map<SheetField, boolean[]>;
  intersectoral: boolean;
  phases: Phase[];
  grid: PhaseGrid | null;
  gridOpen: boolean;
  page: number | null;
  table: string | null;
  /** The unit whose summary the sheet is printed under (index into units), null before any summary. */
  contextUnit: number | null;
  /** Document order. */
  order: number;
  /** Fragments fed before the sheet had a body: a summary's heading when a summary table follows instead. */
  headerTexts: string[];
  /** Columns of the indicator table being read, while its rows come. */
  indicatorColumns: IndicatorColumns | null;
  /** Indicators read from indicator tables. */
  indicatorItems: Indicator[];
  /** Opened by a numbered heading ("OBIETTIVO N. 2"): its first unlabelled text is the title, the rest the description. */
  headed: boolean;
}

export class SheetBuilder {
  readonly draft: SheetDraft;
  private accumulating: SheetField | null = null;
  /** Set while a PDF text line is being fed: its values are visual lines to reflow. */
  private lineWidth: number | null = null;

  constructor(contextUnit: number | null, order: number) {
    this.draft = {
      values: new Map(),
      lineWidths: new Map(),
      labelled: new Map(),
      intersectoral: false,
      phases: [],
      grid: null,
      gridOpen: false,
      page: null,
      table: null,
      contextUnit,
      order,
      headerTexts: [],
      headed: false,
      indicatorColumns: null,
      indicatorItems: [],
    };
  }

  /** True once the sheet holds anything that identifies an objective. */
  get started(): boolean {
    return [...CORE].some((f) => this.has(f)) || this.draft.phases.length > 0;
  }

  /** Anything beyond the header fields (Area, Responsabile, Peso) that precede a sheet's heading. */
  hasBody(): boolean {
    const header: ReadonlySet<SheetField> = new Set([
      "area",
      "manager",
      "weight",
      "resources",
      "heading",
      "ignored",
      "strategic",
      "mission",
      "programme",
      "publicValue",
    ]);
    return [...this.draft.values.keys()].some((f) => !header.has(f) && this.has(f)) || this.draft.phases.length > 0 || this.draft.indicatorItems.length > 0;
  }

  has(field: SheetField): boolean {
    return (this.draft.values.get(field) ?? []).some((v) => !isBlankValue(v));
  }

  /**
   * Feed one fragment. Returns false (consuming nothing) when the fragment
   * starts another sheet; the caller then finishes this one and feeds a new one.
   */
  feedText(text: string, page: number | null, table: string | null = null, visualLine = false): boolean {
    const parts = splitByLabels(text).flatMap((p): LabelledPart[] => {
      if (p.field !== "number" || /^\s*(?:\d{1,3}\s*[.)]?)?\s*$/.test(p.value)) return [p];
      // "Obiettivo n. 3 – Titolo": the number, then the title.
      const inline = /^\s*(\d{1,3})\s*[-–—:.)]\s+(\S[\s\S]*)$/.exec(p.value);
      if (inline && !this.has("title"))
        return [
          { ...p, value: inline[1]! },
          { field: "title", label: "", value: inline[2]! },
        ];
      // "N. 2 incontri…" inside a list is no sheet number.
      return [{ ...p, field: null, value: p.label + p.value }];
    });
    const startsNew = parts.some(
      (p) =>
        // Area, Responsabile and Peso lines often precede the heading: only a sheet with an objective ends at one.
        // (A strategic line may follow the sheet's N°; a second heading may not.)
        (p.field === "strategic" && this.has("title")) ||
        (p.field !== null && p.field !== "strategic" && OPENERS.has(p.field) && (this.hasBody() || this.has("title") || this.has("number"))) ||
        (p.field !== null && CORE.has(p.field) && this.has(p.field) && !isBlankValue(p.value)),
    );
    if (startsNew) return false;
    if (!this.hasBody()) this.draft.headerTexts.push(text);
    if (this.draft.page === null && page !== null && parts.some((p) => p.field !== null)) this.draft.page = page;
    if (this.draft.table === null && table !== null && parts.some((p) => p.field !== null && CORE.has(p.field))) this.draft.table = table;
    this.lineWidth = visualLine ? textWidth(text) : null;
    for (const part of parts) this.apply(part.field, part.value);
    this.lineWidth = null;
    return true;
  }

  private push(field: SheetField, value: string, labelled = false): void {
    const list = this.draft.values.get(field) ?? [];
    list.push(value);
    this.draft.values.set(field, list);
    const widths = this.draft.lineWidths.get(field) ?? [];
    widths.push(this.lineWidth);
    this.draft.lineWidths.set(field, widths);
    const starts = this.draft.labelled.get(field) ?? [];
    starts.push(labelled);
    this.draft.labelled.set(field, starts);
  }

  private apply(field: SheetField | null, value: string): void {
    if (field === null) {
      if (ORG_LINE.test(value)) {
        this.accumulating = null;
        return;
      }
      if (this.draft.headed && this.accumulating === "title" && value.trim() !== "") {
        // A headed box: its first text is the objective, what follows describes it.
        this.push("title", value);
        this.accumulating = "description";
        return;
      }
      if (this.accumulating && value.trim() !== "") {
        // A label whose value is missing does not take the next text unless it looks like its value.
        if (!fitsField(this.accumulating, value)) {
          this.accumulating = null;
          return;
        }
        this.push(this.accumulating, value);
        // A one-value field (Area, Peso, N°…) takes the one fragment after its label, no more.
        if (!MULTILINE.has(this.accumulating) && this.complete(this.accumulating)) this.accumulating = null;
      }
      return;
    }
    switch (field) {
      case "objectiveHeading": {
        // "OBIETTIVO N. 2", "DESCRIZIONE OBIETTIVO 3 – Titolo": the number, then maybe the title.
        const m = /^\s*(\d{1,3})\s*(?:[-–—:.)]\s*)?([\s\S]*)$/.exec(value);
        this.draft.headed = true;
        if (m?.[1]) this.push("number", m[1]);
        const rest = m?.[2]?.trim() ?? "";
        if (rest !== "" && !this.has("title")) this.push("title", rest);
        this.accumulating = this.has("title") ? "description" : "title";
        return;
      }
      case "heading":
      case "resources":
      case "projectManager":
        this.accumulating = null;
        return;
      case "intersectoral":
        this.draft.intersectoral = true;
        // Text after the tag continues whatever field was being read.
        if (this.accumulating && !isBlankValue(value)) this.push(this.accumulating, value);
        return;
      default: {
        this.push(field, value, true);
        // "Responsabile: Arch." with the name on the next line: a title alone is no value.
        const empty = isBlankValue(value) || (field === "manager" && cleanPersonName(value) === null);
        this.accumulating = MULTILINE.has(field) || empty ? field : null;
      }
    }
  }

  private complete(field: SheetField): boolean {
    if (field === "manager") return cleanPersonName((this.draft.values.get(field) ?? []).join(" ")) !== null;
    return this.has(field);
  }

  /** A phase row was read: values no longer run on. */
  addPhase(phase: Phase): void {
    this.accumulating = null;
    this.draft.phases.push(phase);
  }

  /** A row of an indicator table was read. */
  addIndicator(item: Indicator): void {
    this.accumulating = null;
    this.draft.indicatorItems.push(item);
  }

  stopAccumulating(): void {
    this.accumulating = null;
  }
}

/** A finished sheet with what the export does not carry: its upward links and whether it had a month grid. */
export type SheetFound = DetailSheet & { monthGrid: boolean; strategy: Strategy | null };

type ReflowSettings = Pick<NormalizeSettings, "reflowFit" | "reflowFitSentence" | "brokenWordMin">;

/**
 * A field's fragments joined by line breaks; runs of PDF text lines are first
 * rejoined into paragraphs, as PDF cells are.
 */
/** What the value of a one-value field looks like; multi-line fields take any text. */
const VALUE_SHAPES: Partial<Record<SheetField, RegExp>> = {
  endYear: /^\s*(?:19|20)\d{2}\b/,
  number: /^\s*\d{1,3}\s*[.)]?\s*$/,
  weight: /^\s*(?:punti\s*)?\d{1,4}(?:[.,]\d+)?\s*(?:%|‰|\/\s*1000?|punti)?\s*$/i,
  duration: /^\s*(?:annuale|biennale|triennale|pluriennale|semestrale|(?:19|20)\d{2})\b/i,
};

function fitsField(field: SheetField, value: string): boolean {
  return VALUE_SHAPES[field]?.test(value) ?? true;
}

function joined(draft: SheetDraft, field: SheetField, settings?: ReflowSettings): string | null {
  const list = draft.values.get(field);
  if (!list) return null;
  const widths = draft.lineWidths.get(field) ?? [];
  if (!settings || widths.every((w) => w === null)) return list.join("\n");
  const out: string[] = [];
  for (let i = 0; i < list.length; ) {
    if (widths[i] == null) {
      out.push(list[i]!);
      i++;
      continue;
    }
    // A run of visual lines ends where the label is printed again ("Indicatore: …" twice: two items).
    const labelled = draft.labelled.get(field) ?? [];
    let j = i + 1;
    while (j < list.length && widths[j] != null && !labelled[j]) j++;
    const run = widths.slice(i, j) as number[];
    out.push(reflowLines(list.slice(i, j), Math.max(...run), settings, run));
    i = j;
  }
  return out.join("\n");
}

/** The finished sheet, or null when the fragments named no objective. */
export function finishSheet(
  draft: SheetDraft,
  settings: Pick<NormalizeSettings, "fractionMax" | "sheetMinEvidence"> & ReflowSettings,
  /** False only for text whose line breaks are visual wraps (normalizePlan reflows PDF cells first). */
  paragraphLines = true,
): SheetFound | null {
  const titleRaw = joined(draft, "title");
  const numberRaw = joined(draft, "number");
  if ((titleRaw === null || isBlankValue(titleRaw)) && numberRaw === null) return null;
  // A stray "Obiettivo: …" line in ordinary prose is no sheet: a sheet has more of its fields.
  const evidence =
    (["number", "weight", "indicators", "target", "formula", "baseline", "description", "duration", "endYear", "strategic"] as const).filter((f) =>
      (draft.values.get(f) ?? []).some((v) => !isBlankValue(v)),
    ).length +
    (draft.phases.length > 0 ? 1 : 0) +
    (draft.indicatorItems.length > 0 ? 1 : 0);
  if (evidence < settings.sheetMinEvidence) return null;
  const num = /(\d{1,3})/.exec(numberRaw ?? "");
  const durationRaw = (joined(draft, "duration") ?? "").toLowerCase();
  const duration = /\b(annuale|biennale|triennale|pluriennale|semestrale)\b/.exec(durationRaw)?.[1] ?? null;
  const endYear = /\b((?:19|20)\d{2})\b/.exec(joined(draft, "endYear") ?? "")?.[1];
  const description = joined(draft, "description", settings);
  const criticalities = joined(draft, "criticalities", settings);
  const weightText = cleanInline(joined(draft, "weight") ?? "");
  return {
    number: num?.[1] ? Number(num[1]) : null,
    weight: parseWeight(weightText, settings),
    weightText: isBlankValue(weightText) ? null : weightText,
    title: cleanTitle(titleRaw ?? ""),
    unitName: cleanUnitName(firstValue(draft, "area")),
    manager: cleanPersonName((draft.values.get("manager") ?? []).join(" ")),
    duration,
    endYear: endYear ? Number(endYear) : null,
    intersectoral: draft.intersectoral,
    description: description === null || isBlankValue(description) ? null : cleanBlock(description),
    indicators: [
      ...indicatorItems(
        {
          text: joined(draft, "indicators", settings) ?? "",
          target: joined(draft, "target", settings) ?? "",
          formula: joined(draft, "formula", settings) ?? "",
          baseline: joined(draft, "baseline", settings) ?? "",
        },
        paragraphLines,
      ),
      ...draft.indicatorItems,
    ],
    criticalities: criticalities === null || isBlankValue(criticalities) ? null : cleanBlock(criticalities),
    phases: draft.phases,
    page: draft.page,
    table: draft.table,
    monthGrid: draft.grid !== null && draft.grid.months.length > 0,
    strategy: sheetStrategy(draft),
  };
}

/** The sheet's upward links, null when it gives none. */
function sheetStrategy(draft: SheetDraft): Strategy | null {
  const v = (f: SheetField) => {
    const t = cleanInline(joined(draft, f) ?? "");
    return isBlankValue(t) ? null : t;
  };
  const both = v("mission");
  const split = both ? splitMissionProgramme(both) : null;
  const s: Strategy = {
    mission: split?.mission ?? null,
    programme: v("programme") ?? split?.programme ?? null,
    strategicObjective: v("strategic"),
    publicValue: v("publicValue"),
  };
  return Object.values(s).some((x) => x !== null) ? s : null;
}

function firstValue(draft: SheetDraft, field: SheetField): string | null {
  const v = (draft.values.get(field) ?? []).find((x) => !isBlankValue(x));
  return v ?? null;
}

/** A sheet title: italic side notes (<i>…</i>) and trailing separators removed. */
export function cleanTitle(raw: string): string {
  return cleanInline(raw.replace(/<i>[\s\S]*?<\/i>/gi, " ")).replace(/[\s;,:–—-]+$/, "");
}
