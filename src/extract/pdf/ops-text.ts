/**
 * pdf.js's text items, made from the operator list instead of a second parse.
 *
 * page.getTextContent() parses every content stream again after
 * page.getOperatorList() has (about 45% of pdf.js's time for the reader). The
 * operator list already holds every text-showing operation with its glyphs
 * (unicode, width, char code) and the text state operators around it
 * (Tf, Tm, Td, TD, T*, Tc, Tw, Tz, TL, Ts, q/Q, cm, form XObjects). This module
 * replays pdf.js 5.6.205's text-content builder (PartialEvaluator.getTextContent
 * in pdf.worker.mjs: buildTextContentItem, compareWithLastPosition,
 * addFakeSpaces, flushTextContentItem…) over them, with the same arithmetic
 * in the same order, so the items come out the same (tests/extract/pdf/
 * ops-text.test.ts compares them with getTextContent on every fixture page).
 *
 * What the operator list changes and how it is undone:
 * - Tm and a form's /Matrix reach it as Float32Array; the numbers pdf.js parsed
 *   are recovered as the shortest decimal that rounds to the same float32
 *   (exact for numbers of up to 6 significant digits, which is what writers
 *   put there), or taken from the form's group, which keeps them as parsed.
 * - Tf carries pdf.js's font id instead of the resource name: fonts are told
 *   apart by id, and their facts come from page.commonObjs.
 * - Annotations' appearance streams are in the list and not in the text: skipped.
 *
 * Where the replay would not be sure to match, it returns null and the reader
 * asks pdf.js for the text content as before: Type3 or vertical fonts, a font
 * set from an ExtGState, text that needs the bidi algorithm (right-to-left
 * scripts), a font pdf.js did not hand over.
 */
import { OPS, Util } from "./pdfjs.js";
import type { FontStyleLike, TextItemLike } from "./page-words.js";
import type { OperatorListLike } from "./page-graphics.js";

/** The facts about a loaded font the text builder reads (pdf.js's FontFaceObject has them). */
export interface OpsFont {
  name?: string;
  vertical?: boolean;
  fontMatrix?: number[];
  isType3Font?: boolean;
  ascent?: number;
  descent?: number;
  fallbackName?: string;
}

/** A text item as getTextContent gives it. */
export interface OpsTextItem extends TextItemLike {
  str: string;
  dir: string;
  width: number;
  height: number;
  transform: number[];
  fontName: string;
  hasEOL: boolean;
}

export interface OpsTextContent {
  items: OpsTextItem[];
  styles: Record<string, FontStyleLike & { vertical?: boolean }>;
}

interface GlyphLike {
  unicode?: string;
  width?: number;
  originalCharCode?: number;
}

/** Thrown where the replay would not match pdf.js; caught in textFromOperatorList. */
class NotReplayable extends Error {}

const IDENTITY = [1, 0, 0, 1, 0, 0];
const FONT_IDENTITY_MATRIX = [0.001, 0, 0, 0.001, 0, 0];
const TRACKING_SPACE_FACTOR = 0.102;
const NOT_A_SPACE_FACTOR = 0.03;
const NEGATIVE_SPACE_FACTOR = -0.2;
const SPACE_IN_FLOW_MIN_FACTOR = 0.102;
const SPACE_IN_FLOW_MAX_FACTOR = 0.6;
const VERTICAL_SHIFT_RATIO = 0.25;

/** pdf.js's getCharUnicodeCategory (same expression, same cache). */
const SPECIAL_CHAR = /^(\s)|(\p{Mn})|(\p{Cf})$/u;
interface Category {
  isWhitespace: boolean;
  isZeroWidthDiacritic: boolean;
  isInvisibleFormatMark: boolean;
}
const categories = new Map<string, Category>();
function categoryOf(char: string): Category {
  let c = categories.get(char);
  if (c === undefined) {
    const g = char.match(SPECIAL_CHAR);
    c = { isWhitespace: !!g?.[1], isZeroWidthDiacritic: !!g?.[2], isInvisibleFormatMark: !!g?.[3] };
    categories.set(char, c);
  }
  return c;
}

