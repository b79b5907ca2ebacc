/**
 * The engine's own Array.prototype.push, JSON.stringify and JSON.parse, captured
 * when this module is evaluated — which must be before pdf.js is: import it
 * first, through ./pdfjs.js (ESM evaluates a module's imports in source order).
 *
 * Why: the pdfjs-dist legacy build bundles core-js, which replaces these
 * globally on Node 20 (V8 11) to fix spec edge cases nothing here relies on:
 * - push: the error thrown when pushing onto an array whose length is not
 *   writable, or past 2^53 - 1 (`FORCED = INCORRECT_TO_LENGTH ||
 *   !properErrorOnNonWritableLength()` in pdf.mjs). The JS replacement makes
 *   every push in the process — pdf.js's and ours — several times slower: it
 *   was ~10% of all CPU samples of `piao extract`.
 * - JSON.stringify: JSON.rawJSON support; the replacement passes a replacer
 *   function for every value and rescans the output in JS.
 * - JSON.parse: `context.source` for revivers (only used with a reviver).
 * Putting the originals back changes no result; it only undoes the slowdown.
 * pdf.worker.mjs (the fake worker pdf.js runs in-process) bundles its own
 * core-js, which re-installs them if they are native when it loads: restore
 * again after it is loaded (see ./pdfjs.ts).
 */
export const nativeBuiltins = Object.freeze({
  push: Array.prototype.push,
  stringify: JSON.stringify,
  parse: JSON.parse,
});

/** Puts the captured originals back (writable, non-enumerable, as the engine defines them). */
export function restoreNativeBuiltins(): void {
  const put = (target: object, key: string, value: unknown): void => {
    if ((target as Record<string, unknown>)[key] !== value) {
      Object.defineProperty(target, key, { value, writable: true, enumerable: false, configurable: true });
    }
  };
  put(Array.prototype, "push", nativeBuiltins.push);
  put(JSON, "stringify", nativeBuiltins.stringify);
  put(JSON, "parse", nativeBuiltins.parse);
}
