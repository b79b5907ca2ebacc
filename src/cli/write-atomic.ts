/**
 * Writes a whole file or nothing: the text goes to a temporary file beside the
 * target, which is renamed over it once completely written and flushed. A full
 * disk or a kill leaves the previous file (or none), never a truncated one.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

export function writeFileAtomic(file: string, text: string): void {
  const dir = path.dirname(path.resolve(file));
  mkdirSync(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    const fd = openSync(temp, "w");
    try {
      // writeFileSync loops over partial writes (writeSync alone may stop short without an error).
      writeFileSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, file);
  } catch (e) {
    rmSync(temp, { force: true });
    throw e;
  }
}
