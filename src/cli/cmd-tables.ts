import { parseArgs } from "node:util";
import { readLayoutInWorker, failureLine } from "../pipeline/read-file.js";
import { renderTablesText, renderTablesCsv } from "./render-tables.js";
import { CliUsageError, LIMIT_OPTIONS, workerLimits } from "./cli-errors.js";
import { LIMIT_OPTION, limitSettings } from "./limit-options.js";

export async function runTables(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { json: { type: "boolean" }, csv: { type: "boolean" }, ...LIMIT_OPTIONS, ...LIMIT_OPTION },
  });
  if (positionals.length !== 1) throw new CliUsageError("expects exactly one FILE");
  if (values.json && values.csv) throw new CliUsageError("choose one of --json and --csv");
  const file = positionals[0]!;
  const limits = workerLimits(values);
  const read = await readLayoutInWorker(file, { limits, reader: limitSettings(values.limit) });
  if (!read.ok) {
    process.stderr.write(failureLine(read.failure) + "\n");
    return 2;
  }
  const { layout } = read.value;
  if (values.json) process.stdout.write(JSON.stringify(layout, null, 1) + "\n");
  else if (values.csv) process.stdout.write(renderTablesCsv(layout));
  else process.stdout.write(renderTablesText(layout));
  return 0;
}
