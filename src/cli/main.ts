/**
 * `piao` entry point: dispatches to one module per subcommand. Every command
 * returns its exit code; errors in documents become one line on stderr.
 * A command's module is loaded only when that command runs, so `--help`, an
 * argument error or `piao check --db` never load the document readers (pdf.js,
 * cheerio) they do not use.
 */
import { CliUsageError } from "./cli-errors.js";
import { EXTRACT_HELP, IMPORT_HELP, TABLES_HELP } from "./command-help.js";

type Command = (argv: string[]) => Promise<number>;

/** Commands whose --help main prints (check parses its own, with its options). */
const detailedHelp: Record<string, string> = { tables: TABLES_HELP, extract: EXTRACT_HELP, import: IMPORT_HELP };

const commands: Record<string, { load: () => Promise<Command>; help: string }> = {
  tables: {
    load: async () => (await import("./cmd-tables.js")).runTables,
    help: "piao tables FILE [--json|--csv] [--pages N-M] [--debug DIR] [--timeout S]   print the tables the reader rebuilt, page by page",
  },
  extract: {
    load: async () => (await import("./cmd-extract.js")).runExtract,
    help: "piao extract FILE [--expected-total N] [--timeout S]   print the plan as JSON (shared contract)",
  },
  import: {
    load: async () => (await import("./cmd-import.js")).runImport,
    help: "piao import PATH... [--db FILE] [--jobs N] [--timeout S]   import plans into SQLite (default piao.sqlite)",
  },
  check: {
    load: async () => (await import("./cmd-check.js")).runCheck,
    help: "piao check FILE... | --db FILE [--organization O --year Y] [--format text|json|html] [--fail-on error|warning]",
  },
  serve: {
    load: async () => (await import("./cmd-serve.js")).runServe,
    help: "piao serve [--db FILE] [--port N] [--host H]   a local web application: upload, browse, search, compare, CSV",
  },
};

export const USAGE = () => ["usage:", ...Object.values(commands).map((c) => "  " + c.help)].join("\n");

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    process.stdout.write(USAGE() + "\n");
    return name ? 0 : 2;
  }
  const cmd = Object.hasOwn(commands, name) ? commands[name] : undefined;
  if (!cmd) {
    process.stderr.write(`piao: unknown command '${name}' (see piao --help)\n`);
    return 2;
  }
  const help = detailedHelp[name];
  if (help && rest.some((a) => a === "--help" || a === "-h")) {
    process.stdout.write(help + "\n");
    return 0;
  }
  // `tables`/`extract FILE`: the read worker starts while the command's modules load.
  const early = name === "tables" || name === "extract" ? await import("./early-reader.js") : undefined;
  early?.startReaderEarly(name, rest);
  try {
    const run = await cmd.load();
    return await run(rest);
  } catch (e) {
    if (e instanceof CliUsageError) {
      process.stderr.write(`piao ${name}: ${e.message}\n`);
      return 2;
    }
    if (isParseArgsError(e)) {
      process.stderr.write(`piao ${name}: ${parseArgsReason(e as Error)} (see piao ${name} --help)\n`);
      return 2;
    }
    const msg = e instanceof Error ? e.message.split("\n")[0] : String(e);
    process.stderr.write(`piao ${name}: internal error: ${msg}\n`);
    return 3;
  } finally {
    await early?.stopUntakenReader();
  }
}

/** node:util parseArgs rejects unknown options and missing values with these codes. */
function isParseArgsError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("ERR_PARSE_ARGS_");
}

/**
 * parseArgs' messages run over several lines and sentences; keep the first
 * sentence, which names the option. A value starting with "-" (`--jobs -1`)
 * is read as a missing value: say how to give it.
 */
function parseArgsReason(e: Error): string {
  const first = (e.message.split("\n")[0] ?? e.message).split(". ")[0]!.replace(/\.$/, "");
  const ambiguous = /^Option '(--[\w-]+)[^']*' argument is ambiguous/.exec(first);
  if (ambiguous) return `${ambiguous[1]} needs a value; a value starting with '-' is written ${ambiguous[1]}=VALUE`;
  return first;
}
