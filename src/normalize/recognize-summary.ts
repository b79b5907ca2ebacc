/**
 * Summary sheets (scheda sintetica / sintesi obiettivi): the unit heading
 * (name + RESPONSABILE line) and the table of objectives — number, weight,
 * title, indicators, notes, and an optional TOTALE row. Column roles come from
 * the header cells' labels, never from positions; a table without a header
 * continues the previous summary with the same columns.
 */
import type { Cell, Table } from "../extract/layout.js";
import { cleanBlock, cleanInline, isBlankValue, labelKey } from "./clean-text.js";
import { parseWeight } from "./parse-weight.js";
import { cleanPersonName } from "./person-name.js";
import type { NormalizeSettings } from "./settings.js";
import { tableRows } from "./table-grid.js";
import { cleanUnitName } from "./unit-name.js";
import { COLUMN_LABELS, LABELLED_UNIT_HEADING, PHASE_HEADER, RESPONSIBLE_LINE, type ColumnRole } from "./vocabulary.js";
import { numberedUnitHeading } from "./unit-heading.js";

export type SummaryRole = ColumnRole;

export function summaryRoleOf(text: string): SummaryRole | null {
  const k = labelKey(text);
  if (k === "") return null;
  for (const [re, role] of COLUMN_LABELS) if (re.test(k)) return role;
  // A narrow header broken inside a word ("Obietti vo n."): try it without spaces.
  const joined = k.replace(/ /g, "");
  if (/^(?:obiettivon|nobiett|numero|nr)/.test(joined)) return "number";
  for (const [re, role] of COLUMN_LABELS) if (role !== "number" && re.test(joined)) return role;
  return "other";
}

/** Columns that make a table with a title column an objective table, and how much each tells. */
const STRONG_ROLES: ReadonlyArray<SummaryRole> = ["weight", "indicators", "target"];
const WEAK_ROLES: ReadonlyArray<SummaryRole> = [
  "number",
  "unit",
  "manager",
  "strategic",
  "mission",
  "programme",
  "missionProgramme",
  "publicValue",
  "formula",
  "baseline",
  "timing",
  "notes",
  "status",
];

/**
 * Evidence that a header row heads a table of objectives: a title column, and a
 * weight column or at least two other columns an objective list has
 * (indicators, targets, a responsible structure, a mission …). Null when it is none.
 */
export function objectiveTableEvidence(roles: ReadonlySet<SummaryRole | null>, cells: number): string[] | null {
  // A PEG table whose only objective wording is its "Obiettivo strategico" column: that column is the title.
  if (!roles.has("title") && !roles.has("strategic")) return null;
  const strong = STRONG_ROLES.filter((r) => roles.has(r));
  const weak = WEAK_ROLES.filter((r) => roles.has(r));
  if (!(roles.has("weight") || strong.length + weak.length >= 2)) return null;
  // A key–value row ("Titolo | Manutenzione strade") has two cells; a list of objectives has more columns.
  if (cells < 3 && !roles.has("weight")) return null;
  return ["title", ...strong, ...weak];
}

export interface SummaryColumns {
  roles: Array<SummaryRole | null>;
  cols: number;
}

export interface SummaryRowDraft {
  number: number | null;
  weight: number | null;
  weightText: string;
  title: string;
  intersectoral: boolean;
  indicatorsText: string;
  /** Target, formula and baseline columns, as written (items on their own lines). */
  targetText: string;
  formulaText: string;
  baselineText: string;
  /** Mission, programme, strategic objective, public value columns (blank: as the row above). */
  strategy: StrategyTexts;
  notes: string | null;
  page: number | null;
  table: string;
  /** The row's unit and manager when the table has columns for them (blank: as the row above). */
  unitName: string | null;
  manager: string | null;
}

export interface StrategyTexts {
  mission: string | null;
  programme: string | null;
  strategicObjective: string | null;
  publicValue: string | null;
}

export interface SummaryTableRead {
  columns: SummaryColumns;
  rows: SummaryRowDraft[];
  declaredTotal: number | null;
}

const ITEM_START = /^\s*(?:[•▪◦●■◆►▸‣⁃∙*]|[-–—]\s*\S|\d{1,2}[.)]\s)/u;
const TOTAL_ROW = /^(?:total[ei]|somma)/;
/** The word of a TOTALE cell, before its number ("Totale 100%", "TOTALE:"). */
const TOTAL_WORD = /^\s*(?:total[ei]|somma)(?:\s+(?:pesi|generale))?\s*[:=]?\s*/i;
const INTERSECTORAL_TAG = /\bobiettivo\s+(?:intersettoriale|trasversale)\b/giu;

