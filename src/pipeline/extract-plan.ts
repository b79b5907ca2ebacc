/**
 * File → plan export: read the layout, normalise it, attach the source block.
 */
import { readDocument } from "../extract/read-document.js";
import type { ReaderSettings } from "../extract/settings.js";
import type { LayoutDocument } from "../extract/layout.js";
import { normalizePlan, type NormalizeOptions } from "../normalize/normalize-plan.js";
import { PlanExport } from "../normalize/plan-schema.js";

export interface ExtractOptions {
  reader?: Partial<ReaderSettings>;
  normalize?: Partial<NormalizeOptions>;
  /** The path written into source.path (defaults to the file as given). */
  displayPath?: string;
}

export interface ExtractResult {
  plan: PlanExport;
  layout: LayoutDocument;
}

export async function extractPlan(file: string, options: ExtractOptions = {}): Promise<ExtractResult> {
  const read = await readDocument(file, options.reader);
  const body = normalizePlan(read.layout, { file, ...options.normalize });
  const plan = PlanExport.parse({
    schemaVersion: 1,
    source: {
      path: options.displayPath ?? file,
      sha256: read.sha256,
      format: read.format,
      pageCount: read.layout.pageCount,
    },
    ...body,
  });
  return { plan, layout: read.layout };
}
