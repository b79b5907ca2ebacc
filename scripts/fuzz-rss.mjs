// Loaded with `node --import` into each process scripts/fuzz.mjs starts: on exit, the
// process's own peak resident set (getrusage maxRSS, kB) goes to $PIAO_FUZZ_RSS_FILE.
import { writeFileSync } from "node:fs";

const target = process.env.PIAO_FUZZ_RSS_FILE;
if (target) {
  process.on("exit", () => {
    try {
      writeFileSync(target, String(process.resourceUsage().maxRSS));
    } catch {
      // the harness falls back on /proc polling
    }
  });
}
