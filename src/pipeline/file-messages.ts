/**
 * Messages between a single-file command (`piao tables`, `extract`, `check FILE`)
 * and the worker that reads its document (structured-cloned). Failures are values:
 * the document's one-line reason, its kind, and for a refused plan the
 * recogniser's reasoning (`extract --explain` shows it).
 */
import type { ReaderSettings } from "../extract/settings.js";
import type { LayoutDocument, SourceFormat } from "../extract/layout.js";
import type { NormalizeOptions } from "../normalize/normalize-plan.js";
import type { PlanExport } from "../normalize/plan-schema.js";
import type { ExplainStep } from "../normalize/recognize-document.js";
import type { PageTrace } from "../extract/pdf/table-trace.js";

export type FileRequest =
  | {
      readonly id: number;
      readonly task: "layout";
      readonly file: string;
      readonly reader: Partial<ReaderSettings>;
      /** `piao tables --pages/--debug`: only these pages; the PDF table finder's steps sent back too. */
      readonly view?: LayoutView;
    }
  | {
      readonly id: number;
      readonly task: "plan";
      readonly file: string;
      readonly reader: Partial<ReaderSettings>;
      readonly normalize: Partial<NormalizeOptions>;
    };

export interface LayoutView {
  readonly pages?: readonly number[];
  readonly trace?: boolean;
}

export interface ReaderError {
  readonly name: string;
  readonly message: string;
  /** DocumentError's kind; undefined for anything else (a bug or an engine limit). */
  readonly kind: string | undefined;
  /** The file the error names (DocumentError's own), else the file asked for. */
  readonly file: string;
  /** Set when the recogniser found no objective: how it read the blocks. */
  readonly explain?: ExplainStep[];
}

export type FileReply =
  | {
      readonly id: number;
      readonly ok: true;
      readonly task: "layout";
      readonly layout: LayoutDocument;
      readonly format: SourceFormat;
      readonly sha256: string;
      /** Each PDF page's table-finding steps, when the request asked for them. */
      readonly traces?: PageTrace[];
    }
  | { readonly id: number; readonly ok: true; readonly task: "plan"; readonly plan: PlanExport; readonly explain: ExplainStep[] }
  | { readonly id: number; readonly ok: false; readonly error: ReaderError };
