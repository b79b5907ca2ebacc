/**
 * Expands the paths given to `piao import` into document files: folders are walked
 * recursively, skipping hidden entries, `*.expected.json` goldens and any file
 * whose extension is not a document's. A file named explicitly is always taken
 * (the reader's format sniffing decides about it).
 */
import { readdirSync, statSync } from "node:fs";
import path from "node:path";

export const DOCUMENT_EXTENSIONS: readonly string[] = [".pdf", ".docx", ".html", ".htm", ".txt"];

export interface CollectedFiles {
  /** Document files, folders expanded in name order, each once. */
  readonly files: string[];
  /** Paths that do not exist or cannot be read, with the reason. */
  readonly missing: { readonly file: string; readonly reason: string }[];
}

export function isDocumentName(name: string): boolean {
  if (name.startsWith(".") || name.endsWith(".expected.json")) return false;
  return DOCUMENT_EXTENSIONS.includes(path.extname(name).toLowerCase());
}

export function collectFiles(paths: readonly string[]): CollectedFiles {
  const files: string[] = [];
  const missing: { file: string; reason: string }[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    const key = path.resolve(file);
    if (!seen.has(key)) {
      seen.add(key);
      files.push(file);
    }
  };
  const walk = (dir: string) => {
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
      else if (e.isFile() && isDocumentName(e.name)) add(full);
    }
  };
  for (const p of paths) {
    try {
      if (statSync(p).isDirectory()) walk(p);
      else add(p);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      missing.push({ file: p, reason: code === "ENOENT" ? "file not found" : `cannot be read: ${(e as Error).message}` });
    }
  }
  return { files, missing };
}