/** pdf.js's normalizeUnicode (getTextContent's default, disableNormalization false). */
const NORMALIZE =
  /([\u00a0\u00b5\u037e\u0eb3\u2000-\u200a\u202f\u2126\ufb00-\ufb04\ufb06\ufb20-\ufb36\ufb38-\ufb3c\ufb3e\ufb40-\ufb41\ufb43-\ufb44\ufb46-\ufba1\ufba4-\ufba9\ufbae-\ufbb1\ufbd3-\ufbdc\ufbde-\ufbe7\ufbea-\ufbf8\ufbfc-\ufbfd\ufc00-\ufc5d\ufc64-\ufcf1\ufcf5-\ufd3d\ufd88\ufdf4\ufdfa-\ufdfb\ufe71\ufe77\ufe79\ufe7b\ufe7d]+)|(\ufb05+)/gu;
function normalizeUnicode(str: string): string {
  return str.replaceAll(NORMALIZE, (_m, p1: string | undefined, p2: string | undefined) => (p1 ? p1.normalize("NFKC") : p2 ? "ſt".repeat(p2.length) : ""));
}

/** Characters pdf.js's bidi() counts as right-to-left or Arabic: such text is left to getTextContent. */
const BIDI = /[\u0590-\u05f4\u0600-\u08ac\ufb50-\ufdff\ufe70-\ufeff]/;

/**
 * The double pdf.js parsed, from the float32 the operator list kept: the
 * shortest decimal that rounds to the same float32, which is the number
 * written when the writer wrote at most 6 significant digits (72.024, as Word
 * writes it: no other decimal that short rounds to the same float32). Longer
 * ones are a float32 printed by the writer, as Chrome (Skia) prints them: with
 * 8 digits (529.42188, where 529.4219 would round the same).
 */
export function unFloat32(v: number): number {
  if (!Number.isFinite(v) || Number.isInteger(v)) return v;
  for (let p = 1; p <= 9; p++) {
    const d = Number(v.toPrecision(p));
    // Past 6 digits the writer printed a float32 (7 digits would do, Skia prints 8).
    if (Math.fround(d) === v) return p < 7 ? d : Number(v.toPrecision(Math.max(p, 8)));
  }
  return v;
}

/** pdf.js's TextState (the fields getTextContent uses), cloned as it clones. */
class TextState {
  ctm: number[] = IDENTITY;
  fontName: string | null = null;
  fontSize = 0;
  loadedName: string | null = null;
  font: OpsFont | null = null;
  fontMatrix: number[] = FONT_IDENTITY_MATRIX;
  textMatrix: number[] = IDENTITY.slice();
  textLineMatrix: number[] = IDENTITY.slice();
  charSpacing = 0;
  wordSpacing = 0;
  leading = 0;
  textHScale = 1;
  textRise = 0;

  clone(): TextState {
    const c = Object.assign(new TextState(), this);
    c.textMatrix = this.textMatrix.slice();
    c.textLineMatrix = this.textLineMatrix.slice();
    c.fontMatrix = this.fontMatrix.slice();
    return c;
  }
  setTextMatrix(m: readonly number[]): void {
    for (let k = 0; k < 6; k++) this.textMatrix[k] = m[k]!;
  }
  setTextLineMatrix(m: readonly number[]): void {
    for (let k = 0; k < 6; k++) this.textLineMatrix[k] = m[k]!;
  }
  translateTextMatrix(x: number, y: number): void {
    const m = this.textMatrix;
    m[4] = m[0]! * x + m[2]! * y + m[4]!;
    m[5] = m[1]! * x + m[3]! * y + m[5]!;
  }
  translateTextLineMatrix(x: number, y: number): void {
    const m = this.textLineMatrix;
    m[4] = m[0]! * x + m[2]! * y + m[4]!;
    m[5] = m[1]! * x + m[3]! * y + m[5]!;
  }
  carriageReturn(): void {
    this.translateTextLineMatrix(0, -this.leading);
    this.textMatrix = this.textLineMatrix.slice();
  }
}

