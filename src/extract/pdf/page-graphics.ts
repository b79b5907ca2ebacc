/**
 * Walks a page's operator list and sorts what it paints into rulings, fills,
 * diagonal strokes and dots, all in viewport space. No rendering.
 *
 * Tracks the graphics state pdf.js leaves to the consumer: the CTM stack
 * (save/restore/transform, form XObjects), fill/stroke colours, line width and
 * the clip, kept as a box (clip paths by their bounding box, intersected;
 * form XObject and group boxes clip too), which text-clip.ts needs to tell
 * text a clip hides.
 */
import { OPS, Util } from "./pdfjs.js";
import type { PdfSettings } from "../settings.js";
import { decodePath } from "./decode-path.js";
import type { BBox, Diagonal, PageGraphics } from "./page-model.js";

type Matrix = number[];

interface GState {
  ctm: Matrix;
  fill: string | null;
  stroke: string | null;
  lineWidth: number;
  /** The clip's bounding box in viewport space (empty when x0 > x1 or y0 > y1); null: no clip. */
  clip: BBox | null;
}

/** One text-showing operation: its glyph list (pdf.js glyph objects and spacing numbers) and the clip in force. */
export interface TextRun {
  glyphs: readonly unknown[];
  clip: BBox | null;
}

export interface OperatorListLike {
  fnArray: ArrayLike<number>;
  argsArray: ArrayLike<unknown>;
}

