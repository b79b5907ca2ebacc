/**
 * File → plan export: read the layout, normalise it, attach the source block.
 */
import { readDocument, type ReadResult } from "../extract/read-document.js";
import type { ReaderSettings } from "../extract/settings.js";
import type { LayoutDocument } from "../extract/layout.js";
import { normalizePlanExplained, type NormalizeOptions } from "../normalize/normalize-plan.js";
import { PlanExport, SCHEMA_VERSION } from "../normalize/plan-schema.js";
import type { ExplainStep } from "../normalize/recognize-document.js";

export interface ExtractOptions {
  reader?: Partial<ReaderSettings>;
  normalize?: Partial<NormalizeOptions>;
  /** The path written into source.path (defaults to the file as given). */
  displayPath?: string;
}

export interface ExtractResult {
  plan: PlanExport;
  layout: LayoutDocument;
  /** Block by block, what the recogniser made of the layout. */
  explain: ExplainStep[];
}

export async function extractPlan(file: string, options: ExtractOptions = {}): Promise<ExtractResult> {
  return planOfRead(file, await readDocument(file, options.reader), options);
}

/** The export of a document already read (by readDocument, as extractPlan reads it). */
export function planOfRead(file: string, read: ReadResult, options: Omit<ExtractOptions, "reader"> = {}): ExtractResult {
  const { plan: body, explain } = normalizePlanExplained(read.layout, { file, ...options.normalize });
  const unchecked = {
    schemaVersion: SCHEMA_VERSION,
    source: {
      path: options.displayPath ?? file,
      sha256: read.sha256,
      format: read.format,
      pageCount: read.layout.pageCount,
    },
    organization: body.organization,
    kind: body.kind,
    year: body.year,
    period: body.period,
    units: body.units,
    anomalies: body.anomalies,
  };
  // Without zod's compiled fast path: building it (code generated per object schema, then
  // compiled by V8) costs more on a one-page run than it saves, and no time on a long plan.
  const plan = PlanExport.parse(unchecked, { jitless: true });
  return { plan, layout: read.layout, explain };
}
