/**
 * `piao tables FILE` and `piao extract FILE` spend most of a one-page run
 * starting their worker and loading pdf.js in it; the command's own modules
 * (argument checks, zod schemas, output) take a good part of that again on the
 * main thread. main.ts calls this before loading the command, so the two
 * overlap: for a call the command will accept (its options, one regular file,
 * valid --timeout/--max-memory) the read worker starts now, under the same heap
 * limit, and preloads pdf.js when the file is a PDF. An argument error starts
 * nothing; a worker the command does not take is stopped by main.ts.
 */
import { parseArgs } from "node:util";
import { sniffsAsPdf } from "../extract/sniff-format.js";
import { regularFileProblem } from "../extract/regular-file.js";
import { DEFAULT_MAX_OLD_GENERATION_MB, dropEarlyWorker, startReadWorkerEarly } from "../pipeline/worker-start.js";
import { workerLimits } from "./cli-errors.js";
import { EXTRACT_OPTIONS, TABLES_OPTIONS } from "./command-options.js";

const OPTIONS: Record<string, typeof TABLES_OPTIONS | typeof EXTRACT_OPTIONS> = { tables: TABLES_OPTIONS, extract: EXTRACT_OPTIONS };

export function startReaderEarly(command: string, argv: string[]): void {
  const options = OPTIONS[command];
  if (!options) return;
  try {
    const { positionals, values } = parseArgs({ args: argv, allowPositionals: true, options });
    if (positionals.length !== 1) return;
    const file = positionals[0]!;
    if (regularFileProblem(file)) return;
    const limits = workerLimits(values);
    startReadWorkerEarly(limits.maxOldGenerationSizeMb ?? DEFAULT_MAX_OLD_GENERATION_MB, sniffsAsPdf(file));
  } catch {
    // An argument error: the command reports it (an unreadable file is the reader's to report).
  }
}

/** After the command: stops the early worker if the command did not take it (it failed before reading). */
export function stopUntakenReader(): Promise<void> {
  return dropEarlyWorker();
}