/** Header rows: leading rows whose number cell is not a number. Null when the table is no summary. */
export function readSummaryHeader(table: Table): { columns: SummaryColumns; firstRow: number; evidence: string[] } | null {
  const rows = tableRows(table);
  for (let h = 0; h < Math.min(3, rows.length); h++) {
    const roles = new Set(rows[h]!.map((c) => summaryRoleOf(c.text)));
    const keys = rows[h]!.map((c) => labelKey(c.text));
    if (keys.some((k) => PHASE_HEADER.test(k))) return null;
    const evidence = objectiveTableEvidence(roles, rows[h]!.filter((c) => c.text.trim() !== "").length);
    if (!evidence) continue;
    const colRoles: Array<SummaryRole | null> = Array.from({ length: table.cols }, () => null);
    let first = h + 1;
    // Header cells may sit in several rows (a spanning "Stato di attuazione" over dates).
    for (let r = 0; r <= h + 1 && r < rows.length; r++) {
      const isHeader = r <= h || !rows[r]!.some((c) => /^\d{1,3}$/.test(c.text.trim()) && c.col === 0);
      if (!isHeader) break;
      // A second header row holds only labels (dates under "Stato di attuazione", "Target 2024"…).
      const labelsOnly = rows[r]!.every((c) => isBlankValue(c.text) || !["other", null].includes(summaryRoleOf(c.text)));
      if (r > h && !labelsOnly) break;
      if (r > h) first = r + 1;
      for (const cell of rows[r]!) {
        const role = summaryRoleOf(cell.text);
        for (let c = cell.col; c < cell.col + cell.colSpan && c < table.cols; c++) {
          if (role && (colRoles[c] === null || colRoles[c] === "other")) colRoles[c] = role;
        }
      }
    }
    if (!colRoles.includes("title")) for (let c = 0; c < colRoles.length; c++) if (colRoles[c] === "strategic") colRoles[c] = "title";
    // Under a spanning "Stato di attuazione" the date cells keep that role.
    return { columns: { roles: colRoles, cols: table.cols }, firstRow: first, evidence };
  }
  return null;
}

function textOf(row: ReadonlyArray<Cell>, columns: SummaryColumns, role: SummaryRole): string {
  return row
    .filter((c) => {
      for (let k = c.col; k < c.col + c.colSpan; k++) if (columns.roles[k] === role) return true;
      return false;
    })
    .map((c) => c.text)
    .filter((t) => t.trim() !== "")
    .join("\n");
}

