import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const DIST = path.join(path.dirname(fileURLToPath(import.meta.url)), "dist");
const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Child processes, not threads: CLI tests run main() in-process and change the working
    // directory, which worker threads may not.
    pool: "forks",
    // Test files share their worker's modules (pdf.js, cheerio, the compiled CLI are loaded
    // once per worker, not once per file): tests restore what they change (streams, cwd, env).
    isolate: false,
    // Two cores on CI machines: keep parallelism modest so PDF tests do not starve.
    maxWorkers: 2,
    // Transformed modules kept on disk (node_modules/.experimental-vitest-cache, keyed by each
    // file's content): a second run transforms only what changed. No plugins here whose options
    // could make a cached module stale; `vitest --clearCache` empties it.
    experimental: { fsModuleCache: true },
    // A folder for this run where a worker leaves the documents it read for the other (tests/read-once.ts).
    globalSetup: ["tests/reads-dir.ts"],
    // The compiled CLI that tests run in-process (tests/run-piao.ts) and everything it imports are
    // loaded by Node itself, as `piao` loads them, not transformed again by vite: dist/ is plain
    // JavaScript, built by `npm test` before vitest starts. (src/ is what vite transforms.)
    server: { deps: { external: [new RegExp(`^${escapeRegExp(DIST)}/`)] } },
  },
});
