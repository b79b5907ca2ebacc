/**
 * Pairs each objective sheet with its summary row: by number, title likeness,
 * weight and the unit it is printed under. A sheet printed under another unit's
 * heading still goes where its content says. Unpaired sheets are orphans.
 */
import type { DetailSheet } from "./plan-schema.js";
import type { SheetRead, UnitDraft } from "./recognize-document.js";
import type { NormalizeSettings } from "./settings.js";
import { titleLikeness } from "./title-likeness.js";
import { sameUnit } from "./unit-name.js";
import { samePerson } from "./person-name.js";

export interface Pairing {
  /** Summary row → sheet read (index into sheets), per unit. */
  byRow: Map<string, number>;
  /** Sheets matched to no row, with the unit they are filed under (null: a unit of their own). */
  orphans: Array<{ sheet: number; unit: number | null }>;
  /** Sheets matched by number against a title too different (TITLE_MISMATCH). */
  titleMismatch: Set<number>;
}

export const rowKey = (unit: number, row: number) => `${unit}:${row}`;

/** Weights: score terms; only their order matters. */
const SCORE = { number: 3, title: 3, weight: 2, context: 1, declaredUnit: 1 } as const;

function weightsEqual(a: number | null, b: number | null, tol: number): boolean {
  return a !== null && b !== null && Math.abs(a - b) <= tol;
}

function sheetNamesUnit(sheet: DetailSheet, unit: UnitDraft): boolean {
  return (sheet.unitName !== null || sheet.manager !== null) && sameUnit(sheet.unitName, unit.name) && samePerson(sheet.manager, unit.manager);
}

export function matchObjectives(units: UnitDraft[], sheets: SheetRead[], settings: NormalizeSettings): Pairing {
  const byRow = new Map<string, number>();
  const orphans: Pairing["orphans"] = [];
  const titleMismatch = new Set<number>();
  sheets.forEach((read, s) => {
    const sheet = read.sheet;
    let best: { key: string; score: number } | null = null;
    units.forEach((unit, u) => {
      unit.rows.forEach((row, r) => {
        const key = rowKey(u, r);
        if (byRow.has(key)) return;
        const sameNumber = row.number !== null && row.number === sheet.number;
        const likeness = titleLikeness(row.title, sheet.title);
        const acceptable = (sameNumber && likeness >= settings.titleMismatchBelow) || likeness >= settings.titleSameFrom;
        if (!acceptable) return;
        const score =
          (sameNumber ? SCORE.number : 0) +
          SCORE.title * likeness +
          (weightsEqual(row.weight, sheet.weight, settings.weightTolerance) ? SCORE.weight : 0) +
          (read.contextUnit === u ? SCORE.context : 0) +
          (sheetNamesUnit(sheet, unit) ? SCORE.declaredUnit : 0);
        if (!best || score > best.score) best = { key, score };
      });
    });
    if (best) {
      byRow.set((best as { key: string }).key, s);
      return;
    }
    // Same number in the unit it is printed under, but another title: the same slot, reported.
    const u = read.contextUnit;
    if (u !== null && sheet.number !== null) {
      const r = units[u]!.rows.findIndex((row, i) => row.number === sheet.number && !byRow.has(rowKey(u, i)));
      if (r >= 0) {
        byRow.set(rowKey(u, r), s);
        titleMismatch.add(s);
        return;
      }
    }
    // An orphan is filed under the unit it names, else the unit it is printed under.
    const named = units.findIndex((unit) => sheet.unitName !== null && sameUnit(sheet.unitName, unit.name));
    orphans.push({ sheet: s, unit: named >= 0 ? named : u });
  });
  return { byRow, orphans, titleMismatch };
}
