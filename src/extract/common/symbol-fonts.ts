/**
 * Symbol fonts → Unicode, for the characters plans use as marks and bullets.
 * Word stores a symbol inserted from a font as w:sym (font + a private-use code
 * F0xx), and text typed in a symbol font as ordinary characters ("ü" in
 * Wingdings is a tick; Word's HTML writes it as `<span style="font-family:Wingdings">ü</span>`):
 * all are mapped here so the normaliser sees the glyph
 * the reader of the page sees (✓, ☒ …), not "ü" or a private-use code.
 */

type FontMap = Record<number, string>;

/** Wingdings (the default for w:sym without a known font, as before). */
const WINGDINGS: FontMap = {
  0xfc: "✓", 0xfb: "✗", 0xfd: "☒", 0xfe: "☑", 0xa8: "☐", 0x6f: "☐", 0x71: "☐", 0x78: "☒",
  0x6c: "●", 0x6e: "■", 0xa7: "▪", 0x9f: "•", 0xd8: "➢", 0xe0: "→", 0xa1: "○", 0x77: "◆", 0x75: "◆",
};

/** Wingdings 2: "P" is its tick, "O" its cross, "S"/"T"/"Q" boxed crosses, "R" a boxed tick, "£" an empty box. */
const WINGDINGS_2: FontMap = {
  0x50: "✓", 0x4f: "✗", 0x51: "☒", 0x52: "☑", 0x53: "☒", 0x54: "☒", 0xa3: "☐", 0x97: "●", 0x98: "●", 0xa2: "■",
};

/** Symbol: the bullet, times sign and radical (√, often used as a tick). */
const SYMBOL: FontMap = { 0xb7: "•", 0xb4: "×", 0xd6: "✓", 0xa8: "◆", 0xd7: "⋅" };

function fontMap(font: string | undefined): FontMap | null {
  const f = (font ?? "").trim().toLowerCase();
  if (f === "wingdings 2") return WINGDINGS_2;
  if (f === "symbol") return SYMBOL;
  if (f === "wingdings" || f === "") return WINGDINGS;
  return null;
}

/**
 * A w:sym (font, hex char code "F0FC" or "FC") as text; unknown codes of a
 * symbol font keep their code point, as before; null when the code is not hex.
 */
export function symbolGlyph(font: string | undefined, char: string): string | null {
  const code = parseInt(char, 16);
  if (!/^[0-9a-fA-F]{1,4}$/.test(char) || !Number.isFinite(code)) return null;
  const low = code >= 0xf000 ? code - 0xf000 : code;
  const mapped = (fontMap(font) ?? WINGDINGS)[low];
  if (mapped !== undefined) return mapped;
  return String.fromCodePoint(code < 0x100 ? 0xf000 + code : code);
}

/** Whether text set in this font is mapped by symbolFontText. */
export function isSymbolFont(font: string): boolean {
  const f = font.trim().toLowerCase();
  return f === "wingdings" || f === "wingdings 2" || f === "symbol";
}

/** Text of a run set in a symbol font, the characters that are marks mapped; other fonts unchanged. */
export function symbolFontText(font: string, text: string): string {
  const f = font.trim().toLowerCase();
  if (!isSymbolFont(f)) return text;
  const map = fontMap(f) as FontMap;
  return [...text].map((ch) => {
    const cp = ch.codePointAt(0) as number;
    return map[cp >= 0xf000 && cp <= 0xf0ff ? cp - 0xf000 : cp] ?? ch;
  }).join("");
}
