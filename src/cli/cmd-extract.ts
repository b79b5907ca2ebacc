import { parseArgs } from "node:util";
import { extractPlan } from "../pipeline/extract-plan.js";
import { CliUsageError, documentErrorLine, timeLimit } from "./cli-errors.js";

export async function runExtract(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      "expected-total": { type: "string" },
      timeout: { type: "string" },
    },
  });
  if (positionals.length !== 1) throw new CliUsageError("expects exactly one FILE");
  const file = positionals[0]!;
  const expectedTotal = values["expected-total"] ? Number(values["expected-total"]) : undefined;
  if (expectedTotal !== undefined && !(expectedTotal > 0)) throw new CliUsageError("--expected-total must be a positive number");
  try {
    const { plan } = await extractPlan(file, {
      normalize: expectedTotal ? { expectedTotal } : {},
      reader: timeLimit(values.timeout),
    });
    process.stdout.write(JSON.stringify(plan, null, 1) + "\n");
    return 0;
  } catch (e) {
    process.stderr.write(documentErrorLine(file, e) + "\n");
    return 2;
  }
}
