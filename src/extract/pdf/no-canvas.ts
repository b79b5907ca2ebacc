/**
 * Keeps pdf.js's optional canvas binding (@napi-rs/canvas, a native library of
 * tens of MB) from being loaded when pdf.js is imported. The reader asks pdf.js
 * for text and geometry only and never renders, but the pdfjs-dist legacy build
 * `require`s the binding when it is evaluated, to polyfill DOMMatrix, ImageData
 * and Path2D for rendering: about 50 ms of every cold start on the bench machine.
 *
 * How: before pdf.js is evaluated (./pdfjs.ts imports this module first; ESM
 * evaluates a module's imports in source order), a stand-in module is put into
 * require.cache under the binding's resolved file name, so pdf.js's `require`
 * returns it without loading anything; ./pdfjs.ts calls releaseCanvasStandIn()
 * once pdf.js is evaluated, so anything that asks for the binding later gets the
 * real one.
 *
 * The stand-in's DOMMatrix is a plain 2-D affine matrix with the few members
 * pdf.js's worker uses outside rendering (compileType3Glyph: `new
 * DOMMatrix().scaleSelf(…).translateSelf(…)` and a…f); ImageData and Path2D
 * are only used to paint and throw if constructed.
 */
import { createRequire } from "node:module";

class AffineMatrix {
  a = 1;
  b = 0;
  c = 0;
  d = 1;
  e = 0;
  f = 0;
  constructor(init?: ArrayLike<number>) {
    if (init && init.length >= 6) [this.a, this.b, this.c, this.d, this.e, this.f] = Array.from(init) as [number, number, number, number, number, number];
  }
  /** this × m (m applied first), as DOMMatrix.multiplySelf. */
  multiplySelf(m: { a: number; b: number; c: number; d: number; e: number; f: number }): this {
    const { a, b, c, d, e, f } = this;
    this.a = a * m.a + c * m.b;
    this.b = b * m.a + d * m.b;
    this.c = a * m.c + c * m.d;
    this.d = b * m.c + d * m.d;
    this.e = a * m.e + c * m.f + e;
    this.f = b * m.e + d * m.f + f;
    return this;
  }
  scaleSelf(sx = 1, sy = sx): this {
    return this.multiplySelf({ a: sx, b: 0, c: 0, d: sy, e: 0, f: 0 });
  }
  translateSelf(tx = 0, ty = 0): this {
    return this.multiplySelf({ a: 1, b: 0, c: 0, d: 1, e: tx, f: ty });
  }
}

class NoCanvas {
  constructor() {
    throw new Error("pdf.js rendering is not available: piao loads pdf.js for text and geometry only");
  }
}

const require = createRequire(import.meta.url);
let standInFile: string | undefined;

function installStandIn(): void {
  let file: string;
  try {
    // Resolved as pdf.js resolves it (from pdfjs-dist's own directory).
    file = createRequire(require.resolve("pdfjs-dist/package.json")).resolve("@napi-rs/canvas");
  } catch {
    return; // not installed: pdf.js's own require fails as it would anyway
  }
  if (require.cache[file]) return; // already loaded by someone else: nothing to save
  const Module = require("node:module") as { new (id: string): NodeJS.Module };
  const m = new Module(file);
  m.filename = file;
  m.loaded = true;
  m.exports = { DOMMatrix: AffineMatrix, ImageData: NoCanvas, Path2D: NoCanvas };
  require.cache[file] = m;
  standInFile = file;
}

/** Takes the stand-in out of require.cache (pdf.js has read it by now). */
export function releaseCanvasStandIn(): void {
  if (standInFile !== undefined && require.cache[standInFile]?.exports?.DOMMatrix === AffineMatrix) delete require.cache[standInFile];
  standInFile = undefined;
}

installStandIn();