/** The item being built (pdf.js's textContentItem): kept between items, as pdf.js keeps it. */
interface ItemState {
  initialized: boolean;
  str: string[];
  totalWidth: number;
  totalHeight: number;
  width: number;
  height: number;
  prevTransform: number[] | null;
  prevTextRise: number;
  textAdvanceScale: number;
  spaceInFlowMin: number;
  spaceInFlowMax: number;
  trackingSpaceMin: number;
  negativeSpaceMax: number;
  notASpace: number;
  transform: number[] | null;
  fontName: string | null;
  hasEOL: boolean;
}

/**
 * One content stream's text builder (the page's, or a form XObject's: pdf.js
 * runs getTextContent again for each form, with its own item and state).
 */
class StreamText {
  state: TextState;
  readonly stack: TextState[] = [];
  current: TextState | null = null;
  readonly item: ItemState = {
    initialized: false,
    str: [],
    totalWidth: 0,
    totalHeight: 0,
    width: 0,
    height: 0,
    prevTransform: null,
    prevTextRise: 0,
    textAdvanceScale: 0,
    spaceInFlowMin: 0,
    spaceInFlowMax: 0,
    trackingSpaceMin: Infinity,
    negativeSpaceMax: -Infinity,
    notASpace: -Infinity,
    transform: null,
    fontName: null,
    hasEOL: false,
  };
  readonly twoLastChars = [" ", " "];
  twoLastCharsPos = 0;

  constructor(
    state: TextState,
    private readonly out: OpsTextContent,
    private readonly viewBox: readonly number[],
  ) {
    this.state = state;
  }

  saveLastChar(char: string): boolean {
    const nextPos = (this.twoLastCharsPos + 1) % 2;
    const ret = this.twoLastChars[this.twoLastCharsPos] !== " " && this.twoLastChars[nextPos] === " ";
    this.twoLastChars[this.twoLastCharsPos] = char;
    this.twoLastCharsPos = nextPos;
    return ret;
  }
  shouldAddWhitespace(): boolean {
    return this.twoLastChars[this.twoLastCharsPos] !== " " && this.twoLastChars[(this.twoLastCharsPos + 1) % 2] === " ";
  }
  resetLastChars(): void {
    this.twoLastChars[0] = this.twoLastChars[1] = " ";
    this.twoLastCharsPos = 0;
  }

  pushWhitespace(width: number, transform: number[] | null = this.item.prevTransform, fontName: string | null = this.item.fontName): void {
    this.out.items.push({ str: " ", dir: "ltr", width, height: 0, transform: transform!, fontName: fontName!, hasEOL: false });
  }

  /**
   * Util.transform(ctm, Util.transform(textMatrix, [size × hscale, 0, 0, size, 0, rise]))
   * written out, the same products and sums in the same order (the zero terms too:
   * they decide -0 and NaN as pdf.js's do), into `out` (a new array by default;
   * compareWithLastPosition passes a scratch one: it runs for every glyph).
   */
  currentTextTransform(out: number[] = new Array<number>(6)): number[] {
    const ts = this.state;
    const a = ts.fontSize * ts.textHScale,
      d = ts.fontSize,
      rise = ts.textRise;
    const t = ts.textMatrix,
      m = ts.ctm;
    const i0 = t[0]! * a + t[2]! * 0,
      i1 = t[1]! * a + t[3]! * 0;
    const i2 = t[0]! * 0 + t[2]! * d,
      i3 = t[1]! * 0 + t[3]! * d;
    const i4 = t[0]! * 0 + t[2]! * rise + t[4]!,
      i5 = t[1]! * 0 + t[3]! * rise + t[5]!;
    out[0] = m[0]! * i0 + m[2]! * i1;
    out[1] = m[1]! * i0 + m[3]! * i1;
    out[2] = m[0]! * i2 + m[2]! * i3;
    out[3] = m[1]! * i2 + m[3]! * i3;
    out[4] = m[0]! * i4 + m[2]! * i5 + m[4]!;
    out[5] = m[1]! * i4 + m[3]! * i5 + m[5]!;
    return out;
  }

