/**
 * Whether a Gantt cell is marked: a glyph (X, x, ●, ■, ✓, *, …), a short
 * "entro …" note, a drawn mark, or a fill — unless the whole row carries the
 * same fill (a banded row, not a mark).
 */
import type { Cell } from "../extract/layout.js";

const GLYPHS = /^[xX✓✔●■▪◼█▓▒*•✗✘☒☑⬛◆♦]+$/u;

export function isMarkText(text: string): boolean {
  const t = text.replace(/\s+/g, "");
  if (t === "") return false;
  return GLYPHS.test(t) || /^entro\b/i.test(text.trim());
}

/** `rowFill` is the fill the row's non-month cells share, when they are shaded. */
export function isMarkedCell(cell: Cell, rowFill: string | null): boolean {
  if (isMarkText(cell.text) || cell.marked) return true;
  if (!cell.shaded) return false;
  return rowFill === null || (cell.fill ?? "") !== rowFill;
}
