/**
 * Turns a page whose text mostly runs up or down (a table drawn rotated on an
 * upright page — a landscape table in a portrait document — or a page whose
 * /Rotate shows its upright content sideways) so that its text reads left to
 * right. Without this every rotated word is a line of its own and a ruled
 * table comes out transposed (13×10 read as 10×13). Everything on the page —
 * words, rulings, fills, marks — turns together; the page's width and height
 * swap. The direction is the text's own (its text matrix), not the page's.
 * Only rotated text in lines (several runs on one baseline, as a table's
 * rows are) counts: labels written up narrow header cells do not turn a page.
 */
import type { PdfSettings } from "../settings.js";
import type { BBox, Diagonal, PageGraphics, Ruling, Word } from "./page-model.js";
import type { RawPage } from "./read-page.js";
import { centreX } from "./grid-geometry.js";

export function turnUpright(raw: RawPage, s: PdfSettings): RawPage {
  let all = 0;
  const up: Word[] = [],
    down: Word[] = [];
  for (const w of raw.words) {
    all += w.text.length;
    if (w.upright || w.angle === undefined) continue;
    if (Math.abs(w.angle + 90) <= s.turnAngleTolerance) up.push(w);
    else if (Math.abs(w.angle - 90) <= s.turnAngleTolerance) down.push(w);
  }
  // Only text in lines counts: runs sharing their (vertical) baseline with
  // another run. Month names written up a narrow header cell stand alone.
  const inLines = (ws: Word[]) =>
    ws
      .filter((w) =>
        ws.some((o) => o !== w && Math.abs(centreX(o) - centreX(w)) <= s.lineBaselineEm * Math.min(o.size, w.size) && (o.bottom <= w.top || o.top >= w.bottom)),
      )
      .reduce((n, w) => n + w.text.length, 0);
  const upChars = inLines(up),
    downChars = inLines(down);
  if (all === 0 || Math.max(upChars, downChars) < s.turnPageShare * all) return raw;
  const W = raw.width,
    H = raw.height;
  // Text running up (-90°): turn the page clockwise, (x, y) → (H - y, x); running down: (x, y) → (y, W - x).
  const runsUp = upChars >= downChars;
  const pt = runsUp ? (x: number, y: number): [number, number] => [H - y, x] : (x: number, y: number): [number, number] => [y, W - x];
  const box = (b: BBox): BBox => {
    const [ax, ay] = pt(b.x0, b.y0),
      [bx, by] = pt(b.x1, b.y1);
    return { x0: Math.min(ax, bx), y0: Math.min(ay, by), x1: Math.max(ax, bx), y1: Math.max(ay, by) };
  };
  const words: Word[] = [];
  for (const w of raw.words) {
    const b = box({ x0: w.x0, y0: w.top, x1: w.x1, y1: w.bottom });
    const turned = !w.upright && w.angle !== undefined && Math.abs(w.angle - (runsUp ? -90 : 90)) <= s.turnAngleTolerance;
    if (!turned) {
      // Text that was upright is now sideways: it keeps its box, as rotated text does.
      words.push({ ...w, x0: b.x0, x1: b.x1, top: b.y0, bottom: b.y1, upright: false, angle: runsUp ? 90 : -90 });
      continue;
    }
    words.push(...splitWords(w, b, s));
  }
  const graphics: PageGraphics = {
    rulings: raw.graphics.rulings.map((r) => turnRuling(r, pt)),
    fills: raw.graphics.fills.map((f) => ({ ...box(f), color: f.color })),
    diagonals: raw.graphics.diagonals.map((d): Diagonal => {
      const [x0, y0] = pt(d.x0, d.y0),
        [x1, y1] = pt(d.x1, d.y1);
      return { x0, y0, x1, y1 };
    }),
    dots: raw.graphics.dots.map(box),
    imageCount: raw.graphics.imageCount,
  };
  return { number: raw.number, width: H, height: W, words, graphics };
}

function turnRuling(r: Ruling, pt: (x: number, y: number) => [number, number]): Ruling {
  const [ax, ay] = r.dir === "h" ? pt(r.start, r.pos) : pt(r.pos, r.start);
  const [bx, by] = r.dir === "h" ? pt(r.end, r.pos) : pt(r.pos, r.end);
  return r.dir === "h"
    ? { dir: "v", pos: ax, start: Math.min(ay, by), end: Math.max(ay, by) }
    : { dir: "h", pos: ay, start: Math.min(ax, bx), end: Math.max(ax, bx) };
}

/** A turned run, now upright, cut at its spaces (positions in proportion to characters, as page-words.ts does). */
function splitWords(w: Word, b: BBox, s: PdfSettings): Word[] {
  const baseline = b.y1 + s.defaultDescent * w.size;
  const perChar = (b.x1 - b.x0) / Math.max(1, w.text.length);
  const out: Word[] = [];
  const re = /\S+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(w.text)) !== null) {
    const x0 = b.x0 + m.index * perChar;
    out.push({ text: m[0], x0, x1: x0 + m[0].length * perChar, top: b.y0, bottom: b.y1, baseline, size: w.size, bold: w.bold, upright: true });
  }
  return out;
}
