/**
 * Every tolerance the readers use, in one place with named defaults
 * (documented in docs/settings.md). Units are PDF points unless said otherwise.
 */
import { z } from "zod";

export const ReaderSettings = z.object({
  /** Refuse files larger than this. */
  maxFileBytes: z.number().positive().default(200 * 1024 * 1024),
  /** Refuse PDFs with more pages than this. */
  maxPages: z.number().int().positive().default(2000),
  /** Give up on one file after this many milliseconds. */
  timeoutMs: z.number().int().positive().default(120_000),
});
export type ReaderSettings = z.infer<typeof ReaderSettings>;

export function readerSettings(partial: Partial<ReaderSettings> = {}): ReaderSettings {
  return ReaderSettings.parse(partial);
}
