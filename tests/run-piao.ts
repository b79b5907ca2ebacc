/**
 * The one way CLI tests run `piao`.
 *
 * `runPiao` calls the CLI's `main(argv)` in this process, with stdout and stderr
 * captured: spawning Node for every command cost three quarters of the test run. It
 * loads the compiled CLI (dist/, built by `npm test` before vitest starts), so the
 * import worker threads run the same compiled worker they run in production.
 *
 * `runPiaoProcess` spawns the real launcher (`node bin/piao`) for the few tests that
 * need a real process: exit codes set by the launcher's last net, signals, pipes.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const PIAO_BIN = path.join(REPO_ROOT, "bin/piao");

export interface PiaoRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface PiaoOptions {
  /** Working directory of the command (default: the repository root). */
  cwd?: string;
  /** Only for runPiaoProcess: kill the process after this long. */
  timeoutMs?: number;
}

type Main = (argv: string[]) => Promise<number>;
let mainOf: Promise<Main> | undefined;

function loadMain(): Promise<Main> {
  mainOf ??= import(pathToFileURL(path.join(REPO_ROOT, "dist/cli/main.js")).href).then((m: { main: Main }) => m.main);
  return mainOf;
}

/** One in-process run at a time: the captured streams and the working directory are the process's. */
let queue: Promise<unknown> = Promise.resolve();

export function runPiao(args: string[], opts: PiaoOptions = {}): Promise<PiaoRun> {
  const run = queue.then(() => runInProcess(args, opts));
  queue = run.catch(() => undefined);
  return run;
}

type Write = typeof process.stdout.write;

/** Swaps a stream's write (and its TTY flag: output is what a pipe gets) until restored. */
function capture(stream: NodeJS.WriteStream): { text: () => string; restore: () => void } {
  const chunks: string[] = [];
  const write = stream.write;
  const tty = Object.getOwnPropertyDescriptor(stream, "isTTY");
  const fake = (chunk: string | Uint8Array, encoding?: BufferEncoding | ((e?: Error | null) => void), cb?: (e?: Error | null) => void): boolean => {
    chunks.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
    const done = typeof encoding === "function" ? encoding : cb;
    if (done) queueMicrotask(() => done(null));
    return true;
  };
  stream.write = fake as Write;
  Object.defineProperty(stream, "isTTY", { value: false, configurable: true, writable: true });
  return {
    text: () => chunks.join(""),
    restore: () => {
      stream.write = write;
      if (tty) Object.defineProperty(stream, "isTTY", tty);
      else delete (stream as { isTTY?: boolean }).isTTY;
    },
  };
}

async function runInProcess(args: string[], opts: PiaoOptions): Promise<PiaoRun> {
  const main = await loadMain();
  const cwd = process.cwd();
  const out = capture(process.stdout);
  const err = capture(process.stderr);
  try {
    process.chdir(opts.cwd ?? REPO_ROOT);
    const code = await main(args);
    return { code, stdout: out.text(), stderr: err.text() };
  } finally {
    process.chdir(cwd);
    out.restore();
    err.restore();
  }
}

export function runPiaoProcess(args: string[], opts: PiaoOptions = {}): PiaoRun {
  const r = spawnSync(process.execPath, [PIAO_BIN, ...args], {
    cwd: opts.cwd ?? REPO_ROOT,
    encoding: "utf8",
    timeout: opts.timeoutMs ?? 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
