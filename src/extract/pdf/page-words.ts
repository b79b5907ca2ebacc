/**
 * Turns pdf.js text items into words in viewport space.
 *
 * Items are runs in content-stream order; a run may hold several words or half
 * a word. Runs are split at spaces (word positions estimated in proportion to
 * characters, pdf.js gives no glyph widths) and touching pieces on one baseline
 * are joined back, so "Ge"+"n" kerning splits become one word.
 */
import type { PdfSettings } from "../settings.js";
import type { Word } from "./page-model.js";
import { privateUseText, symbolFontText, wingdingsFont } from "../common/symbol-fonts.js";

export interface TextItemLike {
  str?: string;
  transform?: number[];
  width?: number;
  fontName?: string;
}

export interface FontStyleLike {
  ascent?: number;
  descent?: number;
  fontFamily?: string;
}

/**
 * Text as a reader of the page sees it: in a Wingdings font, its letters are marks
 * ("ü" is a tick); in any font, private-use codes (U+F0xx, left by symbol fonts without
 * a usable ToUnicode map) are the symbol font's glyphs. One table: common/symbol-fonts.ts.
 */
function mapGlyphs(str: string, wingdings: string | null): string {
  return privateUseText(wingdings === null ? str : symbolFontText(wingdings, str));
}

/** Font facts itemsToWords needs per item, worked out once per font id. */
interface FontFacts {
  /** The Wingdings font the item is set in ("wingdings", "wingdings 2"), else null. */
  wingdings: string | null;
  bold: boolean;
}

const BOLD_NAME = /bold|black|heavy|semibold|demibold|extrabold|ultrabold|-bd\b|,bd\b/i;

export function isBoldFont(name: string | undefined, family: string | undefined): boolean {
  return BOLD_NAME.test(name ?? "") || BOLD_NAME.test(family ?? "");
}

/**
 * `fontNameOf` resolves pdf.js's loaded font id (g_d0_f1) to the PDF font name
 * (BAAAAA+LiberationSans-Bold), which is where the weight is written.
 */
export function itemsToWords(
  items: readonly TextItemLike[],
  styles: Record<string, FontStyleLike>,
  viewport: number[],
  fontNameOf: (id: string) => string | undefined,
  s: PdfSettings,
): Word[] {
  const pieces: Word[] = [];
  const fontCache = new Map<string, FontFacts>();
  // The viewport matrix, for Util.transform(viewport, item) written out (same
  // products in the same order) so no array is made per item.
  const [va, vb, vc, vd, ve, vf] = viewport as [number, number, number, number, number, number];
  for (const it of items) {
    // /\S/ is trim()'s complement (both use WhiteSpace and LineTerminator), without a copy.
    if (!it.str || !it.transform || !/\S/.test(it.str)) continue;
    const tm = it.transform;
    const t0 = va * tm[0]! + vc * tm[1]!,
      t1 = vb * tm[0]! + vd * tm[1]!;
    const t2 = va * tm[2]! + vc * tm[3]!,
      t3 = vb * tm[2]! + vd * tm[3]!;
    const t4 = va * tm[4]! + vc * tm[5]! + ve,
      t5 = vb * tm[4]! + vd * tm[5]! + vf;
    const fontId = it.fontName ?? "";
    const style = styles[fontId] ?? {};
    let facts = fontCache.get(fontId);
    if (facts === undefined) {
      const pdfFont = fontNameOf(fontId);
      facts = { wingdings: wingdingsFont(pdfFont), bold: isBoldFont(pdfFont, style.fontFamily) };
      fontCache.set(fontId, facts);
    }
    const str = mapGlyphs(it.str, facts.wingdings);
    const bold = facts.bold;
    const size = Math.hypot(t2, t3) || Math.hypot(t0, t1);
    if (!(size > 0)) continue;
    const ux = t0,
      uy = t1;
    const len = Math.hypot(ux, uy) || 1;
    const dirx = ux / len,
      diry = uy / len;
    const upright = Math.abs(diry) < 0.05 && dirx > 0;
    const asc = (style.ascent && style.ascent > 0 ? style.ascent : s.defaultAscent) * size;
    const desc = (style.descent && style.descent < 0 ? style.descent : s.defaultDescent) * size;
    const width = it.width ?? 0;
    const ox = t4,
      oy = t5;
    if (!upright) {
      // Rotated text: one piece with its rotated box; it stays whole.
      const ex = ox + dirx * width,
        ey = oy + diry * width;
      // Normal pointing "up" from the baseline in viewport space.
      const nx = diry,
        ny = -dirx;
      const xs = [ox + nx * asc, ox + nx * desc, ex + nx * asc, ex + nx * desc];
      const ys = [oy + ny * asc, oy + ny * desc, ey + ny * asc, ey + ny * desc];
      pieces.push({
        text: str.trim(),
        x0: Math.min(...xs),
        x1: Math.max(...xs),
        top: Math.min(...ys),
        bottom: Math.max(...ys),
        baseline: oy,
        size,
        bold,
        upright: false,
        angle: Math.round((Math.atan2(diry, dirx) * 180) / Math.PI),
      });
      continue;
    }
    const perChar = width / str.length;
    const re = /\S+/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(str)) !== null) {
      const x0 = ox + m.index * perChar;
      pieces.push({
        text: m[0],
        x0,
        x1: x0 + m[0].length * perChar,
        top: oy - asc,
        bottom: oy - desc,
        baseline: oy,
        size,
        bold,
        upright: true,
      });
    }
  }
  return joinTouching(pieces, s);
}

/** Joins pieces on the same baseline whose gap is below wordJoinEm (split runs, kerning). */
function joinTouching(pieces: Word[], s: PdfSettings): Word[] {
  const upright: Word[] = [];
  const rotated: Word[] = [];
  for (const w of pieces) (w.upright ? upright : rotated).push(w);
  upright.sort((a, b) => a.baseline - b.baseline || a.x0 - b.x0);
  const out: Word[] = [];
  // Sorting by exact baseline keeps pieces of one line adjacent only when their
  // baselines are equal; group with tolerance first, then sort each group by x.
  let i = 0;
  while (i < upright.length) {
    const first = upright[i]!;
    let j = i + 1;
    while (j < upright.length && upright[j]!.baseline - first.baseline <= s.lineBaselineEm * first.size * 0.5) j++;
    const group = upright.slice(i, j).sort((a, b) => a.x0 - b.x0);
    let cur: Word | null = null;
    let last: Word | null = null;
    for (const w of group) {
      // Text painted twice at (almost) the same place: fake bold or a producer's shadow.
      if (last && last.text === w.text && Math.abs(last.x0 - w.x0) <= s.wordJoinEm * w.size && Math.abs(last.baseline - w.baseline) <= s.wordJoinEm * w.size)
        continue;
      last = w;
      const gap = cur ? w.x0 - cur.x1 : Infinity;
      if (cur && gap <= s.wordJoinEm * Math.min(cur.size, w.size) && gap >= -0.5 * w.size) {
        const prev: Word = cur;
        cur = {
          ...prev,
          text: prev.text + w.text,
          x1: Math.max(prev.x1, w.x1),
          top: Math.min(prev.top, w.top),
          bottom: Math.max(prev.bottom, w.bottom),
          bold: prev.bold && w.bold,
        };
        out[out.length - 1] = cur;
      } else {
        // The piece itself: pieces are this function's own, and a join makes a new word.
        cur = w;
        out.push(cur);
      }
    }
    i = j;
  }
  return out.concat(rotated);
}
