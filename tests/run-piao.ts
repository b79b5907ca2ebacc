/**
 * End-to-end tests run the real launcher (`node bin/piao`, which needs dist/,
 * built by `npm test`). One helper, so every CLI test spawns it the same way.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const PIAO_BIN = path.join(REPO_ROOT, "bin/piao");

export interface PiaoRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runPiao(args: string[], opts: { cwd?: string; timeoutMs?: number } = {}): PiaoRun {
  const r = spawnSync(process.execPath, [PIAO_BIN, ...args], {
    cwd: opts.cwd ?? REPO_ROOT,
    encoding: "utf8",
    timeout: opts.timeoutMs ?? 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
