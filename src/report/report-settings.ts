/**
 * Every threshold the consistency report uses, in one zod schema with named
 * defaults. Weights are on the plans' 0-100 scale; similarities are 0-1 title
 * likeness as computed by titleSimilarity (text-similarity.ts).
 */
import { z } from "zod";

export const ReportSettings = z.object({
  /**
   * The total a unit's summary weights must reach when the unit has no TOTALE
   * row. 100 is practice (GZoom, PERFORM+), not statute: each SMVP may differ.
   */
  expectedTotal: z.number().positive().default(100),
  /** Rounding allowance when a unit's weights are compared with its total (domain rule R1). */
  totalTolerance: z.number().nonnegative().default(0.5),
  /** Two weights of one objective (summary vs sheet, this year vs last) differ beyond this. */
  weightEpsilon: z.number().nonnegative().default(1e-6),
  /** Units of two years are the same unit when their names are at least this alike. */
  unitMatchSimilarity: z.number().min(0).max(1).default(0.7),
  /** Objectives of two years (within one unit) are the same when their titles are at least this alike. */
  titleMatchSimilarity: z.number().min(0).max(1).default(0.65),
  /**
   * Objectives left unmatched by title but carrying the same number are the
   * same objective retitled only when their titles share at least this much,
   * or their indicators overlap by `indicatorOverlapForRetitle`; otherwise one
   * was dropped and another added under the freed number.
   */
  retitleMinSimilarity: z.number().min(0).max(1).default(0.4),
  indicatorOverlapForRetitle: z.number().min(0).max(1).default(0.5),
});
export type ReportSettings = z.infer<typeof ReportSettings>;

export function reportSettings(partial: Partial<ReportSettings> = {}): ReportSettings {
  return ReportSettings.parse(partial);
}
