/**
 * Step 1 of recognition: every layout block gets a class and the evidence for
 * it, looking at its neighbours where a class depends on them (a heading is a
 * unit's when a responsible line follows it). Step 2 (assemble-document.ts)
 * folds the classified blocks into units, summaries and sheets. Each rule is a
 * small named function; `piao extract --explain` prints what they decided.
 */
import type { Block, LayoutDocument, Table } from "../extract/layout.js";
import { cleanInline } from "./clean-text.js";
import { cleanPersonName, isAllCaps } from "./person-name.js";
import { readSummaryHeader, type SummaryColumns } from "./recognize-summary.js";
import type { NormalizeSettings } from "./settings.js";
import { splitByLabels } from "./sheet-labels.js";
import { cleanUnitName } from "./unit-name.js";
import { NUMBERED_UNIT_HEADING, RESPONSIBLE_LINE, SIGNATURE_LINE, UNIT_WORDS } from "./vocabulary.js";

export type BlockClass =
  | "summary-heading"
  | "unit-heading"
  | "responsible"
  | "sheet-text"
  | "text"
  | "objective-table"
  | "table";

export interface UnitHeadingData {
  number: number | null;
  name: string | null;
}

export interface ClassifiedBlock {
  block: Block;
  cls: BlockClass;
  /** Why: the rules that fired, in words. */
  evidence: string[];
  unitHeading?: UnitHeadingData;
  manager?: string | null;
  summary?: { columns: SummaryColumns; firstRow: number };
}

const SUMMARY_HEADING =
  /^(?:obiettivi\s+di\s+gestione(?:\s+(?:19|20)\d{2})?\s*$|scheda\s+sintetica|schema\s+(?:degli\s+)?obiettivi|sintesi\s+(?:degli\s+)?obiettivi|quadro\s+sinottico|riepilogo\s+(?:degli\s+)?obiettivi|elenco\s+(?:degli\s+)?obiettivi|scheda\s+di\s+budget|obiettivi\s+assegnati)/i;