  ensureItem(): ItemState {
    const it = this.item;
    if (it.initialized) return it;
    const { font, loadedName, fontSize } = this.state;
    if (!(loadedName! in this.out.styles)) {
      this.out.styles[loadedName!] = { fontFamily: font!.fallbackName, ascent: font!.ascent, descent: font!.descent, vertical: font!.vertical };
    }
    it.fontName = loadedName;
    const trm = (it.transform = this.currentTextTransform());
    it.width = it.totalWidth = 0;
    it.height = it.totalHeight = Math.hypot(trm[2]!, trm[3]!);
    const scaleLineX = Math.hypot(this.state.textLineMatrix[0]!, this.state.textLineMatrix[1]!);
    const scaleCtmX = Math.hypot(this.state.ctm[0]!, this.state.ctm[1]!);
    it.textAdvanceScale = scaleCtmX * scaleLineX;
    it.trackingSpaceMin = fontSize * TRACKING_SPACE_FACTOR;
    it.notASpace = fontSize * NOT_A_SPACE_FACTOR;
    it.negativeSpaceMax = fontSize * NEGATIVE_SPACE_FACTOR;
    it.spaceInFlowMin = fontSize * SPACE_IN_FLOW_MIN_FACTOR;
    it.spaceInFlowMax = fontSize * SPACE_IN_FLOW_MAX_FACTOR;
    it.hasEOL = false;
    it.initialized = true;
    return it;
  }

  updateAdvanceScale(): void {
    const it = this.item;
    if (!it.initialized) return;
    const scaleLineX = Math.hypot(this.state.textLineMatrix[0]!, this.state.textLineMatrix[1]!);
    const scaleCtmX = Math.hypot(this.state.ctm[0]!, this.state.ctm[1]!);
    const scaleFactor = scaleCtmX * scaleLineX;
    if (scaleFactor === it.textAdvanceScale) return;
    it.totalWidth += it.width * it.textAdvanceScale;
    it.width = 0;
    it.textAdvanceScale = scaleFactor;
  }

  flush(): void {
    const it = this.item;
    if (!it.initialized) return;
    it.totalWidth += it.width * it.textAdvanceScale;
    const text = normalizeUnicode(it.str.join(""));
    if (BIDI.test(text)) throw new NotReplayable("right-to-left text");
    this.out.items.push({
      str: text,
      dir: "ltr",
      width: Math.abs(it.totalWidth),
      height: Math.abs(it.totalHeight),
      transform: it.transform!,
      fontName: it.fontName!,
      hasEOL: it.hasEOL,
    });
    it.initialized = false;
    it.str.length = 0;
  }

  appendEOL(): void {
    this.resetLastChars();
    if (this.item.initialized) {
      this.item.hasEOL = true;
      this.flush();
    } else {
      this.out.items.push({ str: "", dir: "ltr", width: 0, height: 0, transform: this.currentTextTransform(), fontName: this.state.loadedName!, hasEOL: true });
    }
  }

  addFakeSpaces(width: number, transf: number[] | null, textOrientation: number): boolean {
    const it = this.item;
    if (textOrientation * it.spaceInFlowMin <= width && width <= textOrientation * it.spaceInFlowMax) {
      if (it.initialized) {
        this.resetLastChars();
        it.str.push(" ");
      }
      return false;
    }
    const fontName = it.fontName;
    this.flush();
    this.resetLastChars();
    this.pushWhitespace(Math.abs(width), transf || this.currentTextTransform(), fontName);
    return true;
  }