/** Data rows of a summary table (from `firstRow`), continuation rows merged into the row above. */
export function readSummaryRows(
  table: Table,
  columns: SummaryColumns,
  firstRow: number,
  previous: SummaryRowDraft | null,
  settings: Pick<NormalizeSettings, "fractionMax">,
): SummaryTableRead {
  const rows = tableRows(table);
  const out: SummaryRowDraft[] = [];
  let declaredTotal: number | null = null;
  let last = previous;
  // A table without number or weight columns (a PIAO table) tells a new row by its title.
  const keyed = columns.roles.includes("number") || columns.roles.includes("weight");
  for (let r = firstRow; r < rows.length; r++) {
    const row = rows[r]!;
    const numberText = cleanInline(textOf(row, columns, "number"));
    const weightText = cleanInline(textOf(row, columns, "weight"));
    const titleRaw = textOf(row, columns, "title");
    const shifted = shiftedPastStatus(row, columns);
    const indicatorsText = shifted?.indicators ?? textOf(row, columns, "indicators");
    const notesText = shifted?.notes ?? textOf(row, columns, "notes");
    const targetText = textOf(row, columns, "target");
    const formulaText = textOf(row, columns, "formula");
    const baselineText = textOf(row, columns, "baseline");
    // "TOTA\nLE": a narrow first column breaks the word.
    const firstText = labelKey(row[0]?.text ?? "").replace(/ /g, "");
    if (TOTAL_ROW.test(firstText) || TOTAL_ROW.test(labelKey(numberText).replace(/ /g, ""))) {
      // "TOTALE | 100", or "Totale 100%" in one cell (spanning the weight column too): the number after the word.
      const totalTexts = [weightText, ...row.map((c) => c.text)].map((t) => cleanInline(t).replace(TOTAL_WORD, ""));
      declaredTotal = parseWeight(totalTexts.find((t) => /\d/.test(t) && !TOTAL_ROW.test(labelKey(t))) ?? "", settings);
      continue;
    }
    if ([numberText, weightText, titleRaw, indicatorsText, notesText, targetText].every((t) => isBlankValue(t))) continue;
    const rowUnit = cleanUnitName(textOf(row, columns, "unit"));
    const sameUnitAsLast = last !== null && (rowUnit === null || rowUnit === last.unitName);
    const continuation = keyed ? isBlankValue(numberText) && isBlankValue(weightText) : isBlankValue(titleRaw);
    if (continuation && last && sameUnitAsLast) {
      // A row broken across a page: its text continues the row above.
      last.title = joinText(last.title, cleanInline(titleRaw.replace(INTERSECTORAL_TAG, " ")));
      // A row broken by a page break goes on with a space unless a bullet or number starts a new
      // item; on the same page an extra row is one more indicator (one row per indicator).
      const pageBreak = (table.rowPages[r] ?? null) !== null && table.rowPages[r] !== last.page && last.page !== null;
      const crossesTable = last.table !== table.id;
      const continues = (pageBreak || crossesTable) && !ITEM_START.test(indicatorsText);
      const sep = continues ? " " : "\n";
      last.indicatorsText = joinText(last.indicatorsText, indicatorsText, sep);
      last.targetText = joinText(last.targetText, targetText, sep);
      last.formulaText = joinText(last.formulaText, formulaText, sep);
      last.baselineText = joinText(last.baselineText, baselineText, sep);
      const notes = cleanBlock(notesText);
      if (notes) last.notes = joinText(last.notes ?? "", notes);
      continue;
    }
    const intersectoral = INTERSECTORAL_TAG.test(titleRaw);
    INTERSECTORAL_TAG.lastIndex = 0;
    const draft: SummaryRowDraft = {
      number: objectiveNumber(numberText),
      weight: parseWeight(weightText, settings),
      weightText,
      title: cleanInline(titleRaw.replace(INTERSECTORAL_TAG, " ")),
      intersectoral,
      indicatorsText,
      targetText,
      formulaText,
      baselineText,
      strategy: rowStrategy(row, columns, last?.table === table.id ? last.strategy : null),
      notes: isBlankValue(notesText) ? null : cleanBlock(notesText),
      page: table.rowPages[r] ?? table.page,
      table: table.id,
      unitName: rowUnit ?? last?.unitName ?? null,
      manager: cleanPersonName(textOf(row, columns, "manager")) ?? last?.manager ?? null,
    };
    out.push(draft);
    last = draft;
  }
  return { columns, rows: out, declaredTotal };
}

/**
 * An objective's number from its number cell: "3", "3.", "03)", "Ob. 3". A code
 * such as "1.2" or "OB.1.2" is no number (the objective is numbered by order).
 */
export function objectiveNumber(text: string): number | null {
  const m = /^(?:ob(?:iettivo|\.)?\s*|n\.?\s*[°º]?\s*)?(\d{1,3})\s*[.)°]?$/i.exec(text.trim());
  return m?.[1] ? Number(m[1]) : null;
}

/** The row's upward links; a blank cell (a merged cell above) is as the row above in the same table. */
function rowStrategy(row: ReadonlyArray<Cell>, columns: SummaryColumns, above: StrategyTexts | null): StrategyTexts {
  const value = (role: SummaryRole) => {
    const t = cleanInline(textOf(row, columns, role));
    return isBlankValue(t) ? null : t;
  };
  const both = value("missionProgramme");
  const split = both ? splitMissionProgramme(both) : null;
  const pick = (own: string | null, fromBoth: string | null | undefined, key: keyof StrategyTexts, role: SummaryRole) => {
    const v = own ?? fromBoth ?? null;
    if (v !== null) return v;
    const hasColumn = columns.roles.includes(role) || (role !== "strategic" && role !== "publicValue" && columns.roles.includes("missionProgramme"));
    return hasColumn ? (above?.[key] ?? null) : null;
  };
  return {
    mission: pick(value("mission"), split?.mission, "mission", "mission"),
    programme: pick(value("programme"), split?.programme, "programme", "programme"),
    strategicObjective: pick(value("strategic"), null, "strategicObjective", "strategic"),
    publicValue: pick(value("publicValue"), null, "publicValue", "publicValue"),
  };
}

