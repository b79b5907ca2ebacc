/**
 * `piao serve` as a command (node bin/piao, built dist/): it prints its address,
 * answers, warns when told to listen beyond this computer, stops on SIGINT with
 * exit 0, and refuses bad flags and a busy port with one line and exit 2 (those
 * in-process, through main(argv), but for one that checks the launcher's exit code).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { PIAO_BIN, runPiao, runPiaoProcess } from "../run-piao.js";

const dir = mkdtempSync(path.join(tmpdir(), "piao-serve-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Started {
  child: ChildProcess;
  url: string;
  stderr: () => string;
}

/** Starts the command and waits for its address line on stdout. */
function start(args: string[]): Promise<Started> {
  const child = spawn(process.execPath, [PIAO_BIN, "serve", "--db", path.join(dir, "cli.sqlite"), "--port", "0", ...args], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stderr!.setEncoding("utf8").on("data", (d: string) => (err += d));
  return new Promise((resolve, reject) => {
    child.stdout!.setEncoding("utf8").on("data", (d: string) => {
      out += d;
      const url = /piao serve: (http:\/\/\S+?)\/ /.exec(out)?.[1];
      if (url) resolve({ child, url, stderr: () => err });
    });
    child.on("exit", (code) => reject(new Error(`piao serve exited ${code}: ${err}`)));
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.on("exit", (code) => resolve(code));
    child.kill("SIGINT");
  });
}

describe("piao serve (command)", () => {
  it("serves on 127.0.0.1 until interrupted", async () => {
    const s = await start([]);
    expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const r = await fetch(`${s.url}/`);
    expect(r.status).toBe(200);
    expect(await r.text()).toContain("Piani archiviati");
    expect(s.stderr()).toBe("");
    expect(await stop(s.child)).toBe(0);
  });

  it("says so when it listens beyond this computer", async () => {
    const s = await start(["--host", "0.0.0.0"]);
    expect(s.stderr()).toMatch(/^piao serve: warning: listening on 0\.0\.0\.0, not only this computer/);
    expect(s.stderr().trim().split("\n")).toHaveLength(1);
    expect(await stop(s.child)).toBe(0);
  });

  it("refuses bad flags and a busy port with one line and exit 2", async () => {
    // The launcher's exit code once, as a real process; the other refusals in-process
    // (main(argv): each comes before the server listens, or when it cannot).
    const launched = runPiaoProcess(["serve", "--db", path.join(dir, "cli.sqlite"), "--port", "http"], { timeoutMs: 30_000 });
    expect(launched.code).toBe(2);
    expect(launched.stderr.trim().split("\n")).toHaveLength(1);
    for (const args of [["--port", "http"], ["--max-upload-mb", "0"], ["--max-memory", "10"], ["--timeout", "never"], ["plan.pdf"]]) {
      const r = await runPiao(["serve", "--db", path.join(dir, "cli.sqlite"), ...args]);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stdout, args.join(" ")).toBe("");
      expect(r.stderr.trim().split("\n"), args.join(" ")).toHaveLength(1);
    }
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, "127.0.0.1", resolve));
    const port = (busy.address() as { port: number }).port;
    try {
      const r = await runPiao(["serve", "--db", path.join(dir, "cli.sqlite"), "--port", String(port)]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`piao serve: port ${port} on 127.0.0.1 is already in use (choose another with --port)\n`);
    } finally {
      busy.close();
    }
  });
});
