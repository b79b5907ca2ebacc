// `npm test`: builds dist/ (the read workers and the spawned CLI run compiled JS, so
// vitest must not start before it is current), then type-checks the tests while
// vitest runs. The type check needs nothing vitest writes and vitest nothing it
// does; run side by side, tsc fills the moments the suite leaves a core idle
// (tests waiting on child processes and Chromium). Fails when either fails.
// Arguments go to vitest: `npm test -- tests/cli` runs a part, still type-checked.
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// The packages' own entry scripts, run with this Node: no shell wrappers from node_modules/.bin.
const TSC = path.join(root, "node_modules/typescript/bin/tsc");
const VITEST = path.join(root, "node_modules/vitest/vitest.mjs");

const build = spawnSync(process.execPath, [TSC, "-b", "tsconfig.json"], { cwd: root, stdio: "inherit" });
if (build.status !== 0) process.exit(build.status ?? 1);

/** Runs a command to its end; its output is kept for the end when `quiet`, so it does not cut into vitest's. */
function run(args, quiet) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: quiet ? ["ignore", "pipe", "pipe"] : "inherit" });
    let output = "";
    child.stdout?.on("data", (c) => (output += c));
    child.stderr?.on("data", (c) => (output += c));
    child.on("error", (e) => resolve({ code: 1, output: `${args[0]}: ${e.message}\n` }));
    child.on("close", (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

const [types, tests] = await Promise.all([run([TSC, "-b", "tsconfig.test.json"], true), run([VITEST, "run", ...process.argv.slice(2)], false)]);
if (types.code !== 0) process.stderr.write(`\ntype check of the tests failed (tsc -b tsconfig.test.json):\n${types.output}`);
else process.stdout.write("type check of the tests: no errors\n");
process.exit(types.code !== 0 ? types.code : tests.code);
