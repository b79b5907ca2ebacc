/**
 * Step 1 of recognition: every layout block gets a class and the evidence for
 * it, looking at its neighbours where a class depends on them (a heading is a
 * unit's when a responsible line follows it). Step 2 (assemble-document.ts)
 * folds the classified blocks into units, summaries and sheets. Each rule is a
 * small named function; `piao extract --explain` prints what they decided.
 */
import type { Block, LayoutDocument, Table } from "../extract/layout.js";
import { cleanInline } from "./clean-text.js";
import { isAllCaps } from "./person-name.js";
import { readSummaryHeader, type SummaryColumns } from "./recognize-summary.js";
import type { NormalizeSettings } from "./settings.js";
import { splitByLabels } from "./sheet-labels.js";
import { cleanUnitName } from "./unit-name.js";
import { numberedUnitHeading, responsiblePerson, type UnitHeadingData } from "./unit-heading.js";
import { SIGNATURE_LINE, SUMMARY_HEADING, UNIT_WORDS } from "./vocabulary.js";

export type { UnitHeadingData };

export type BlockClass = "summary-heading" | "unit-heading" | "responsible" | "sheet-text" | "text" | "objective-table" | "table";

export interface ClassifiedBlock {
  block: Block;
  cls: BlockClass;
  /** Why: the rules that fired, in words. */
  evidence: string[];
  unitHeading?: UnitHeadingData;
  manager?: string | null;
  summary?: { columns: SummaryColumns; firstRow: number };
}

/** A line a summary sheet opens with ("SCHEDA SINTETICA OBIETTIVI", "Sintesi degli obiettivi"). */
export function isSummaryHeading(text: string): boolean {
  return SUMMARY_HEADING.test(text.trim());
}

/** A line with sheet labels (Peso:, N°, Indicatori:, Obiettivo operativo 2 …). */
export function isSheetText(text: string): boolean {
  return splitByLabels(text).some((p) => p.field !== null && p.field !== "ignored");
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
