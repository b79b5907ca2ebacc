import { parseArgs } from "node:util";
import { readDocument } from "../extract/read-document.js";
import { renderTablesText, renderTablesCsv } from "./render-tables.js";
import { CliUsageError, documentErrorLine, timeLimit } from "./cli-errors.js";

export async function runTables(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { json: { type: "boolean" }, csv: { type: "boolean" }, timeout: { type: "string" } },
  });
  if (positionals.length !== 1) throw new CliUsageError("expects exactly one FILE");
  if (values.json && values.csv) throw new CliUsageError("choose one of --json and --csv");
  const file = positionals[0]!;
  const reader = timeLimit(values.timeout);
  try {
    const { layout } = await readDocument(file, reader);
    if (values.json) process.stdout.write(JSON.stringify(layout, null, 1) + "\n");
    else if (values.csv) process.stdout.write(renderTablesCsv(layout));
    else process.stdout.write(renderTablesText(layout));
    return 0;
  } catch (e) {
    process.stderr.write(documentErrorLine(file, e) + "\n");
    return 2;
  }
}