  compareWithLastPosition(glyphWidth: number): boolean {
    const it = this.item;
    const currentTransform = this.currentTextTransform(SCRATCH);
    let posX = currentTransform[4]!;
    let posY = currentTransform[5]!;
    const vb = this.viewBox;
    if (posX + glyphWidth < vb[0]! || posX > vb[2]! || posY < vb[1]! || posY > vb[3]!) return false;
    if (!this.state.font || !it.prevTransform) return true;
    let lastPosX = it.prevTransform[4]!;
    let lastPosY = it.prevTransform[5]!;
    if (lastPosX === posX && lastPosY === posY) return true;
    let rotate = -1;
    if (currentTransform[0] && currentTransform[1] === 0 && currentTransform[2] === 0) {
      rotate = currentTransform[0] > 0 ? 0 : 180;
    } else if (currentTransform[1] && currentTransform[0] === 0 && currentTransform[3] === 0) {
      rotate = currentTransform[1] > 0 ? 90 : 270;
    }
    switch (rotate) {
      case 0:
        break;
      case 90:
        [posX, posY] = [posY, posX];
        [lastPosX, lastPosY] = [lastPosY, lastPosX];
        break;
      case 180:
        [posX, posY, lastPosX, lastPosY] = [-posX, -posY, -lastPosX, -lastPosY];
        break;
      case 270:
        [posX, posY] = [-posY, -posX];
        [lastPosX, lastPosY] = [-lastPosY, -lastPosX];
        break;
      default:
        [posX, posY] = applyInverseRotation(posX, posY, currentTransform);
        [lastPosX, lastPosY] = applyInverseRotation(lastPosX, lastPosY, it.prevTransform);
    }
    const advanceX = (posX - lastPosX) / it.textAdvanceScale;
    const advanceY = posY - lastPosY;
    const textOrientation = Math.sign(it.width || it.totalWidth);
    if (advanceX < textOrientation * it.negativeSpaceMax) {
      if (Math.abs(advanceY) > 0.5 * it.height) {
        this.appendEOL();
        return true;
      }
      this.resetLastChars();
      this.flush();
      return true;
    }
    const textRiseDelta = this.state.textRise - it.prevTextRise;
    const advanceYCorrected = textRiseDelta === 0 ? advanceY : advanceY - (currentTransform[3]! / this.state.fontSize) * textRiseDelta;
    if (Math.abs(advanceYCorrected) > it.height) {
      this.appendEOL();
      return true;
    }
    if (advanceX <= textOrientation * it.notASpace) this.resetLastChars();
    if (advanceX <= textOrientation * it.trackingSpaceMin) {
      if (this.shouldAddWhitespace()) {
        this.resetLastChars();
        this.flush();
        this.pushWhitespace(Math.abs(advanceX));
      } else {
        it.width += advanceX;
      }
    } else if (!this.addFakeSpaces(advanceX, it.prevTransform, textOrientation)) {
      if (it.str.length === 0) {
        this.resetLastChars();
        this.pushWhitespace(Math.abs(advanceX));
      } else {
        it.width += advanceX;
      }
    }
    if (Math.abs(advanceY) > it.height * VERTICAL_SHIFT_RATIO) this.flush();
    return true;
  }

  /** pdf.js's buildTextContentItem; `glyphs` empty stands for its empty `chars`. */
  build(glyphs: readonly GlyphLike[], extraSpacing: number): void {
    const ts = this.state;
    const cur = this.current!;
    if (
      cur.fontSize !== ts.fontSize ||
      (cur.fontName !== ts.fontName && (cur.font === null || cur.font.name !== ts.font!.name || cur.font.vertical !== ts.font!.vertical))
    ) {
      if (cur.font === null && cur.fontSize === ts.fontSize) throw new NotReplayable("no font before the first text"); // pdf.js throws there
      this.flush();
      this.current = ts.clone();
    }
    const baseCharSpacing = ts.charSpacing;
    if (glyphs.length === 0) {
      const charSpacing = baseCharSpacing + extraSpacing;
      if (charSpacing) ts.translateTextMatrix(charSpacing * ts.textHScale, 0);
      return;
    }
    const scale = ts.fontMatrix[0]! * ts.fontSize;
    for (let i = 0, ii = glyphs.length; i < ii; i++) {
      const glyph = glyphs[i]!;
      const unicode = glyph.unicode ?? "";
      const category = categoryOf(unicode);
      if (category.isInvisibleFormatMark) continue;
      let charSpacing = baseCharSpacing + (i + 1 === ii ? extraSpacing : 0);
      let scaledDim = (glyph.width as number) * scale;
      if (glyph.originalCharCode === 0x20) charSpacing += ts.wordSpacing;
      if (category.isWhitespace) {
        charSpacing += scaledDim;
        ts.translateTextMatrix(charSpacing * ts.textHScale, 0);
        this.saveLastChar(" ");
        continue;
      }
      if (!category.isZeroWidthDiacritic && !this.compareWithLastPosition(scaledDim)) {
        ts.translateTextMatrix(scaledDim * ts.textHScale, 0);
        continue;
      }
      const chunk = this.ensureItem();
      if (category.isZeroWidthDiacritic) scaledDim = 0;
      scaledDim *= ts.textHScale;
      ts.translateTextMatrix(scaledDim, 0);
      chunk.width += scaledDim;
      if (scaledDim) {
        chunk.prevTransform = this.currentTextTransform();
        chunk.prevTextRise = ts.textRise;
      }
      if (this.saveLastChar(unicode)) chunk.str.push(" ");
      chunk.str.push(unicode);
      if (charSpacing) ts.translateTextMatrix(charSpacing * ts.textHScale, 0);
    }
  }

