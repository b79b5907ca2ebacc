/**
 * Where a report links for a plan's source document: the source path made
 * relative to the folder the report is written to, so `report.html` and the
 * PDFs can be moved together.
 */
import { existsSync } from "node:fs";
import path from "node:path";

export interface HrefContext {
  /** Folder the report is written to (the working directory for stdout). */
  outDir: string;
  /** Folders a relative source path may be relative to, tried in order; the first is the fallback. */
  bases: string[];
}

export function resolveSource(sourcePath: string, bases: readonly string[]): string {
  if (path.isAbsolute(sourcePath)) return sourcePath;
  for (const base of bases) {
    const candidate = path.resolve(base, sourcePath);
    if (existsSync(candidate)) return candidate;
  }
  return path.resolve(bases[0] ?? process.cwd(), sourcePath);
}

export function sourceHref(sourcePath: string, ctx: HrefContext): string {
  const rel = path.relative(ctx.outDir, resolveSource(sourcePath, ctx.bases));
  return rel.split(path.sep).join("/");
}
