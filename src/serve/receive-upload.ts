/**
 * One upload: the request body is streamed to a temp file under a random name
 * (never the name it came with), with the size limit counted as it arrives; the
 * file is read in the worker pool with the usual time limit and stored as
 * `piao import` stores it (importFiles); a stored document is kept in the uploads
 * folder under its sha256, anything else is deleted. The name the browser gave
 * is only text: it becomes the document's stored path and is shown escaped.
 */
import { randomUUID } from "node:crypto";
import { open, rm } from "node:fs/promises";
import type { IncomingMessage } from "node:http";
import path from "node:path";
import { DOCUMENT_EXTENSIONS } from "../pipeline/collect-files.js";
import { importFiles } from "../pipeline/import-files.js";
import type { PoolOutcome } from "../pipeline/worker-pool.js";
import type { Db } from "../store/index.js";
import { HttpError } from "./http-response.js";
import { planDocument } from "./plan-queries.js";
import type { ServeSettings } from "./serve-settings.js";
import type { SourceFiles } from "./source-files.js";

export type UploadAnswer =
  | { readonly ok: true; readonly status: "imported" | "unchanged"; readonly planId: number; readonly url: string }
  | { readonly ok: false; readonly file: string; readonly reason: string; readonly line: string };

export interface UploadContext {
  readonly db: Db;
  /** Reads one file in the worker pool (bounded to `jobs` at once), naming it `displayPath` in the export. */
  readonly parse: (file: string, displayPath: string) => Promise<PoolOutcome>;
  readonly tempDir: string;
  readonly sources: SourceFiles;
  readonly settings: ServeSettings;
}

/** Control and bidirectional-override characters out, folders off, length bounded; never empty. */
export function cleanFileName(raw: string | null, maxLength: number): string {
  const base = (raw ?? "").split(/[\\/]/).pop() ?? "";
  const clean = base.replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, "").trim();
  return [...clean].slice(0, maxLength).join("") || "documento";
}

/** Writes the body to `file`; false when it passed the limit (the part written is left for the caller to delete). */
async function saveBody(req: IncomingMessage, file: string, maxBytes: number): Promise<boolean> {
  const fh = await open(file, "wx", 0o600);
  let bytes = 0;
  try {
    for await (const chunk of req as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      if (bytes > maxBytes) return false;
      await fh.write(chunk);
    }
    return true;
  } finally {
    await fh.close();
  }
}

export async function receiveUpload(req: IncomingMessage, rawName: string | null, ctx: UploadContext): Promise<UploadAnswer> {
  const { settings } = ctx;
  const name = cleanFileName(rawName, settings.maxFileNameLength);
  const declared = Number(req.headers["content-length"] ?? NaN);
  const tooLarge = () => new HttpError(413, `${name}: il file supera il limite di ${Math.round(settings.maxUploadBytes / 1024 / 1024)} MB`);
  if (declared > settings.maxUploadBytes) throw tooLarge();
  // The extension is kept only when it is a document's (the readers sniff the bytes anyway).
  const ext = path.extname(name).toLowerCase();
  const temp = path.join(ctx.tempDir, randomUUID() + (DOCUMENT_EXTENSIONS.includes(ext) ? ext : ""));
  try {
    if (!(await saveBody(req, temp, settings.maxUploadBytes))) throw tooLarge();
    const result = await importFiles([temp], {
      db: ctx.db,
      jobs: 1,
      extract: async (file: string) => {
        const r = await ctx.parse(file, name);
        if (!r.ok) throw Object.assign(new Error(r.reason), { kind: r.kind });
        return r.plan;
      },
    });
    const o = result.outcomes[0];
    if (o && o.status !== "failed" && o.planId !== null) {
      const doc = planDocument(ctx.db, o.planId);
      if (doc) ctx.sources.keep(temp, doc.sha256, doc.format);
      return { ok: true, status: o.status, planId: o.planId, url: `/piani/${o.planId}/rapporto` };
    }
    // A reason never shows where the upload was written: the temp name becomes the user's.
    const reason = (o?.status === "failed" ? o.reason : (result.stopped?.reason ?? "non è stato archiviato"))
      .split(temp)
      .join(name)
      .split(path.basename(temp))
      .join(name);
    return { ok: false, file: name, reason, line: `piao: ${name}: ${reason}` };
  } finally {
    await rm(temp, { force: true });
  }
}
