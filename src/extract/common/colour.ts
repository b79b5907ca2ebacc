/**
 * Cell fill colours from HTML/CSS and from OOXML shading, normalised to
 * "#rrggbb". White and "no colour" (auto, transparent, none, inherit) give null:
 * only a visible fill is a signal (a Gantt month marked by shading).
 */

/** CSS named colours that office exports actually write (Word: silver, gray; highlight names). */
const NAMED: Record<string, string> = {
  black: "#000000",
  white: "#ffffff",
  silver: "#c0c0c0",
  gray: "#808080",
  grey: "#808080",
  lightgray: "#d3d3d3",
  lightgrey: "#d3d3d3",
  darkgray: "#a9a9a9",
  darkgrey: "#a9a9a9",
  gainsboro: "#dcdcdc",
  whitesmoke: "#f5f5f5",
  dimgray: "#696969",
  dimgrey: "#696969",
  red: "#ff0000",
  maroon: "#800000",
  darkred: "#8b0000",
  yellow: "#ffff00",
  olive: "#808000",
  lime: "#00ff00",
  green: "#008000",
  darkgreen: "#006400",
  aqua: "#00ffff",
  cyan: "#00ffff",
  teal: "#008080",
  blue: "#0000ff",
  navy: "#000080",
  darkblue: "#00008b",
  fuchsia: "#ff00ff",
  magenta: "#ff00ff",
  purple: "#800080",
  orange: "#ffa500",
  lightyellow: "#ffffe0",
  lightblue: "#add8e6",
  lightgreen: "#90ee90",
  pink: "#ffc0cb",
  lightcyan: "#e0ffff",
  windowtext: "#000000",
  window: "#ffffff",
};

const WHITE = "#ffffff";

/** Parses one CSS colour value; null when it is not a colour or means "none". */
export function parseCssColour(value: string): string | null {
  const v = value
    .trim()
    .toLowerCase()
    .replace(/\s*!important$/, "");
  if (v === "") return null;
  const hex = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/.exec(v);
  if (hex && (v.startsWith("#") || /^[0-9a-f]{6}$/.test(v))) return expandHex(hex[1] as string);
  const rgb = /^rgba?\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*(?:,\s*([\d.]+)\s*)?\)$/.exec(v);
  if (rgb) {
    if (rgb[4] !== undefined && Number(rgb[4]) === 0) return null;
    return toHex([Number(rgb[1]), Number(rgb[2]), Number(rgb[3])]);
  }
  return NAMED[v] ?? null;
}

/**
 * The colour painted by a CSS `background` shorthand, `background-color` or
 * `bgcolor`: "#rrggbb" (white included), or undefined when nothing opaque is
 * declared (absent, transparent, auto), so an outer background shows through.
 */
export function cssBackground(value: string | undefined | null): string | undefined {
  if (!value) return undefined;
  for (const token of value.match(/rgba?\([^)]*\)|[^\s,]+/g) ?? []) {
    const colour = parseCssColour(token);
    if (colour !== null) return colour;
  }
  return undefined;
}

/** The background of an inline style (`background-color` wins over `background`); see cssBackground. */
export function styleBackground(style: string | undefined): string | undefined {
  if (!style) return undefined;
  const decls = parseStyle(style);
  return cssBackground(decls.get("background-color")) ?? cssBackground(decls.get("background"));
}

/** A painted colour as a fill signal: white and "nothing" are null. */
export function visibleFill(colour: string | undefined): string | null {
  return colour === undefined || colour === WHITE ? null : colour;
}

/** Inline style → map of lower-case property → value (last one wins, as in CSS). */
export function parseStyle(style: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const decl of style.split(";")) {
    const i = decl.indexOf(":");
    if (i <= 0) continue;
    out.set(decl.slice(0, i).trim().toLowerCase(), decl.slice(i + 1).trim());
  }
  return out;
}

/**
 * OOXML shading (`w:shd`, ECMA-376 17.3.5 / 17.4.32): `fill` is the background,
 * `color` the pattern colour, `val` the pattern ("clear", "solid", "pct25", "nil" …).
 * A percentage pattern is blended over the fill, as Word paints it; a stripe or
 * cross-hatch pattern by the share of the cell its lines cover.
 */
export function ooxmlShading(val: string | undefined, color: string | undefined, fill: string | undefined): string | null {
  if (val === "nil") return null;
  const background = ooxmlColour(fill) ?? WHITE;
  const pattern = ooxmlColour(color) ?? "#000000";
  let result = background;
  if (val === "solid") result = pattern;
  else {
    const pct = /^pct(\d+)$/.exec(val ?? "");
    const cover = pct ? Number(pct[1]) / 100 : PATTERN_COVER[val ?? ""];
    if (cover !== undefined) result = blend(pattern, background, Math.min(1, cover));
  }
  return result === WHITE ? null : result;
}

/** Approximate ink cover of the line patterns of ST_Shd (thick lines ≈ half the cell, thin ≈ a quarter). */
const PATTERN_COVER: Record<string, number> = {
  horzStripe: 0.5,
  vertStripe: 0.5,
  reverseDiagStripe: 0.5,
  diagStripe: 0.5,
  horzCross: 0.75,
  diagCross: 0.75,
  thinHorzStripe: 0.25,
  thinVertStripe: 0.25,
  thinReverseDiagStripe: 0.25,
  thinDiagStripe: 0.25,
  thinHorzCross: 0.4,
  thinDiagCross: 0.4,
};

/** An OOXML colour attribute ("D9D9D9", "auto") → "#rrggbb" or null. */
function ooxmlColour(v: string | undefined): string | null {
  if (!v || v.toLowerCase() === "auto") return null;
  return /^[0-9a-fA-F]{6}$/.test(v) ? `#${v.toLowerCase()}` : null;
}

function blend(fg: string, bg: string, amount: number): string {
  const a = rgbOf(fg);
  const b = rgbOf(bg);
  return toHex(a.map((x, i) => Math.round(x * amount + (b[i] as number) * (1 - amount)))) ?? bg;
}

function rgbOf(hex: string): number[] {
  return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
}

function expandHex(h: string): string {
  const full =
    h.length === 3
      ? h
          .split("")
          .map((ch) => ch + ch)
          .join("")
      : h;
  return `#${full}`;
}

function toHex(rgb: number[]): string | null {
  if (rgb.some((x) => !Number.isFinite(x) || x > 255)) return null;
  return "#" + rgb.map((x) => x.toString(16).padStart(2, "0")).join("");
}