const FILL_OPS = new Set<number>([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
const STROKE_OPS = new Set<number>([OPS.stroke, OPS.closeStroke, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);

/**
 * `viewport` is the page viewport transform (user space → top-left, y-down).
 * When `textRuns` is given, every text-showing operation is appended to it in order.
 */
export function readPageGraphics(ops: OperatorListLike, viewport: Matrix, s: PdfSettings, textRuns?: TextRun[]): PageGraphics {
  const out: PageGraphics = { rulings: [], fills: [], diagonals: [], dots: [], imageCount: 0 };
  let st: GState = { ctm: [1, 0, 0, 1, 0, 0], fill: "#000000", stroke: "#000000", lineWidth: 1, clip: null };
  const stack: GState[] = [];
  // Set by clip/eoClip: the next path (usually painted with endPath) becomes part of the clip.
  let pendingClip = false;
  const n = ops.fnArray.length;
  for (let i = 0; i < n; i++) {
    const fn = ops.fnArray[i]!;
    const args = ops.argsArray[i] as unknown[] | null;
    switch (fn) {
      case OPS.save:
        stack.push({ ...st });
        break;
      case OPS.restore:
        st = stack.pop() ?? st;
        break;
      case OPS.transform:
        if (args && args.length >= 6) st.ctm = Util.transform(st.ctm, args as number[]);
        break;
      case OPS.paintFormXObjectBegin: {
        stack.push({ ...st });
        const m = args?.[0] as ArrayLike<number> | null | undefined;
        if (m && m.length >= 6) st.ctm = Util.transform(st.ctm, Array.from(m));
        // A form draws nothing outside its /BBox.
        const bbox = args?.[1] as ArrayLike<number> | null | undefined;
        if (bbox && bbox.length >= 4) st.clip = intersect(st.clip, rectBox(bbox, Util.transform(viewport, st.ctm)));
        break;
      }
      case OPS.paintFormXObjectEnd:
        st = stack.pop() ?? st;
        break;
      case OPS.beginGroup: {
        // A transparency group: a save, clipped to its box (under its own matrix, as pdf.js paints it).
        stack.push({ ...st });
        const g = args?.[0] as { bbox?: ArrayLike<number> | null; matrix?: ArrayLike<number> | null } | undefined;
        if (g?.bbox && g.bbox.length >= 4) {
          const m = g.matrix && g.matrix.length >= 6 ? Util.transform(st.ctm, Array.from(g.matrix)) : st.ctm;
          st.clip = intersect(st.clip, rectBox(g.bbox, Util.transform(viewport, m)));
        }
        break;
      }
      case OPS.endGroup:
        st = stack.pop() ?? st;
        break;
      case OPS.clip:
      case OPS.eoClip:
        pendingClip = true;
        break;
      case OPS.showText:
        if (textRuns && Array.isArray(args?.[0])) textRuns.push({ glyphs: args[0] as unknown[], clip: st.clip });
        break;
      case OPS.setFillRGBColor:
        st.fill = typeof args?.[0] === "string" ? (args[0] as string) : null;
        break;
      case OPS.setStrokeRGBColor:
        st.stroke = typeof args?.[0] === "string" ? (args[0] as string) : null;
        break;
      case OPS.setFillColorN:
      case OPS.shadingFill:
        // Patterns and smooth shadings: colour unknown, never counted as shading.
        if (fn === OPS.setFillColorN) st.fill = null;
        break;
      case OPS.setLineWidth:
        if (typeof args?.[0] === "number") st.lineWidth = args[0] as number;
        break;
      case OPS.setGState:
        for (const entry of (args?.[0] as [string, unknown][] | undefined) ?? []) {
          if (entry[0] === "LW" && typeof entry[1] === "number") st.lineWidth = entry[1];
        }
        break;
      case OPS.paintImageXObject:
      case OPS.paintInlineImageXObject:
      case OPS.paintImageMaskXObject:
        out.imageCount++;
        break;
      case OPS.constructPath:
        if (!args) break;
        if (pendingClip) {
          pendingClip = false;
          const box = pathBox(args, Util.transform(viewport, st.ctm));
          if (box) st.clip = intersect(st.clip, box);
        }
        addPath(args, st, viewport, s, out);
        break;
    }
  }
  return out;
}

function addPath(args: unknown[], st: GState, viewport: Matrix, s: PdfSettings, out: PageGraphics): void {
  const paint = args[0] as number;
  if (paint === OPS.endPath) return; // clip paths are never drawn
  const data = (args[1] as (ArrayLike<number> | null)[] | undefined)?.[0];
  if (!data) return;
  const m = Util.transform(viewport, st.ctm);
  const scale = Math.sqrt(Math.abs(m[0]! * m[3]! - m[1]! * m[2]!));
  const fills = FILL_OPS.has(paint);
  const strokes = STROKE_OPS.has(paint);
  for (const sub of decodePath(data)) {
    const pts: number[] = [];
    for (let k = 0; k + 1 < sub.points.length; k += 2) {
      const x = sub.points[k]!,
        y = sub.points[k + 1]!;
      pts.push(m[0]! * x + m[2]! * y + m[4]!, m[1]! * x + m[3]! * y + m[5]!);
    }
    if (pts.length < 2) continue;
    if (fills) addFilled(pts, sub.curved, st.fill, s, out);
    if (strokes && st.stroke !== null) addStroked(pts, sub.closed, st.lineWidth * scale, st.stroke, s, out);
  }
}

/** The four corners of a user-space rectangle [x0, y0, x1, y1] through m, boxed. */
function rectBox(r: ArrayLike<number>, m: Matrix): BBox {
  const pts: number[] = [];
  for (const [x, y] of [
    [r[0]!, r[1]!],
    [r[2]!, r[1]!],
    [r[2]!, r[3]!],
    [r[0]!, r[3]!],
  ] as const) {
    pts.push(m[0]! * x + m[2]! * y + m[4]!, m[1]! * x + m[3]! * y + m[5]!);
  }
  return boxOf(pts);
}

/**
 * A constructPath's bounding box in viewport space: from pdf.js's minMax (which
 * counts curves' extremes), else from the path's points. Null for no path.
 */
function pathBox(args: unknown[], m: Matrix): BBox | null {
  const minMax = args[2] as ArrayLike<number> | null | undefined;
  if (minMax && minMax.length >= 4 && Number.isFinite(minMax[0]) && minMax[0]! <= minMax[2]!) return rectBox(minMax, m);
  const data = (args[1] as (ArrayLike<number> | null)[] | undefined)?.[0];
  if (!data) return null;
  const pts: number[] = [];
  for (const sub of decodePath(data)) {
    for (let k = 0; k + 1 < sub.points.length; k += 2) {
      const x = sub.points[k]!,
        y = sub.points[k + 1]!;
      pts.push(m[0]! * x + m[2]! * y + m[4]!, m[1]! * x + m[3]! * y + m[5]!);
    }
  }
  return pts.length ? boxOf(pts) : null;
}

/** The clip after intersecting with a new box; may come out empty (x0 > x1), which hides everything. */
function intersect(clip: BBox | null, b: BBox): BBox {
  if (!clip) return b;
  return { x0: Math.max(clip.x0, b.x0), y0: Math.max(clip.y0, b.y0), x1: Math.min(clip.x1, b.x1), y1: Math.min(clip.y1, b.y1) };
}

function boxOf(pts: number[]): BBox {
  let x0 = Infinity,
    y0 = Infinity,
    x1 = -Infinity,
    y1 = -Infinity;
  for (let k = 0; k + 1 < pts.length; k += 2) {
    const x = pts[k]!,
      y = pts[k + 1]!;
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  return { x0, y0, x1, y1 };
}

/** True when every edge of the polygon runs along an axis (a rectangle, maybe degenerate). */
function isAxisAligned(pts: number[], tol: number): boolean {
  const n = pts.length / 2;
  for (let k = 0; k < n; k++) {
    const j = (k + 1) % n;
    const dx = Math.abs(pts[2 * j]! - pts[2 * k]!),
      dy = Math.abs(pts[2 * j + 1]! - pts[2 * k + 1]!);
    if (dx > tol && dy > tol) return false;
  }
  return true;
}

export function isWhite(color: string, level: number): boolean {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (!m) return false;
  return [m[1], m[2], m[3]].every((h) => parseInt(h!, 16) >= level);
}

function addFilled(pts: number[], curved: boolean, color: string | null, s: PdfSettings, out: PageGraphics): void {
  if (color === null || isWhite(color, s.whiteLevel)) return;
  const b = boxOf(pts);
  const w = b.x1 - b.x0,
    h = b.y1 - b.y0;
  if (!curved && pts.length <= 10 && isAxisAligned(pts, s.axisTolerance)) {
    if (Math.min(w, h) <= s.thinRectMax) {
      // Word/Excel/LibreOffice often draw borders as thin filled rectangles.
      if (w >= h) out.rulings.push({ dir: "h", pos: (b.y0 + b.y1) / 2, start: b.x0, end: b.x1 });
      else out.rulings.push({ dir: "v", pos: (b.x0 + b.x1) / 2, start: b.y0, end: b.y1 });
      return;
    }
    out.fills.push({ ...b, color: color.toLowerCase() });
    return;
  }
  if (w <= s.markMaxSize && h <= s.markMaxSize) out.dots.push(b);
}

function addStroked(pts: number[], closed: boolean, width: number, color: string, s: PdfSettings, out: PageGraphics): void {
  const n = pts.length / 2;
  const half = width / 2;
  const last = closed ? n : n - 1;
  for (let k = 0; k < last; k++) {
    const j = (k + 1) % n;
    const ax = pts[2 * k]!,
      ay = pts[2 * k + 1]!,
      bx = pts[2 * j]!,
      by = pts[2 * j + 1]!;
    const dx = Math.abs(bx - ax),
      dy = Math.abs(by - ay);
    if (width > s.thinRectMax && (dx <= s.axisTolerance || dy <= s.axisTolerance)) {
      // A thick stroke is a painted bar (a Gantt bar drawn as a line), not a border.
      if (!isWhite(color, s.whiteLevel)) {
        out.fills.push({
          x0: Math.min(ax, bx) - (dx <= s.axisTolerance ? half : 0),
          x1: Math.max(ax, bx) + (dx <= s.axisTolerance ? half : 0),
          y0: Math.min(ay, by) - (dy <= s.axisTolerance ? half : 0),
          y1: Math.max(ay, by) + (dy <= s.axisTolerance ? half : 0),
          color: color.toLowerCase(),
        });
      }
    } else if (dy <= s.axisTolerance && dx > 0) {
      out.rulings.push({ dir: "h", pos: (ay + by) / 2, start: Math.min(ax, bx), end: Math.max(ax, bx) });
    } else if (dx <= s.axisTolerance && dy > 0) {
      out.rulings.push({ dir: "v", pos: (ax + bx) / 2, start: Math.min(ay, by), end: Math.max(ay, by) });
    } else if (dx > 0 && dy > 0) {
      out.diagonals.push({ x0: ax, y0: ay, x1: bx, y1: by } satisfies Diagonal);
    }
  }
}