  /** A text-showing operation's glyph list (glyphs and TJ adjustments), split as pdf.js splits TJ. */
  show(list: readonly unknown[]): void {
    const ts = this.state;
    if (!ts.font) throw new NotReplayable("text without a font");
    if (list.length === 0) {
      this.build([], 0);
      return;
    }
    const spaceFactor = (-1 * ts.fontSize) / 1000;
    let buf: GlyphLike[] = [];
    for (const el of list) {
      if (typeof el === "number") {
        if (el !== 0) {
          this.build(buf, el * spaceFactor);
          buf = [];
        }
      } else if (typeof el === "object" && el !== null) {
        buf.push(el as GlyphLike);
      }
    }
    if (buf.length > 0) this.build(buf, 0);
  }
}

function applyInverseRotation(x: number, y: number, matrix: readonly number[]): [number, number] {
  const scale = Math.hypot(matrix[0]!, matrix[1]!);
  return [(matrix[0]! * x + matrix[1]! * y) / scale, (matrix[2]! * x + matrix[3]! * y) / scale];
}

/** compareWithLastPosition's transform: read there and dropped before anything else asks for one. */
const SCRATCH = new Array<number>(6).fill(0);

const FLUSHING_PAINTS = new Set<number>([
  OPS.paintImageXObject,
  OPS.paintImageXObjectRepeat,
  OPS.paintImageMaskXObject,
  OPS.paintImageMaskXObjectGroup,
  OPS.paintImageMaskXObjectRepeat,
  OPS.paintSolidColorImageMask,
]);

/**
 * The page's text items and styles as page.getTextContent() would give them,
 * from its operator list; null where the replay is not sure to match (the
 * caller then asks pdf.js). `fontOf` resolves a font id (commonObjs);
 * `viewBox` is page.view.
 */
export function textFromOperatorList(ops: OperatorListLike, fontOf: (id: string) => OpsFont | undefined, viewBox: readonly number[]): OpsTextContent | null {
  const out: OpsTextContent = { items: [], styles: {} };
  try {
    replay(ops, fontOf, viewBox, out);
  } catch (e) {
    if (e instanceof NotReplayable) return null;
    throw e;
  }
  return out;
}

