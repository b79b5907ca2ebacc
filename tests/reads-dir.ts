/**
 * Global setup (vitest.config.ts): a folder for this run where the test workers
 * leave the documents they read (tests/read-once.ts), so the other worker takes
 * a read instead of repeating it. Made new for each run and removed after it:
 * nothing read survives a change to the readers.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    readsDir: string;
  }
}

export default function setup(project: TestProject): () => void {
  const dir = mkdtempSync(path.join(tmpdir(), "piao-test-reads-"));
  project.provide("readsDir", dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
