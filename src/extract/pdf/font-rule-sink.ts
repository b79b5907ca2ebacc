/**
 * Keeps pdf.js from compiling glyph outlines the reader never draws.
 *
 * In Node, pdf.js defaults to `disableFontFace: true`, which makes its worker
 * turn the outline of every glyph a page shows into a path
 * (PartialEvaluator.buildFontPaths, from handleText) and post it to the API
 * side, so a canvas could draw text without FontFace. The reader never
 * renders: on the bench corpus that was about 3% of the reading thread's CPU,
 * plus the messages, their garbage and the optimising compiler's work on it.
 *
 * With `disableFontFace: false` the worker skips the outlines. Nothing else
 * changes in what it gives: the glyphs, their widths and unicode, the fonts'
 * names, matrices and metrics are the same (pdf.worker.mjs reads
 * disableFontFace only to decide on the outlines; tests/extract/pdf/
 * ops-text.test.ts and the goldens read every fixture page through it). The
 * API side then hands each embedded font to its FontLoader, which, without
 * document.fonts (Node), writes an @font-face rule into a <style> element of
 * the `ownerDocument` it was given and, loading counting as synchronous in
 * Node, is done. This stand-in document is where those rules go: nowhere.
 * Without it the loader would throw on the missing document and pdf.js would
 * fall back to building every outline of that font after all.
 */

/** A <style> element's sheet that keeps no rule. */
const styleElement = {
  sheet: { cssRules: [] as string[], insertRule: (_rule: string, index: number) => index },
  remove: () => undefined,
};

/** The members of a document pdf.js's FontLoader touches when it adds a font rule (insertRule, clear). */
export const fontRuleSink = {
  createElement: (_tag: string) => styleElement,
  documentElement: { getElementsByTagName: (_tag: string) => [{ append: (_child: unknown) => undefined }] },
};