function replay(ops: OperatorListLike, fontOf: (id: string) => OpsFont | undefined, viewBox: readonly number[], out: OpsTextContent): void {
  const streams: StreamText[] = [new StreamText(new TextState(), out, viewBox)];
  const fonts = new Map<string, OpsFont>();
  let inAnnotation = 0;
  let groupMatrix: number[] | null = null;
  const n = ops.fnArray.length;
  for (let i = 0; i < n; i++) {
    const fn = ops.fnArray[i]!;
    const args = ops.argsArray[i] as unknown[] | null;
    if (fn === OPS.beginAnnotation) inAnnotation++;
    else if (fn === OPS.endAnnotation) inAnnotation = Math.max(0, inAnnotation - 1);
    if (inAnnotation > 0 || fn === OPS.endAnnotation) continue;
    const st = streams[streams.length - 1]!;
    st.current ??= st.state.clone();
    let ts = st.state;
    switch (fn) {
      case OPS.save:
        st.stack.push(ts);
        st.state = ts.clone();
        break;
      case OPS.restore:
        st.state = st.stack.pop() ?? ts;
        break;
      case OPS.transform:
        ts.ctm = Util.transform(ts.ctm, args as number[]);
        break;
      case OPS.setFont: {
        const id = args![0] as string;
        const size = args![1] as number;
        if (ts.font && id === ts.fontName && size === ts.fontSize) break;
        let font = fonts.get(id);
        if (font === undefined) {
          font = fontOf(id);
          if (!font || font.isType3Font || font.vertical || typeof font.name !== "string") throw new NotReplayable(`font ${id}`);
          fonts.set(id, font);
        }
        ts.fontName = id;
        ts.fontSize = size;
        ts.loadedName = id;
        ts.font = font;
        ts.fontMatrix = font.fontMatrix || FONT_IDENTITY_MATRIX;
        break;
      }
      case OPS.setTextRise:
        ts.textRise = args![0] as number;
        break;
      case OPS.setHScale:
        ts.textHScale = (args![0] as number) / 100;
        break;
      case OPS.setLeading:
        ts.leading = args![0] as number;
        break;
      case OPS.moveText:
        ts.translateTextLineMatrix(args![0] as number, args![1] as number);
        ts.textMatrix = ts.textLineMatrix.slice();
        break;
      case OPS.setLeadingMoveText:
        ts.leading = -(args![1] as number);
        ts.translateTextLineMatrix(args![0] as number, args![1] as number);
        ts.textMatrix = ts.textLineMatrix.slice();
        break;
      case OPS.nextLine:
        ts.carriageReturn();
        break;
      case OPS.setTextMatrix: {
        const m = Array.from(args![0] as ArrayLike<number>, unFloat32);
        ts.setTextMatrix(m);
        ts.setTextLineMatrix(m);
        st.updateAdvanceScale();
        break;
      }
      case OPS.setCharSpacing:
        ts.charSpacing = args![0] as number;
        break;
      case OPS.setWordSpacing:
        ts.wordSpacing = args![0] as number;
        break;
      case OPS.beginText:
        ts.textMatrix = IDENTITY.slice();
        ts.textLineMatrix = IDENTITY.slice();
        break;
      case OPS.showText:
        st.show((args?.[0] as unknown[] | undefined) ?? []);
        break;
      case OPS.setGState:
        for (const entry of (args?.[0] as [string, unknown][] | undefined) ?? []) {
          if (entry[0] === "Font") throw new NotReplayable("font from an ExtGState");
        }
        break;
      case OPS.beginMarkedContent:
      case OPS.beginMarkedContentProps:
      case OPS.endMarkedContent:
        st.flush();
        break;
      case OPS.beginGroup: {
        // A form's group keeps its /Matrix as parsed (the form's own copy is float32).
        const g = args?.[0] as { matrix?: number[] | null } | undefined;
        groupMatrix = Array.isArray(g?.matrix) && g.matrix.length >= 6 ? g.matrix : null;
        break;
      }
      case OPS.paintFormXObjectBegin: {
        st.flush();
        ts = ts.clone();
        const m = args?.[0] as ArrayLike<number> | null | undefined;
        if (m && m.length >= 6) ts.ctm = Util.transform(ts.ctm, groupMatrix && ops.fnArray[i - 1] === OPS.beginGroup ? groupMatrix : Array.from(m, unFloat32));
        streams.push(new StreamText(ts, out, viewBox));
        break;
      }
      case OPS.paintFormXObjectEnd:
        if (streams.length > 1) {
          st.flush();
          streams.pop();
        }
        break;
      default:
        if (FLUSHING_PAINTS.has(fn)) st.flush();
    }
  }
  for (let k = streams.length - 1; k >= 0; k--) streams[k]!.flush();
}
