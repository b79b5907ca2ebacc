/**
 * Where a stored plan's source document is on this computer. An upload is kept
 * in the uploads folder under its sha256 (never under the name it came with); a
 * document imported with `piao import` is found at its stored path, relative to
 * the working directory or the database's folder. Either way the bytes must hash
 * to the stored sha256, so a link never opens another file that took its place.
 */
import { copyFileSync, existsSync, mkdirSync, renameSync, statSync, unlinkSync } from "node:fs";
import path from "node:path";
import { hashFile } from "../pipeline/import-files.js";
import { resolveSource } from "../report/source-href.js";

const EXTENSION: Record<string, string> = { pdf: ".pdf", docx: ".docx", html: ".html", text: ".txt" };

export function uploadedName(sha256: string, format: string): string {
  return `${sha256}${EXTENSION[format] ?? ".bin"}`;
}

export class SourceFiles {
  readonly #hashes = new Map<string, { mtimeMs: number; size: number; sha256: string }>();

  constructor(
    readonly uploadsDir: string,
    /** Folders a relative stored path may be relative to. */
    readonly bases: readonly string[],
  ) {}

  /** Moves a read upload into the uploads folder under its hash (kept if already there). */
  keep(tempFile: string, sha256: string, format: string): void {
    mkdirSync(this.uploadsDir, { recursive: true });
    const target = path.join(this.uploadsDir, uploadedName(sha256, format));
    if (existsSync(target)) return;
    try {
      renameSync(tempFile, target);
    } catch (e) {
      // Another file system (a tmpfs /tmp): copy, then drop the temp file.
      if ((e as NodeJS.ErrnoException).code !== "EXDEV") throw e;
      copyFileSync(tempFile, target);
      unlinkSync(tempFile);
    }
  }

  /** The file holding these bytes, or null when none is here. */
  async locate(storedPath: string, sha256: string, format: string): Promise<string | null> {
    const uploaded = path.join(this.uploadsDir, uploadedName(sha256, format));
    if (existsSync(uploaded)) return uploaded;
    const candidate = resolveSource(storedPath, this.bases);
    try {
      const st = statSync(candidate);
      if (!st.isFile()) return null;
      const cached = this.#hashes.get(candidate);
      const hash = cached && cached.mtimeMs === st.mtimeMs && cached.size === st.size ? cached.sha256 : await hashFile(candidate);
      this.#hashes.set(candidate, { mtimeMs: st.mtimeMs, size: st.size, sha256: hash });
      return hash === sha256 ? candidate : null;
    } catch {
      return null;
    }
  }
}
