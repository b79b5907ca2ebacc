/**
 * Expands the paths given to `piao import` into document files: folders are walked
 * recursively, skipping hidden entries, `*.expected.json` goldens and any file
 * whose extension is not a document's. A file named explicitly is always taken
 * (the reader's format sniffing decides about it).
 *
 * Nothing here opens a file: entries are judged by stat(), so a named pipe (whose
 * read would block forever) or a device such as /dev/zero (whose read never ends)
 * is reported, not read. Symbolic links are followed; a folder reached twice (a
 * link back to a parent, or two links to one folder) is walked once, and a file
 * reached by two names is imported once.
 */
import { readdirSync, realpathSync, statSync, type Stats } from "node:fs";
import path from "node:path";
import { notRegularReason, regularFileProblem, statErrorProblem } from "../extract/regular-file.js";

export const DOCUMENT_EXTENSIONS: readonly string[] = [".pdf", ".docx", ".html", ".htm", ".txt"];

export interface PathNote {
  readonly file: string;
  readonly reason: string;
  /** The failure kind where the path does not exist ("not-found"), as readDocument would name it. */
  readonly kind?: string;
}

export interface CollectedFiles {
  /** Regular document files, folders expanded in name order, each once. */
  readonly files: string[];
  /** Paths given that cannot be imported (missing, unreadable, not a regular file), with the reason. */
  readonly missing: PathNote[];
  /** Entries found in folders and left out, with the reason (special files, link loops, broken links). */
  readonly skipped: PathNote[];
}

export function isDocumentName(name: string): boolean {
  if (name.startsWith(".") || name.endsWith(".expected.json")) return false;
  return DOCUMENT_EXTENSIONS.includes(path.extname(name).toLowerCase());
}

export function collectFiles(paths: readonly string[]): CollectedFiles {
  const files: string[] = [];
  const missing: PathNote[] = [];
  const skipped: PathNote[] = [];
  const seenFiles = new Set<string>();
  const seenDirs = new Set<string>();
  const real = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return path.resolve(p);
    }
  };
  const add = (file: string) => {
    const key = real(file);
    if (!seenFiles.has(key)) {
      seenFiles.add(key);
      files.push(file);
    }
  };
  const walk = (dir: string) => {
    const key = real(dir);
    if (seenDirs.has(key)) return;
    seenDirs.add(key);
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch (e) {
      // One unreadable folder is reported; its siblings are still imported.
      missing.push({ file: dir, reason: `cannot be read: ${(e as Error).message.split("\n")[0]}` });
      return;
    }
    for (const e of entries) {
      if (e.name.startsWith(".")) continue;
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.isFile()) {
        if (isDocumentName(e.name)) add(full);
      } else if (e.isSymbolicLink()) followLink(full, e.name);
      else if (isDocumentName(e.name)) skipped.push({ file: full, reason: notRegularReason(statSync(full)) });
    }
  };
  const followLink = (full: string, name: string) => {
    let st: Stats;
    try {
      st = statSync(full);
    } catch (e) {
      const loop = (e as NodeJS.ErrnoException).code === "ELOOP";
      skipped.push({ file: full, reason: loop ? "symbolic link loop; skipped" : "broken symbolic link; skipped" });
      return;
    }
    if (st.isDirectory()) {
      if (seenDirs.has(real(full))) skipped.push({ file: full, reason: "symbolic link to a folder already searched (a loop or a second link); skipped" });
      else walk(full);
    } else if (isDocumentName(name) || isDocumentName(path.basename(real(full)))) {
      if (st.isFile()) add(full);
      else skipped.push({ file: full, reason: notRegularReason(st) });
    }
  };
  for (const p of paths) {
    let st: Stats;
    try {
      st = statSync(p);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      missing.push(code === "ENOENT" ? { file: p, ...statErrorProblem(e) } : { file: p, reason: `cannot be read: ${(e as Error).message}` });
      continue;
    }
    if (st.isDirectory()) walk(p);
    else if (st.isFile()) add(p);
    else missing.push({ file: p, reason: regularFileProblem(p)?.reason ?? notRegularReason(st) });
  }
  return { files, missing, skipped };
}
