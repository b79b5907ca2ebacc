/**
 * Layout → plan: organisation and year, summary sheets and objective sheets,
 * pairing, then the anomaly rules. The one entry point of src/normalize.
 */
import { isPrinted, type LayoutDocument } from "../extract/layout.js";
import { DocumentError } from "../shared/errors.js";
import type { AnomalyDraft, ObjectiveInfo, Rule, RuleContext, UnitInfo } from "./anomaly-rules/context.js";
import { noIndicators, phaseNoMonths, weightMismatch } from "./anomaly-rules/content-rules.js";
import { duplicateNumber, missingDetail, orphanDetail, titleMismatch, unitMismatch } from "./anomaly-rules/pairing-rules.js";
import { readerFindings } from "./anomaly-rules/reader-findings.js";
import { intersectoralDrift, paymentTimesWeight, weightTotal } from "./anomaly-rules/unit-rules.js";
import {
  deadlineOutOfPeriod,
  duplicateObjective,
  objectiveNumbering,
  phaseWeightTotal,
  summaryOnly,
  unitNumbering,
  weightsAbsent,
} from "./anomaly-rules/shape-rules.js";
import { findKind, findOrganization, findPeriod, findYear } from "./document-meta.js";
import { isBlankValue } from "./clean-text.js";
import { indicatorItems } from "./indicator-items.js";
import type { SheetFound } from "./recognize-sheet.js";
import type { StrategyTexts } from "./recognize-summary.js";
import { matchObjectives, rowKey } from "./match-objectives.js";
import type { Anomaly, DetailSheet, Objective, PlanExport, Unit } from "./plan-schema.js";
import { reflowLayout } from "./reflow.js";
import { recognizeDocument, type ExplainStep, type SheetRead } from "./recognize-document.js";
import { normalizeSettings, type NormalizeSettings } from "./settings.js";
import { sameUnit } from "./unit-name.js";

export type NormalizeOptions = NormalizeSettings & { file: string };

export type PlanBody = Pick<PlanExport, "organization" | "kind" | "year" | "period" | "units" | "anomalies">;

/** What the recogniser did, block by block (piao extract --explain). */
export interface NormalizeResult {
  plan: PlanBody;
  explain: ExplainStep[];
}

/** Rules in the order their findings are listed for one objective. */
const RULES: ReadonlyArray<Rule> = [
  weightTotal,
  duplicateNumber,
  missingDetail,
  orphanDetail,
  titleMismatch,
  weightMismatch,
  unitMismatch,
  noIndicators,
  phaseNoMonths,
  paymentTimesWeight,
  objectiveNumbering,
  duplicateObjective,
  phaseWeightTotal,
  deadlineOutOfPeriod,
  weightsAbsent,
];

/** Lines that name the body and the year: running headers, then the first pages' lines. */
function metaLines(layout: LayoutDocument, settings: NormalizeSettings): string[] {
  const lines: string[] = [];
  const pages = layout.pages.slice(0, settings.metaPages);
  for (const p of pages) {
    let n = 0;
    for (const b of p.blocks) {
      if (b.kind === "line") lines.push(b.text);
      else for (const c of b.cells) lines.push(c.text); // no spread: a table may have more cells than a call takes arguments
      // A page-less document is one long page: its first blocks stand for the first pages.
      if (p.number === null && ++n > settings.metaBlocks) break;
    }
  }
  for (const p of pages) lines.push(...p.header, ...p.footer);
  return lines;
}

/** The export carries the contract's fields only; `table` provenance and the sheet's own flags stay internal. */
function exportedSheet(sheet: SheetFound): DetailSheet {
  const { table: _table, monthGrid: _grid, strategy: _strategy, ...rest } = sheet;
  return rest;
}

function hasStrategy(s: StrategyTexts | null | undefined): s is StrategyTexts {
  return s != null && Object.values(s).some((v) => v !== null);
}

