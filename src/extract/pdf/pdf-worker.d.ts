// pdfjs-dist ships types for its unminified display module only; the minified
// builds ./pdfjs.ts loads (the same code, faster to load) have the same exports.
declare module "pdfjs-dist/legacy/build/pdf.min.mjs" {
  export * from "pdfjs-dist/legacy/build/pdf.mjs";
}
// No types for its worker module; ./pdfjs.ts only loads it for its side effect.
declare module "pdfjs-dist/legacy/build/pdf.worker.min.mjs" {
  export const WorkerMessageHandler: unknown;
}