/** "01/03", "01 – 03", "Missione 1 Programma 3" → mission and programme; otherwise all of it is the mission. */
export function splitMissionProgramme(text: string): { mission: string; programme: string | null } {
  const labelled = /^\s*(?:missione\s*)?(.+?)\s*[,;/–—-]?\s*programma\s*[:.]?\s*(.+)$/i.exec(text);
  if (labelled?.[1] && labelled[2]) return { mission: labelled[1].replace(/^missione\s*/i, "").trim(), programme: labelled[2].trim() };
  const codes = /^\s*([0-9]{1,2}|[ivx]{1,5})\s*[/.–—-]\s*([0-9]{1,2}|[ivx]{1,5})\s*$/i.exec(text);
  if (codes?.[1] && codes[2]) return { mission: codes[1], programme: codes[2] };
  return { mission: text.trim(), programme: null };
}

/**
 * A conversion that drops one empty "Stato di attuazione" cell shifts the rest
 * of the row left: the indicators land in the last status column and the notes
 * in the indicators column. Status columns are empty when a plan is adopted, so
 * text in the last one only (none in the others) is read one column to the right.
 */
function shiftedPastStatus(row: ReadonlyArray<Cell>, columns: SummaryColumns): { indicators: string; notes: string } | null {
  const status = columns.roles.flatMap((r, c) => (r === "status" ? [c] : []));
  if (status.length < 2) return null;
  const last = status[status.length - 1]!;
  if (columns.roles[last + 1] !== "indicators") return null;
  const at = (c: number) =>
    row
      .filter((x) => x.col === c && x.colSpan === 1)
      .map((x) => x.text)
      .join("\n");
  if (at(last).trim() === "" || status.slice(0, -1).some((c) => at(c).trim() !== "")) return null;
  const notesCol = columns.roles[last + 2] === "notes" ? last + 2 : null;
  if (notesCol !== null && at(notesCol).trim() !== "") return null;
  return { indicators: at(last), notes: at(last + 1) };
}

function joinText(a: string, b: string, sep = " "): string {
  if (b.trim() === "") return a;
  if (a.trim() === "") return b;
  return `${a}${sep}${b}`;
}

export interface UnitHeading {
  number: number | null;
  name: string | null;
  manager: string | null;
}

const HEADING_NOISE =
  /^(?:obiettivi\s+di\s+gestione\s*(?:(?:19|20)\d{2})?\s*$|scheda\s+sintetica|schema\s+(?:degli\s+)?obiettivi|sintesi\s+(?:degli\s+)?obiettivi|quadro\s+sinottico|scheda\s+di\s+budget|obiettivi\s+assegnati|riepilogo|elenco\s+(?:degli\s+)?obiettivi|(?:obiettivi|anno|esercizio|annualit[aà]|periodo)\b[^\n]{0,40}\b(?:19|20)\d{2}\b|piano\b|comune\s+di|unione\b|provincia\s+di|regione\b|citt[aà]\s+di|pag(?:ina|\.)?\s*\d|\d+\s*$|allegato)/i;

/** The unit heading from the text lines printed above a summary table. */
export function readUnitHeading(lines: ReadonlyArray<string>, settings: Pick<NormalizeSettings, "headingMaxChars">): UnitHeading {
  let manager: string | null = null;
  const nameLines: string[] = [];
  let explicitName: string | null = null;
  let number: number | null = null;
  for (const raw of lines) {
    const line = cleanInline(raw);
    // Running text (an introduction above a table) names no unit.
    if (line === "" || line.length > settings.headingMaxChars) continue;
    const m = RESPONSIBLE_LINE.exec(line);
    if (m) {
      if (m[1] && !isBlankValue(m[1])) manager = cleanPersonName(m[1]);
      continue;
    }
    const u = LABELLED_UNIT_HEADING.exec(line);
    if (u?.[1]) {
      explicitName = u[1];
      continue;
    }
    if (HEADING_NOISE.test(line)) {
      // "SCHEDA SINTETICA OBIETTIVI – SERVIZI AL CITTADINO": keep what follows a dash.
      const rest = /^(?:scheda\s+sintetica|sintesi|scheda\s+di\s+budget)[^–—\-:]*[–—\-:]\s*(.+)$/i.exec(line);
      if (rest?.[1] && !HEADING_NOISE.test(rest[1])) nameLines.push(rest[1]);
      continue;
    }
    nameLines.push(line);
  }
  let name = cleanUnitName(explicitName ?? (nameLines.length ? nameLines.join(" ") : null));
  // A numbered heading ("1 - SERVIZI FINANZIARI") gives the number, and the name after it.
  for (const l of [explicitName ?? "", ...nameLines]) {
    const heading = numberedUnitHeading(l, settings.headingMaxChars);
    if (heading?.number != null) {
      number = heading.number;
      if (nameLines.length === 1 || explicitName === l) name = heading.name ?? name;
      break;
    }
  }
  return { number, name, manager };
}