export function normalizePlan(input: LayoutDocument, opts: Partial<NormalizeOptions> & { file: string }): PlanBody {
  return normalizePlanExplained(input, opts).plan;
}

export function normalizePlanExplained(input: LayoutDocument, opts: Partial<NormalizeOptions> & { file: string }): NormalizeResult {
  const { file, ...rest } = opts;
  const settings = normalizeSettings(rest);
  // From here on every format's cell text is paragraphs separated by "\n".
  const layout = reflowLayout(input, settings);
  const lines = metaLines(layout, settings);
  const organization = findOrganization(lines);
  const year = findYear(lines, settings.minYear, settings.maxYear);
  const period = findPeriod(lines, year, settings.minYear, settings.maxYear);
  const kind = findKind(lines);
  const doc = recognizeDocument(layout, year, settings);
  if (doc.units.every((u) => u.rows.length === 0) && doc.sheets.length === 0) {
    throw new NoObjectivesError(file, doc.explain);
  }
  // Pages are the printed ones (PDF, space-aligned conversion); a tab-separated conversion's page breaks are no pages of the plan.
  if (!isPrinted(layout)) {
    for (const u of doc.units) {
      u.page = null;
      for (const r of u.rows) r.page = null;
    }
    for (const r of doc.sheets) r.sheet.page = null;
  }
  const pairing = matchObjectives(doc.units, doc.sheets, settings);
  const infos: UnitInfo[] = doc.units.map((u, ui) => {
    const objectives: ObjectiveInfo[] = u.rows.map((row, ri) => {
      const s = pairing.byRow.get(rowKey(ui, ri));
      const read: SheetRead | undefined = s === undefined ? undefined : doc.sheets[s];
      const objective: Objective = {
        number: row.number ?? ri + 1,
        title: row.title,
        summary: {
          weight: row.weight,
          weightText: isBlankValue(row.weightText) ? null : row.weightText,
          title: row.title,
          // Cell lines are paragraphs in every format by now (PDF lines were reflowed).
          indicators: indicatorItems({ text: row.indicatorsText, target: row.targetText, formula: row.formulaText, baseline: row.baselineText }, true),
          notes: row.notes,
          page: row.page,
        },
        detail: read ? exportedSheet(read.sheet) : null,
        strategy: hasStrategy(row.strategy) ? row.strategy : (read?.sheet.strategy ?? null),
      };
      const ctx = read?.contextUnit;
      return {
        objective,
        index: ri,
        orphan: false,
        titleMismatch: s !== undefined && pairing.titleMismatch.has(s),
        // Printed under another unit's summary, with no Area or Responsabile of its own to say where it belongs.
        // (A sheet that names its unit is where it says, whatever summary was printed last.)
        printedUnder:
          read && ctx !== null && ctx !== undefined && ctx !== ui && read.sheet.unitName === null && read.sheet.manager === null ? doc.units[ctx]!.name : null,
        summaryIntersectoral: row.intersectoral,
        monthGrid: read?.sheet.monthGrid ?? false,
        printedNumber: row.number !== null,
      };
    });
    const first = objectives.find((o) => o.objective.detail)?.objective.detail;
    const unit: Unit = {
      number: u.number,
      name: u.name ?? first?.unitName ?? `Unità ${ui + 1}`,
      manager: u.manager ?? first?.manager ?? null,
      declaredTotal: u.declaredTotal,
      objectives: [],
    };
    return { unit, index: ui, hasSummary: u.rows.length > 0, page: u.page, objectives };
  });
  // Orphan sheets: under the unit they belong to, or in units of their own built from the sheets.
  for (const { sheet: s, unit } of pairing.orphans) {
    const sheet = doc.sheets[s]!.sheet;
    let info: UnitInfo | undefined = unit !== null ? infos[unit] : undefined;
    // A unit opened by a heading takes the sheets under it, unless a sheet names another unit.
    if (info && !info.hasSummary && sheet.unitName !== null && info.objectives.length > 0 && !sameUnit(info.unit.name, sheet.unitName)) info = undefined;
    if (info && !info.hasSummary && sheet.unitName !== null && doc.units[info.index]?.name === null) info.unit.name = sheet.unitName;
    info ??= infos.find((i) => !i.hasSummary && sameUnit(i.unit.name, sheet.unitName) && (i.objectives.length > 0 || sheet.unitName !== null));
    if (!info) {
      info = {
        unit: { number: null, name: sheet.unitName ?? `Unità ${infos.length + 1}`, manager: sheet.manager, declaredTotal: null, objectives: [] },
        index: infos.length,
        hasSummary: false,
        page: sheet.page,
        objectives: [],
      };
      infos.push(info);
    }
    if (info.unit.manager === null) info.unit.manager = sheet.manager;
    const used = new Set(info.objectives.map((o) => o.objective.number));
    const number = sheet.number ?? Math.max(0, ...used) + 1;
    info.objectives.push({
      objective: { number, title: sheet.title, summary: null, detail: exportedSheet(sheet), strategy: sheet.strategy },
      index: info.objectives.length,
      orphan: true,
      titleMismatch: false,
      printedUnder: null,
      summaryIntersectoral: false,
      monthGrid: sheet.monthGrid,
      printedNumber: sheet.number !== null,
    });
  }
  // Units opened by a heading that no objective landed in were headings of something else.
  const kept = infos.filter((i) => i.objectives.length > 0 || i.hasSummary || !doc.units[i.index]?.fromHeading);
  kept.forEach((info, i) => (info.index = i));
  infos.splice(0, infos.length, ...kept);
  if (infos.every((i) => i.objectives.length === 0)) throw new NoObjectivesError(file, doc.explain);
  for (const info of infos) info.unit.objectives = info.objectives.map((o) => o.objective);
  const unreadableParts = layout.messages.some((m) => m.code === "UNREADABLE");
  const hasDetails = unreadableParts || infos.some((i) => i.objectives.some((o) => o.objective.detail));
  const ctx: RuleContext = { units: infos, settings, readerMessages: layout.messages, period, hasDetails };
  const drafts: AnomalyDraft[] = [];
  RULES.forEach((rule) => drafts.push(...rule(ctx)));
  // Findings across units follow every unit's own, in this order; what the reader could not read comes last.
  const after = (list: AnomalyDraft[], unitIndex: number) => list.map((d) => ({ ...d, unitIndex, objectiveIndex: Number.MAX_SAFE_INTEGER }));
  drafts.push(...after(intersectoralDrift(ctx), Number.MAX_SAFE_INTEGER - 2));
  drafts.push(...after(unitNumbering(infos), Number.MAX_SAFE_INTEGER - 1));
  drafts.push(...after(summaryOnly(infos, unreadableParts), Number.MAX_SAFE_INTEGER - 1));
  drafts.push(...readerFindings(ctx));
  const rank = new Map(drafts.map((d, i) => [d, i]));
  drafts.sort((a, b) => a.unitIndex - b.unitIndex || a.objectiveIndex - b.objectiveIndex || rank.get(a)! - rank.get(b)!);
  const anomalies: Anomaly[] = drafts.map(({ unitIndex: _u, objectiveIndex: _o, ...anomaly }) => anomaly);
  return { plan: { organization, kind, year, period, units: infos.map((i) => i.unit), anomalies }, explain: doc.explain };
}

/** The refusal of a document with no objective, carrying what the recogniser saw (for --explain). */
export class NoObjectivesError extends DocumentError {
  constructor(
    file: string,
    readonly explain: ExplainStep[],
  ) {
    super("not-a-plan", file, NO_OBJECTIVES);
  }
}

/** The one line a refusal prints: what was looked for. */
export const NO_OBJECTIVES =
  "contains no performance plan: no objective found (looked for objective tables, summary sheets, objective sheets or boxes, numbered objective headings)";
