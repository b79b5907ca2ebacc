/**
 * Every limit of `piao serve` in one schema (documented in docs/serve.md, whose
 * table a test keeps in step with these keys).
 */
import { z } from "../shared/zod.js";

/** Hosts that reach only this computer: binding to one of them needs no warning. */
export const LOOPBACK_HOSTS: readonly string[] = ["127.0.0.1", "localhost", "::1"];

export const ServeSettings = z.object({
  /** The database the application reads and imports into (created when missing). */
  db: z.string().default("piao.sqlite"),
  /** Interface to listen on: loopback unless the user says otherwise. */
  host: z.string().min(1).default("127.0.0.1"),
  /** TCP port; 0 lets the system choose (tests). */
  port: z.number().int().min(0).max(65_535).default(8080),
  /** Largest upload accepted, in bytes; a larger one gets 413 and is not kept. */
  maxUploadBytes: z
    .number()
    .int()
    .positive()
    .default(50 * 1024 * 1024),
  /** Uploads read at once; more get 503 until one finishes (each holds a temp file and a worker). */
  maxParallelUploads: z.number().int().positive().default(4),
  /** Per-file time limit of the worker that reads an upload, as `piao import --timeout`. */
  timeoutMs: z.number().int().positive().default(120_000),
  /** V8 heap limit of a worker reading an upload, as `piao import --max-memory` (default: the pipeline's). */
  maxOldGenerationSizeMb: z.number().int().min(64).optional(),
  /** Worker threads reading uploads (started on first use). */
  jobs: z.number().int().positive().default(2),
  /** Folder where uploaded documents are kept, named by their sha256; default: beside the database. */
  uploadsDir: z.string().optional(),
  /** Results per kind (objectives, indicators) a search shows and downloads. */
  searchLimit: z.number().int().positive().default(500),
  /** Longest search text accepted, in characters. */
  maxQueryLength: z.number().int().positive().default(200),
  /** Longest file name kept for an upload (characters); the rest is cut. */
  maxFileNameLength: z.number().int().positive().default(200),
});
export type ServeSettings = z.output<typeof ServeSettings>;
export type ServeSettingsInput = z.input<typeof ServeSettings>;
