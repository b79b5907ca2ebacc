/**
 * Which text runs end with a space glyph the producer drew. Writers
 * (LibreOffice, Word) keep the blank at the end of a line they wrapped and
 * draw none after a paragraph's last line, so this tells a wrap from a
 * paragraph end where widths cannot (a long next word fits neither way).
 *
 * pdf.js text items leave whitespace glyphs out, but its operator list keeps
 * every glyph of every text-showing operation. The two are aligned on their
 * non-blank characters; an item whose last glyph is followed, in the same
 * operation, by blanks only ends with a drawn space.
 */
import type { PdfSettings } from "../settings.js";
import type { Word } from "./page-model.js";
import type { TextItemLike } from "./page-words.js";

export interface OpsLike {
  argsArray: ArrayLike<unknown>;
}

interface GlyphLike {
  unicode?: unknown;
}

/** The glyph list of a text-showing operation (its args are `[glyphs]`, glyph objects or spacing numbers), else null. */
function glyphListOf(args: unknown): readonly unknown[] | null {
  return Array.isArray(args) && Array.isArray(args[0]) ? (args[0] as unknown[]) : null;
}

const BLANK = /^\s+$/;

/**
 * The text without blanks. No /u flag: every whitespace character is one UTF-16
 * unit and a surrogate half is never one, so the result is the same, and the
 * non-Unicode regex is quicker over every item and glyph of a page.
 */
export function visibleText(s: string): string {
  return (/^[\x00-\x7f]*$/.test(s) ? s : s.normalize("NFKC")).replace(/\s+/g, "");
}

/**
 * Per text item: true when it ends with a drawn space, false when not,
 * undefined for blank items. Null when items and glyphs do not align (text
 * the operator list has and the text layer lacks, or the reverse).
 */
export function runEndSpaces(items: readonly TextItemLike[], ops: OpsLike): (boolean | undefined)[] | null {
  let glyphText = "";
  const endsWithBlank = new Map<number, boolean>();
  const n = ops.argsArray.length;
  for (let i = 0; i < n; i++) {
    const list = glyphListOf(ops.argsArray[i]);
    if (!list) continue;
    let blankTail = false;
    let any = false;
    // Walked in place, not filtered into a new array: this runs over every glyph of the page.
    for (let j = 0; j < list.length; j++) {
      const g = list[j];
      if (typeof g !== "object" || g === null) continue;
      const u = (g as GlyphLike).unicode;
      if (typeof u !== "string") continue;
      // Fast path: one printable ASCII character (most glyphs) is its own visible text.
      const c = u.length === 1 ? u.charCodeAt(0) : -1;
      if (c > 0x20 && c < 0x7f) {
        glyphText += u;
        blankTail = false;
        any = true;
        continue;
      }
      // By its text, not isSpace: pdf.js sets that for code 0x20, which a subset font may give any glyph.
      if (BLANK.test(u)) {
        blankTail = any;
        continue;
      }
      const v = visibleText(u);
      if (v === "") continue;
      glyphText += v;
      blankTail = false;
      any = true;
    }
    if (any) endsWithBlank.set(glyphText.length, blankTail);
  }
  let itemText = "";
  const ends = items.map((it) => {
    const v = visibleText(it.str ?? "");
    itemText += v;
    return v === "" ? -1 : itemText.length;
  });
  if (itemText !== glyphText) return null;
  return ends.map((end) => (end < 0 ? undefined : (endsWithBlank.get(end) ?? false)));
}

/**
 * Sets `spaceAfter` on the word that ends each upright item (found by its end
 * point in viewport space), so lines built from words can tell.
 */
export function markRunEnds(
  words: Word[],
  items: readonly TextItemLike[],
  ends: ReadonlyArray<boolean | undefined>,
  viewport: readonly number[],
  s: PdfSettings,
): void {
  const byBaseline = new Map<number, Word[]>();
  const key = (y: number) => Math.round(y);
  for (const w of words) {
    if (!w.upright) continue;
    const k = key(w.baseline);
    const list = byBaseline.get(k);
    if (list) list.push(w);
    else byBaseline.set(k, [w]);
  }
  const [a, b, c, d, e, f] = viewport as [number, number, number, number, number, number];
  items.forEach((it, i) => {
    const end = ends[i];
    if (end === undefined || !it.transform) return;
    const [ta, tb, , , te, tf] = it.transform as [number, number, number, number, number, number];
    // The item's text matrix in viewport space (viewport × item), as page-words.ts computes it.
    const m0 = a * ta + c * tb,
      m1 = b * ta + d * tb;
    const ox = a * te + c * tf + e,
      oy = b * te + d * tf + f;
    const len = Math.hypot(m0, m1) || 1;
    // Where the item's last visible character ends (page-words.ts spreads the width evenly over the characters).
    const str = it.str ?? "";
    const endX = ox + (m0 / len) * ((it.width ?? 0) * (str.trimEnd().length / (str.length || 1)));
    const k0 = key(oy);
    for (let k = k0 - 1; k <= k0 + 1; k++) {
      const list = byBaseline.get(k);
      if (!list) continue;
      for (const w of list) {
        const tol = s.wordJoinEm * w.size;
        if (Math.abs(w.baseline - oy) <= tol && Math.abs(w.x1 - endX) <= tol) w.spaceAfter = end;
      }
    }
  });
}
