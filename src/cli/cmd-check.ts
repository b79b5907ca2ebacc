import { CliUsageError } from "./cli-errors.js";
/** `piao check FILE…` / `piao check --db FILE` (see src/report). */
export async function runCheck(_argv: string[]): Promise<number> {
  throw new CliUsageError("check is not implemented yet");
}
