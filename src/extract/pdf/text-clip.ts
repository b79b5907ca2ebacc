/**
 * Text a clipping path hides. Writers clip a cell's text to the cell (Word 365
 * does for every cell), so a word too long for its cell, or a line below a row
 * of fixed height, is in the content stream but not on the page; read as it
 * is, it leaks into the neighbouring cell and glues onto its words
 * ("RicognizioneComune.").
 *
 * pdf.js's text items carry no clip, and one item can join the glyphs of
 * several text-showing operations drawn under different clips. The operator
 * list keeps every operation's glyphs, and page-graphics.ts records the clip
 * in force for each (TextRun). Items and glyphs are aligned on their
 * non-blank characters, as run-end-spaces.ts does; a character whose place
 * (estimated as page-words.ts places it: the item's width spread evenly over
 * its characters, the middle of the font box) lies outside its clip is blanked
 * out, so the words it belonged to end where the clip ends.
 */
import type { PdfSettings } from "../settings.js";
import type { BBox } from "./page-model.js";
import type { TextRun } from "./page-graphics.js";
import type { FontStyleLike, TextItemLike } from "./page-words.js";
import { visibleText } from "./run-end-spaces.js";

interface GlyphLike {
  unicode?: unknown;
}

function covers(clip: BBox, b: BBox): boolean {
  return clip.x0 <= b.x0 && clip.y0 <= b.y0 && clip.x1 >= b.x1 && clip.y1 >= b.y1;
}

/** The clip of each non-blank character the runs draw, in order, and those characters. */
function glyphClips(runs: readonly TextRun[]): { text: string; clips: (BBox | null)[] } {
  const parts: string[] = [];
  const clips: (BBox | null)[] = [];
  for (const run of runs) {
    for (let j = 0; j < run.glyphs.length; j++) {
      const g = run.glyphs[j];
      if (typeof g !== "object" || g === null) continue;
      const u = (g as GlyphLike).unicode;
      if (typeof u !== "string" || u === "") continue;
      // Fast path: one printable ASCII character (most glyphs) is its own visible text.
      const c = u.length === 1 ? u.charCodeAt(0) : -1;
      const v = c > 0x20 && c < 0x7f ? u : visibleText(u);
      parts.push(v);
      for (let k = 0; k < v.length; k++) clips.push(run.clip);
    }
  }
  return { text: parts.join(""), clips };
}

/**
 * The items with every character its clip hides replaced by a blank (so the
 * others keep their places); the items themselves when no clip can hide
 * anything on the page or items and glyphs do not align.
 */
export function hideClippedText(
  items: readonly TextItemLike[],
  runs: readonly TextRun[],
  styles: Record<string, FontStyleLike>,
  viewport: readonly number[],
  page: { width: number; height: number },
  s: PdfSettings,
): readonly TextItemLike[] {
  // Most pages: no clip, or only the page's own (Word clips every page to its box).
  const slack = s.clipPageTolerance;
  const full = { x0: slack, y0: slack, x1: page.width - slack, y1: page.height - slack };
  if (!runs.some((r) => r.clip !== null && !covers(r.clip, full))) return items;
  const glyphs = glyphClips(runs);
  const [va, vb, vc, vd, ve, vf] = viewport as [number, number, number, number, number, number];
  let at = 0; // position in glyphs.text
  let out: TextItemLike[] | null = null; // made on the first hidden character
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    const str = it.str ?? "";
    let place: ((j: number, n: number) => [number, number]) | null = null;
    let kept: string | null = null;
    let j = 0;
    for (const ch of str) {
      // Fast path: a printable ASCII character is its own visible text.
      const c = ch.length === 1 ? ch.charCodeAt(0) : -1;
      const v = c > 0x20 && c < 0x7f ? ch : visibleText(ch);
      if (v.length > 0) {
        if (!glyphs.text.startsWith(v, at)) return items; // items and glyphs do not align
        const clip = glyphs.clips[at]!;
        at += v.length;
        if (clip && it.transform) {
          place ??= placer(it, styles, va, vb, vc, vd, ve, vf, s);
          const [cx, cy] = place(j, ch.length);
          if (!(cx >= clip.x0 && cx <= clip.x1 && cy >= clip.y0 && cy <= clip.y1)) {
            kept ??= str.slice(0, j);
            kept += " ".repeat(ch.length);
            j += ch.length;
            continue;
          }
        }
      }
      if (kept !== null) kept += ch;
      j += ch.length;
    }
    if (kept !== null) {
      out ??= items.slice();
      out[i] = { ...it, str: kept };
    }
  }
  return at === glyphs.text.length ? (out ?? items) : items;
}

/**
 * Where an item's characters sit (viewport space), as page-words.ts places
 * them: the item's width spread evenly over its characters, at the middle of
 * the font box (along the normal pointing up the glyphs).
 */
function placer(
  it: TextItemLike,
  styles: Record<string, FontStyleLike>,
  va: number,
  vb: number,
  vc: number,
  vd: number,
  ve: number,
  vf: number,
  s: PdfSettings,
): (j: number, n: number) => [number, number] {
  const tm = it.transform!;
  const t0 = va * tm[0]! + vc * tm[1]!,
    t1 = vb * tm[0]! + vd * tm[1]!;
  const t2 = va * tm[2]! + vc * tm[3]!,
    t3 = vb * tm[2]! + vd * tm[3]!;
  const ox = va * tm[4]! + vc * tm[5]! + ve,
    oy = vb * tm[4]! + vd * tm[5]! + vf;
  const size = Math.hypot(t2, t3) || Math.hypot(t0, t1);
  const len = Math.hypot(t0, t1) || 1;
  const dx = t0 / len,
    dy = t1 / len;
  const style = styles[it.fontName ?? ""] ?? {};
  const asc = (style.ascent && style.ascent > 0 ? style.ascent : s.defaultAscent) * size;
  const desc = (style.descent && style.descent < 0 ? style.descent : s.defaultDescent) * size;
  const mid = (asc + desc) / 2;
  const perChar = (it.width ?? 0) / ((it.str ?? "").length || 1);
  return (j, n) => {
    const along = (j + n / 2) * perChar;
    return [ox + dx * along + dy * mid, oy + dy * along - dx * mid];
  };
}
