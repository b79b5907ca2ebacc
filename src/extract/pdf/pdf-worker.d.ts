// pdfjs-dist ships no types for its worker module; ./pdfjs.ts only loads it for its side effect.
declare module "pdfjs-dist/legacy/build/pdf.worker.mjs" {
  export const WorkerMessageHandler: unknown;
}
