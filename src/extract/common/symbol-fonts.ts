/**
 * Symbol fonts → Unicode, for the characters plans use as marks and bullets.
 * Word stores a symbol inserted from a font as w:sym (font + a private-use code
 * F0xx), and text typed in a symbol font as ordinary characters ("ü" in
 * Wingdings is a tick; Word's HTML writes it as `<span style="font-family:Wingdings">ü</span>`):
 * all are mapped here so the normaliser sees the glyph
 * the reader of the page sees (✓, ☒ …), not "ü" or a private-use code. The PDF
 * reader uses the same tables for text in these fonts and for private-use glyphs.
 *
 * Codes as the fonts' own glyph names say (Wingdings: 0xFB xmarkbld ✗, 0xFC checkbld ✓,
 * 0xFD boxxmarkbld ☒, 0xFE boxcheckbld ☑).
 */

type FontMap = Record<number, string>;

/** Wingdings (the default for w:sym without a known font, as before). */
const WINGDINGS: FontMap = {
  0xfc: "✓",
  0xfb: "✗",
  0xfd: "☒",
  0xfe: "☑",
  0xa8: "☐",
  0x6f: "☐",
  0x71: "☐",
  0x78: "☒",
  0x6c: "●",
  0x6e: "■",
  0xa7: "▪",
  0x9f: "•",
  0xd8: "➢",
  0xe0: "→",
  0xa1: "○",
  0x77: "◆",
  0x75: "◆",
};

/** Wingdings 2: "P" is its tick, "O" its cross, "S"/"T"/"Q" boxed crosses, "R" a boxed tick, "£" an empty box. */
const WINGDINGS_2: FontMap = {
  0x50: "✓",
  0x4f: "✗",
  0x51: "☒",
  0x52: "☑",
  0x53: "☒",
  0x54: "☒",
  0xa3: "☐",
  0x97: "●",
  0x98: "●",
  0xa2: "■",
};

/** Symbol: the bullet, times sign and radical (√, often used as a tick). */
const SYMBOL: FontMap = { 0xb7: "•", 0xb4: "×", 0xd6: "✓", 0xa8: "◆", 0xd7: "⋅" };

/**
 * Private-use glyphs (U+F0xx) whose font is not known, as a PDF without a usable
 * ToUnicode map leaves them: Wingdings, and Symbol's bullet (F0B7, Word's default bullet).
 */
const PRIVATE_USE: FontMap = { ...WINGDINGS, 0xb7: "•" };

function fontMap(font: string | undefined): FontMap | null {
  const f = (font ?? "").trim().toLowerCase();
  if (f === "wingdings 2") return WINGDINGS_2;
  if (f === "symbol") return SYMBOL;
  if (f === "wingdings" || f === "") return WINGDINGS;
  return null;
}

/**
 * The Wingdings family of a PDF font name ("BAAAAA+Wingdings-Regular" → "wingdings",
 * "Wingdings2" → "wingdings 2"), else null: PDF text in those fonts is mapped like a
 * Word run's (symbolFontText). Symbol is left out: PDF producers embed it with a
 * Unicode map, so its text is already the glyphs.
 */
export function wingdingsFont(pdfFontName: string | undefined): string | null {
  const m = /wingdings[\s-]*(2|3)?/i.exec(pdfFontName ?? "");
  if (!m) return null;
  return m[1] ? `wingdings ${m[1]}` : "wingdings";
}

/** Private-use glyphs (U+F000-U+F0FF) of an unknown font → the characters a reader sees; other text unchanged. */
export function privateUseText(text: string): string {
  return text.replace(/[\uf000-\uf0ff]/g, (ch) => PRIVATE_USE[ch.charCodeAt(0) - 0xf000] ?? ch);
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
  return fontMap(font.trim().toLowerCase() || "-") !== null;
}

/** Text of a run set in a symbol font, the characters that are marks mapped; other fonts unchanged. */
export function symbolFontText(font: string, text: string): string {
  const f = font.trim().toLowerCase();
  if (!isSymbolFont(f)) return text;
  const map = fontMap(f) ?? WINGDINGS;
  return [...text]
    .map((ch) => {
      const cp = ch.codePointAt(0) as number;
      return map[cp >= 0xf000 && cp <= 0xf0ff ? cp - 0xf000 : cp] ?? ch;
    })
    .join("");
}
