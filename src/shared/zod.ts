/**
 * zod, for every module of piao: `import { z } from "../shared/zod.js"`, never
 * from "zod" itself. Loaded without its translations of error messages: zod's
 * entry points all import every locale it ships (64 modules; piao shows its own
 * messages and never asks zod for another language), which was about 40% of
 * loading zod: some 50 ms in every fresh worker thread that reads a document, on
 * the path of every one-page `piao tables`/`extract`.
 *
 * How: zod's CommonJS build is loaded (createRequire) after a stand-in for its
 * locales index is put in require.cache under that module's file name, as
 * ../extract/pdf/no-canvas.ts does for pdf.js's canvas binding. zod's English
 * messages (its default) are imported by its schemas module directly and stay.
 * Only `z.locales` is empty. Types come from zod's own declarations.
 */
import Module, { createRequire } from "node:module";
import type * as Zod from "zod";

const require = createRequire(import.meta.url);

function installLocalesStandIn(): void {
  const file = require.resolve("zod/v4/locales");
  if (require.cache[file]) return; // loaded already (someone required zod first): nothing to save
  const m = new Module(file);
  m.filename = file;
  m.loaded = true;
  m.exports = { __esModule: true };
  require.cache[file] = m;
}

installLocalesStandIn();

export const z: typeof Zod.z = (require("zod") as typeof Zod).z;

// The type-level members of zod's namespace used beside the value (`z.infer<typeof S>`; the tests' z.ZodObject).
export declare namespace z {
  type infer<T> = Zod.infer<T>;
  type input<T> = Zod.input<T>;
  type output<T> = Zod.output<T>;
  type ZodType = Zod.ZodType;
  type ZodObject = Zod.ZodObject;
}