/** Section headings of a PIAO or a report that look like numbered units but are not. */
const DOCUMENT_SECTION =
  /^(?:sezione|sottosezione|premessa|introduzione|allegat|indice|sommario|analisi|contesto|valore\s+pubblico|performance|piano|obiettivi|rischi|anticorruzione|trasparenza|organizzazione|capitale\s+umano|monitoraggio|struttura\s+organizzativa|organigramma|la\s+|il\s+|gli\s+|le\s+|i\s+|lo\s+|l['’])/iu;

/** A line a summary sheet opens with ("SCHEDA SINTETICA OBIETTIVI", "Sintesi degli obiettivi"). */
export function isSummaryHeading(text: string): boolean {
  return SUMMARY_HEADING.test(text.trim());
}

/** A line with sheet labels (Peso:, N°, Indicatori:, Obiettivo operativo 2 …). */
export function isSheetText(text: string): boolean {
  return splitByLabels(text).some((p) => p.field !== null && p.field !== "ignored");
}

/** A responsible line with a person: "RESPONSABILE Dott. Mario Rossi", "Dirigente: Ing. Bianchi". */
export function responsiblePerson(text: string): string | null {
  const m = RESPONSIBLE_LINE.exec(cleanInline(text));
  if (!m) return null;
  const person = cleanPersonName(m[1] ?? "");
  // "Responsabile del procedimento amministrativo …" in prose names no person in capitals.
  if (person === null || person.split(/\s+/).length > 5 || !/^\p{Lu}/u.test(person)) return null;
  return person;
}

function romanOrNumber(s: string): number | null {
  if (/^\d+$/.test(s)) return Number(s);
  const roman: Record<string, number> = { i: 1, v: 5, x: 10 };
  const t = s.toLowerCase();
  let n = 0;
  for (let i = 0; i < t.length; i++) {
    const v = roman[t[i]!] ?? 0;
    const next = roman[t[i + 1] ?? ""] ?? 0;
    n += v < next ? -v : v;
  }
  return n > 0 ? n : null;
}

/**
 * "1 - SERVIZI FINANZIARI", "SETTORE 2 – POLIZIA LOCALE": a numbered heading
 * whose name reads as a unit (capitals, or a unit word first), not a section
 * of the document ("2. SEZIONE VALORE PUBBLICO").
 */
export function numberedUnitHeading(text: string, maxChars: number): UnitHeadingData | null {
  const line = cleanInline(text);
  if (line.length > maxChars || /[.;:]$/.test(line)) return null;
  for (const re of NUMBERED_UNIT_HEADING) {
    const m = re.exec(line);
    if (!m?.[1] || !m[2]) continue;
    const rawName = m[2].trim();
    if (/^\d/.test(rawName) || DOCUMENT_SECTION.test(rawName)) continue;
    // The first form needs the name to look like a unit; the others carry a unit word already.
    const unitLike = re !== NUMBERED_UNIT_HEADING[0] || isAllCaps(rawName) || UNIT_WORDS.test(rawName);
    if (!unitLike) continue;
    // "2° Settore – Lavori pubblici": the whole line names it; otherwise what follows the number.
    return { number: romanOrNumber(m[1]), name: cleanUnitName(re === NUMBERED_UNIT_HEADING[2] ? line : rawName) };
  }
  return null;
}

/** A short caption line that a responsible line follows: the unit it heads. */
export function captionBeforeResponsible(text: string, next: Block | undefined, maxChars: number): UnitHeadingData | null {
  if (next?.kind !== "line" || responsiblePerson(next.text) === null) return null;
  const line = cleanInline(text);
  if (line === "" || line.length > maxChars || /[.;,]$/.test(line) || SIGNATURE_LINE.test(line) || isSummaryHeading(line)) return null;
  // A caption: capitals, or a unit word first ("Servizi demografici").
  if (!isAllCaps(line) && !UNIT_WORDS.test(line)) return null;
  return { number: null, name: cleanUnitName(line) };
}

function classifyTable(table: Table): ClassifiedBlock {
  const header = readSummaryHeader(table);
  if (header) {
    return {
      block: table,
      cls: "objective-table",
      evidence: [`header row ${header.firstRow - 1} has columns: ${header.evidence.join(", ")}`],
      summary: { columns: header.columns, firstRow: header.firstRow },
    };
  }
  return { block: table, cls: "table", evidence: ["no objective-table header: read as sheet content or a continuation"] };
}

/** Classify every block of the document, in reading order. */
export function classifyBlocks(layout: LayoutDocument, settings: Pick<NormalizeSettings, "headingMaxChars">): ClassifiedBlock[] {
  const blocks = layout.pages.flatMap((p) => p.blocks);
  const out: ClassifiedBlock[] = [];
  const caption = Math.min(settings.headingMaxChars, 90);
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (block.kind === "table") {
      out.push(classifyTable(block));
      continue;
    }
    const text = block.text;
    const prev = out.at(-1);
    if (isSummaryHeading(text)) {
      out.push({ block, cls: "summary-heading", evidence: ["a summary sheet's title"] });
      continue;
    }
    const numbered = numberedUnitHeading(text, caption);
    if (numbered) {
      out.push({ block, cls: "unit-heading", evidence: ["a numbered heading naming a unit"], unitHeading: numbered });
      continue;
    }
    // "Area: X" over "Responsabile: Y" is left to the sheet or summary that follows (sheet text).
    const captioned = !isSheetText(text) ? captionBeforeResponsible(text, blocks[i + 1], caption) : null;
    if (captioned) {
      out.push({ block, cls: "unit-heading", evidence: ["a caption followed by a responsible line"], unitHeading: captioned });
      continue;
    }
    if (prev?.cls === "unit-heading") {
      const person = responsiblePerson(text);
      if (person !== null) {
        out.push({ block, cls: "responsible", evidence: ["a responsible line under a unit heading"], manager: person });
        continue;
      }
    }
    if (isSheetText(text)) {
      const fields = splitByLabels(text).flatMap((p) => (p.field && p.field !== "ignored" ? [p.field] : []));
      out.push({ block, cls: "sheet-text", evidence: [`sheet labels: ${[...new Set(fields)].join(", ")}`] });
      continue;
    }
    out.push({ block, cls: "text", evidence: [] });
  }
  return out;
}

/** A short description of a block for the explain view. */
export function blockLabel(b: Block): string {
  if (b.kind === "table") return `table ${b.id} (${b.rows}×${b.cols}, ${b.method}${b.page !== null ? `, p. ${b.page}` : ""})`;
  const t = cleanInline(b.text);
  return `line${b.page !== null ? ` p. ${b.page}` : ""}: ${t.length > 70 ? `${t.slice(0, 69)}…` : t}`;
}

