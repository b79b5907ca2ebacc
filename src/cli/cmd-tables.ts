import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { readLayoutInWorker, failureLine } from "../pipeline/read-file.js";
import type { PageTrace } from "../extract/pdf/table-trace.js";
import { traceSvg } from "../extract/pdf/trace-svg.js";
import { renderTablesText, renderTablesCsv } from "./render-tables.js";
import { CliUsageError, workerLimits } from "./cli-errors.js";
import { TABLES_OPTIONS } from "./command-options.js";
import { limitSettings } from "./limit-options.js";
import { parsePageList } from "./page-list.js";

export async function runTables(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: TABLES_OPTIONS,
  });
  if (positionals.length !== 1) throw new CliUsageError("expects exactly one FILE");
  if (values.json && values.csv) throw new CliUsageError("choose one of --json and --csv");
  if (values.debug === "") throw new CliUsageError("--debug needs a directory");
  const file = positionals[0]!;
  const limits = workerLimits(values);
  const pages = values.pages === undefined ? undefined : parsePageList(values.pages);
  const view = { ...(pages ? { pages } : {}), ...(values.debug !== undefined ? { trace: true } : {}) };
  const read = await readLayoutInWorker(file, { limits, reader: limitSettings(values.limit), view });
  if (!read.ok) {
    process.stderr.write(failureLine(read.failure) + "\n");
    return 2;
  }
  const { layout } = read.value;
  if (pages && layout.pages.length === 0) {
    process.stderr.write(`piao: ${file}: has no page ${values.pages} (it has ${layout.pageCount ?? 0})\n`);
    return 2;
  }
  if (values.debug !== undefined) writeDebug(values.debug, file, read.value.traces ?? [], layout.format);
  if (values.json) process.stdout.write(JSON.stringify(layout, null, 1) + "\n");
  else if (values.csv) process.stdout.write(renderTablesCsv(layout));
  else process.stdout.write(renderTablesText(layout));
  return 0;
}

/** One SVG per page read: DIR/<file>.p<N>.svg; a note on stderr for formats without page geometry. */
function writeDebug(dir: string, file: string, traces: PageTrace[], format: string): void {
  if (format !== "pdf") {
    process.stderr.write(`piao: ${file}: --debug draws PDF pages only (this is ${format}); nothing written\n`);
    return;
  }
  mkdirSync(dir, { recursive: true });
  const base = path.basename(file).replace(/\.pdf$/i, "");
  for (const t of traces) writeFileSync(path.join(dir, `${base}.p${t.page}.svg`), traceSvg(t));
  process.stderr.write(`piao: ${traces.length} debug page(s) written to ${dir}\n`);
}
