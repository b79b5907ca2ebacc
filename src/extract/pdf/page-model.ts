/**
 * Plain geometry of one PDF page in viewport space (top-left origin, y down,
 * rotation applied), produced from pdf.js and consumed by the table builders.
 */
import type { BBox } from "../layout.js";

export type { BBox };

/** Where a run of text sits on the page and how it is set: a word's, a line's. */
export interface TextExtent {
  x0: number;
  x1: number;
  top: number;
  bottom: number;
  baseline: number;
  size: number;
  bold: boolean;
}

/** A word (or word piece joined with its neighbours) on one baseline. */
export interface Word extends TextExtent {
  text: string;
  /** False for rotated text, which never joins horizontal lines. */
  upright: boolean;
  /** Rotated text only: its direction in degrees in viewport space (y down: -90 runs up the page, 90 down). */
  angle?: number;
  /**
   * At the end of a text run: whether the producer drew a space glyph after it
   * (see run-end-spaces.ts). Unset inside a run or when the page's runs could not be told.
   */
  spaceAfter?: boolean;
}

/** An axis-aligned ruling after classification: `pos` is y (horizontal) or x (vertical). */
export interface Ruling {
  dir: "h" | "v";
  pos: number;
  start: number;
  end: number;
}

/** A non-white filled rectangle (cell shading, coloured bars, filled marks). */
export interface FillRect extends BBox {
  color: string;
}

/** A straight diagonal stroke, a candidate for an "X" or tick drawn in a cell. */
export interface Diagonal {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PageGraphics {
  rulings: Ruling[];
  fills: FillRect[];
  diagonals: Diagonal[];
  /** Small filled non-rectangular shapes (dots, bullets drawn as paths). */
  dots: BBox[];
  imageCount: number;
}

export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

export function roundBox(b: BBox): BBox {
  return { x0: round2(b.x0), y0: round2(b.y0), x1: round2(b.x1), y1: round2(b.y1) };
}
