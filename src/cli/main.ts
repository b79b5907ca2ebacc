/**
 * `piao` entry point: dispatches to one module per subcommand. Every command
 * returns its exit code; errors in documents become one line on stderr.
 */
import { runTables } from "./cmd-tables.js";
import { runExtract } from "./cmd-extract.js";
import { runImport } from "./cmd-import.js";
import { runCheck } from "./cmd-check.js";
import { CliUsageError } from "./cli-errors.js";
import { EXTRACT_HELP, IMPORT_HELP, TABLES_HELP } from "./command-help.js";

type Command = (argv: string[]) => Promise<number>;

/** Commands whose --help main prints (check parses its own, with its options). */
const detailedHelp: Record<string, string> = { tables: TABLES_HELP, extract: EXTRACT_HELP, import: IMPORT_HELP };

const commands: Record<string, { run: Command; help: string }> = {
  tables: { run: runTables, help: "piao tables FILE [--json|--csv] [--timeout S]   print the tables the reader rebuilt, page by page" },
  extract: { run: runExtract, help: "piao extract FILE [--expected-total N] [--timeout S]   print the plan as JSON (shared contract)" },
  import: { run: runImport, help: "piao import PATH... [--db FILE] [--jobs N] [--timeout S]   import plans into SQLite (default piao.sqlite)" },
  check: { run: runCheck, help: "piao check FILE... | --db FILE [--organization O --year Y] [--format text|json|html] [--fail-on error|warning]" },
};

export function registerCommand(name: string, run: Command, help: string): void {
  commands[name] = { run, help };
}

export const USAGE = () =>
  ["usage:", ...Object.values(commands).map((c) => "  " + c.help)].join("\n");

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(USAGE() + "\n");
    return name ? 0 : 2;
  }
  const cmd = commands[name];
  if (!cmd) {
    process.stderr.write(`piao: unknown command '${name}'\n${USAGE()}\n`);
    return 2;
  }
  const help = detailedHelp[name];
  if (help && rest.some((a) => a === "--help" || a === "-h")) {
    process.stdout.write(help + "\n");
    return 0;
  }
  try {
    return await cmd.run(rest);
  } catch (e) {
    if (e instanceof CliUsageError) {
      process.stderr.write(`piao ${name}: ${e.message}\n`);
      return 2;
    }
    if (isParseArgsError(e)) {
      const reason = (e as Error).message.split(". ")[0];
      process.stderr.write(`piao ${name}: ${reason} (see piao ${name} --help)\n`);
      return 2;
    }
    const msg = e instanceof Error ? e.message.split("\n")[0] : String(e);
    process.stderr.write(`piao ${name}: internal error: ${msg}\n`);
    return 3;
  }
}

/** node:util parseArgs rejects unknown options and missing values with these codes. */
function isParseArgsError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("ERR_PARSE_ARGS_");
}
