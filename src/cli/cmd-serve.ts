/**
 * `piao serve [--db FILE] [--port N] [--host H] [--max-upload-mb N] [--timeout S] [--max-memory MB] [--jobs N] [--uploads DIR]`:
 * the local web application (src/serve). Listens on 127.0.0.1 unless --host says
 * otherwise, and then says so on stderr. Runs until interrupted (Ctrl-C).
 */
import { parseArgs } from "node:util";
import { isLoopback, startServer } from "../serve/serve-app.js";
import { StoreError } from "../store/store-errors.js";
import { CliUsageError, LIMIT_OPTIONS, workerLimits } from "./cli-errors.js";

export const SERVE_HELP = `usage: piao serve [--db FILE] [--port N] [--host H] [options]

A local web application over the database, in Italian: upload a plan (it is
read, stored and its report shown; a refused file shows the one-line reason),
the stored plans filtered by body, year and kind with their findings, a plan's
units, objectives, weights, phases, indicators and findings with links into
the source PDF, search across all plans, the year-over-year comparison of a
body, and every list as CSV. See docs/serve.md.

options:
  --db FILE           the database (default ./piao.sqlite; created when missing)
  --port N            TCP port (default 8080; 0: any free port)
  --host H            interface to listen on (default 127.0.0.1, this computer only);
                      any other value lets other computers in, and piao says so
  --max-upload-mb N   largest upload accepted, in MB (default 50)
  --timeout SECONDS   give up reading one upload after this long (default 120)
  --max-memory MB     heap limit of the worker reading an upload (default 1024)
  --jobs N            worker threads reading uploads (default 2)
  --uploads DIR       where uploaded documents are kept, named by sha256
                      (default: DB-uploads beside the database)

exit: 0 stopped with Ctrl-C, 2 bad arguments or the port cannot be opened`;

function positive(value: string | undefined, flag: string, integer: boolean): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!(n > 0) || (integer && !Number.isInteger(n))) throw new CliUsageError(`${flag} must be a positive ${integer ? "whole " : ""}number`);
  return n;
}

export async function runServe(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      db: { type: "string", default: "piao.sqlite" },
      port: { type: "string" },
      host: { type: "string" },
      "max-upload-mb": { type: "string" },
      ...LIMIT_OPTIONS,
      jobs: { type: "string" },
      uploads: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) {
    process.stdout.write(SERVE_HELP + "\n");
    return 0;
  }
  if (positionals.length > 0) throw new CliUsageError(`takes no FILE arguments (got '${positionals[0]}'); upload plans in the page or use piao import`);
  let port: number | undefined;
  if (values.port !== undefined) {
    port = Number(values.port);
    if (!/^\d{1,5}$/.test(values.port) || port > 65_535) throw new CliUsageError("--port must be a whole number from 0 to 65535");
  }
  const maxMb = positive(values["max-upload-mb"], "--max-upload-mb", false);
  const limits = workerLimits(values);
  const jobs = positive(values.jobs, "--jobs", true);
  const host = values.host ?? "127.0.0.1";
  let app;
  try {
    app = await startServer({
      db: values.db!,
      host,
      ...(port !== undefined ? { port } : {}),
      ...(maxMb !== undefined ? { maxUploadBytes: Math.round(maxMb * 1024 * 1024) } : {}),
      ...limits,
      ...(jobs !== undefined ? { jobs } : {}),
      ...(values.uploads !== undefined ? { uploadsDir: values.uploads } : {}),
    });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (e instanceof StoreError) process.stderr.write(`piao serve: ${err.message}\n`);
    else if (err.code === "EADDRINUSE") process.stderr.write(`piao serve: port ${port ?? 8080} on ${host} is already in use (choose another with --port)\n`);
    else if (err.code === "EACCES" || err.code === "EADDRNOTAVAIL" || err.code === "ENOTFOUND")
      process.stderr.write(`piao serve: cannot listen on ${host}:${port ?? 8080}: ${err.code}\n`);
    else throw e;
    return 2;
  }
  if (!isLoopback(host))
    process.stderr.write(`piao serve: warning: listening on ${host}, not only this computer: anyone who reaches it can read the plans and upload new ones\n`);
  // Listening for the stop signals before the address is printed: whoever reads the
  // address may interrupt at once, and a SIGINT before the handler killed the process
  // (exit by signal, no orderly close); seen once in CI under load.
  const stopped = new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  process.stdout.write(`piao serve: ${app.url}/ (database ${values.db}); Ctrl-C to stop\n`);
  await stopped;
  await app.close();
  return 0;
}
