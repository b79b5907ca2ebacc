/**
 * Before a document is opened: is it a regular file? stat() never opens the
 * file, so a named pipe (which would block the read forever), a device such as
 * /dev/zero (which never ends) or a folder is refused in one line instead. The
 * one place these reasons are worded: `readDocument` (a library caller, or a file
 * replaced after the pipeline looked) and the pipeline's checks before a worker
 * is asked (`piao extract`, `tables`, `check`, `import`) say the same words.
 */
import { statSync, type Stats } from "node:fs";

export interface FileProblem {
  readonly kind: "not-found" | "unsupported";
  readonly reason: string;
}

/** What a non-regular file is, in words. */
export function specialKind(st: Stats): string {
  if (st.isDirectory()) return "a directory";
  if (st.isFIFO()) return "a named pipe";
  if (st.isCharacterDevice()) return "a character device";
  if (st.isBlockDevice()) return "a block device";
  if (st.isSocket()) return "a socket";
  return "a special file";
}

/** A folder's entry that is not a regular file, listed as skipped by `piao import`. */
export function notRegularReason(st: Stats): string {
  return `not a regular file (${specialKind(st)}); skipped`;
}

/** Null for a regular file, else why a document cannot be read from what stat() found. */
export function statProblem(st: Stats): FileProblem | null {
  if (st.isFile()) return null;
  if (st.isDirectory()) return { kind: "unsupported", reason: "is a directory, not a document (not a regular file)" };
  return { kind: "unsupported", reason: `is not a regular file (${specialKind(st)})` };
}

/** Why stat() failed, in words. */
export function statErrorProblem(e: unknown): FileProblem {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === "ENOENT" || code === "ENOTDIR") return { kind: "not-found", reason: "file not found" };
  if (code === "ELOOP") return { kind: "not-found", reason: "cannot be opened (a loop of symbolic links)" };
  return { kind: "not-found", reason: "cannot be opened (no permission)" };
}

/** Null for a regular file (symbolic links followed), else why it cannot be read. */
export function regularFileProblem(file: string): FileProblem | null {
  let st: Stats;
  try {
    st = statSync(file);
  } catch (e) {
    return statErrorProblem(e);
  }
  return statProblem(st);
}
