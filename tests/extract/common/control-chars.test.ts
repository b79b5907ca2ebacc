/**
 * Control characters in a plan's text (terminal escape sequences, binary
 * bytes) are replaced at the readers' edge: they never reach the export, and a
 * warning says where text was changed.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { replaceControlChars } from "../../../src/extract/common/control-chars.js";
import { runPiao } from "../../run-piao.js";
import { samplesDir } from "./golden.js";

const ESC = "\u001b]0;pwned\u0007\u001b[2J\u001b[31mrosso\u001b[0m \u009b31m \u007f";
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

describe("replaceControlChars", () => {
  it("replaces C0 (but tab and newline), DEL and C1 by U+FFFD and counts them", async () => {
    expect(replaceControlChars("a\tb\nc")).toEqual({ text: "a\tb\nc", replaced: 0 });
    expect(replaceControlChars("x\u001b[2Jy\u0000z\u007f\u0085")).toEqual({ text: "x\uFFFD[2Jy\uFFFDz\uFFFD\uFFFD", replaced: 4 });
  });

  it("turns carriage returns, vertical tabs and form feeds into line breaks without counting them", async () => {
    expect(replaceControlChars("a\r\nb\rc\u000bd\u000ce")).toEqual({ text: "a\nb\nc\nd\ne", replaced: 0 });
  });
});

describe("a plan whose text carries escape sequences, end to end", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "piao-esc-"));
  const file = path.join(dir, "esc.txt");
  const lines = readFileSync(path.join(samplesDir, "luzzara-2024-piano-performance.converted.txt"), "utf8").split("\n");
  let injected = 0;
  for (let i = 0; i < lines.length && injected < 3; i++) {
    if (/biettivo/.test(lines[i]!)) {
      lines[i] += ` ${ESC}`;
      injected++;
    }
  }
  writeFileSync(file, lines.join("\n"));

  it("exports the plan without a single control character, the text kept around the replacements", async () => {
    expect(injected).toBe(3);
    const r = await runPiao(["extract", file], { timeoutMs: 120_000 });
    expect(r.code).toBe(0);
    expect(CONTROL.test(r.stdout)).toBe(false);
    expect(r.stdout).not.toMatch(/\\u00[01][0-9a-f]|\\u007f/i);
    expect(r.stdout).toContain("\uFFFD]0;pwned\uFFFD\uFFFD[2J");
    expect(CONTROL.test(r.stderr)).toBe(false);
  });

  it("says where text was changed (a reader warning per page)", async () => {
    const r = await runPiao(["tables", "--json", file], { timeoutMs: 120_000 });
    expect(r.code).toBe(0);
    const layout = JSON.parse(r.stdout) as { messages: { code: string; severity: string; reason: string; page: number | null }[] };
    const warnings = layout.messages.filter((m) => m.code === "CONTROL_CHARACTERS");
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings.every((w) => w.severity === "warning" && w.page !== null)).toBe(true);
    // 7 per injected line (ESC ×4, BEL, CSI, DEL).
    const total = warnings.reduce((n, w) => n + Number(/^(\d+) control/.exec(w.reason)?.[1]), 0);
    expect(total).toBe(21);
  });
});
