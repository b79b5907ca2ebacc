import { CliUsageError } from "./cli-errors.js";
/** `piao import PATH… [--db FILE] [--jobs N]` (see src/store). */
export async function runImport(_argv: string[]): Promise<number> {
  throw new CliUsageError("import is not implemented yet");
}
