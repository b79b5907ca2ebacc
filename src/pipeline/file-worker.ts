/**
 * Worker-thread side of the single-file commands: reads one document (layout
 * only, or the whole plan) and posts it back, or the error as a value. Run by
 * read-file.ts under the same time and heap limits as the import's workers.
 */
import { parentPort } from "node:worker_threads";
import { readDocument } from "../extract/read-document.js";
import { extractPlan } from "./extract-plan.js";
import type { FileReply, FileRequest } from "./file-messages.js";
import type { PageTrace } from "../extract/pdf/table-trace.js";

if (!parentPort) throw new Error("file-worker.js must run in a worker thread");
const port = parentPort;

port.on("message", (req: FileRequest) => {
  void handle(req).then((reply) => port.postMessage(reply));
});

async function handle(req: FileRequest): Promise<FileReply> {
  try {
    if (req.task === "layout") {
      const traces: PageTrace[] | undefined = req.view?.trace ? [] : undefined;
      const read = await readDocument(req.file, req.reader, { ...(req.view?.pages ? { pages: req.view.pages } : {}), ...(traces ? { traces } : {}) });
      return { id: req.id, ok: true, task: "layout", layout: read.layout, format: read.format, sha256: read.sha256, ...(traces ? { traces } : {}) };
    }
    const { plan, explain } = await extractPlan(req.file, { reader: req.reader, normalize: req.normalize });
    return { id: req.id, ok: true, task: "plan", plan, explain };
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    const fields = err as Error & { kind?: unknown; file?: unknown; explain?: unknown };
    return {
      id: req.id,
      ok: false,
      error: {
        name: err.name,
        message: err.message,
        kind: typeof fields.kind === "string" ? fields.kind : undefined,
        file: typeof fields.file === "string" ? fields.file : req.file,
        ...(Array.isArray(fields.explain) ? { explain: fields.explain } : {}),
      },
    };
  }
}
