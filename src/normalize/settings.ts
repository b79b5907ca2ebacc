/**
 * Every tolerance and option of the normaliser, in one zod schema with named
 * defaults. Algorithms read these; none inlines its own numbers.
 */
import { z } from "../shared/zod.js";

export const NormalizeSettings = z.object({
  /** Sum a unit's summary weights must reach when the summary has no TOTALE row. */
  expectedTotal: z.number().positive().default(100),
  /** Rounding tolerance on weight totals and weight comparisons. */
  weightTolerance: z.number().nonnegative().default(0.5),
  /** Weights that are all at most this look like coefficients (1,0 / 1,2 / 1,4), not percentages. */
  coefficientMax: z.number().positive().default(2),
  /** Weights such as "0,15" below this are read as fractions of 1 and scaled to 0-100. */
  fractionMax: z.number().positive().default(1),
  /** Title likeness (0-1) below which a summary row and a sheet are not the same objective. */
  titleMismatchBelow: z.number().min(0).max(1).default(0.2),
  /** Title likeness from which two titles name the same objective when numbers disagree. */
  titleSameFrom: z.number().min(0).max(1).default(0.6),
  /** Title likeness from which two objectives of one unit with the same description are one pasted twice (DUPLICATE_OBJECTIVE). */
  duplicateLikeness: z.number().min(0).max(1).default(0.9),
  /** Characters of a title quoted in a message. */
  messageTitleLength: z.number().int().positive().default(80),
  /** Minimum weight of the payment-times objective (art. 4-bis D.L. 13/2023). */
  paymentTimesMinWeight: z.number().nonnegative().default(30),
  /**
   * An objective on the payment times of commercial invoices, by its title: regular-expression
   * sources matched case-insensitively on text whose runs of white space are one space
   * (PAYMENT_TIMES_WEIGHT here, the report's advisory checks R8/R9 with the same default).
   */
  paymentTimesPatterns: z
    .array(z.string())
    .default([
      "tempi (?:medi )?di pagamento",
      "tempestivit[aà] dei pagamenti",
      "ritardo (?:dei |nei )?pagament",
      "pagamento delle fatture",
      "fatture commerciali",
    ]),
  /** Pages scanned for the organisation and year. */
  metaPages: z.number().int().positive().default(3),
  /** Blocks of a page-less document (DOCX, HTML) read for the organisation and year. */
  metaBlocks: z.number().int().positive().default(60),
  /** Average glyph width (points) used to tell how many characters a PDF cell line holds. */
  pdfCharWidth: z.number().positive().default(4.5),
  /** A PDF line break before a capital is a paragraph end when the next word would have fitted within this share of the line. */
  reflowFit: z.number().positive().default(0.985),
  /** The same share when the line ends a sentence (. : ; ! ?). */
  reflowFitSentence: z.number().positive().default(1),
  /** Letters of a capitals word at a line end from which a 1-3 letter capitals fragment on the next line completes it. */
  brokenWordMin: z.number().int().positive().default(8),
  /** A one- or two-line PDF cell whose widest line is below this share of its box was broken on purpose. */
  reflowShortCell: z.number().positive().default(0.6),
  /** Width of a space as a share of a PDF cell line's average character advance (a space is about 0.28 em, an average character about 0.5 em). */
  reflowSpaceWidth: z.number().positive().default(0.55),
  /** A PDF cell line ending with a drawn space was still ended on purpose if the next word, this many times wider, would have fitted. */
  reflowSureFit: z.number().positive().default(1.5),
  /** A PDF cell line ending without a space (where the producer draws them at wraps) ended its paragraph if this many average characters would still have fitted. */
  reflowOpenRoom: z.number().positive().default(1.5),
  /** Points within which PDF cell lines share a left edge, centre or right edge (their alignment). */
  reflowAlignTolerance: z.number().nonnegative().default(1),
  /** A PDF's producer draws a space where it wraps a line when at least this share of cell lines not ending their cell end with one. */
  reflowEndSpaceShare: z.number().min(0).max(1).default(0.3),
  /** Month cells a row needs to be a Gantt month header (quarters and semesters: phaseHeaderMinPeriods). */
  phaseHeaderMinMonths: z.number().int().positive().default(3),
  phaseHeaderMinPeriods: z.number().int().positive().default(2),
  /** Words beyond which a cell is content, not a column label. */
  headerMaxWords: z.number().int().positive().default(6),
  /** Share of a month cell's width a year cell above it must cover to date it. */
  yearOverlap: z.number().min(0).max(1).default(0.5),
  /** Lines above a summary table read as its heading when no "scheda sintetica" line was seen. */
  headingLinesWithoutTitle: z.number().int().positive().default(4),
  /** Longer lines are running text, not a unit heading. */
  headingMaxChars: z.number().int().positive().default(120),
  /** Sheet fields besides the title (N°, Peso, indicators, phases, …) a sheet must show. */
  sheetMinEvidence: z.number().int().nonnegative().default(2),
  /** Plausible plan years. */
  minYear: z.number().int().default(1990),
  maxYear: z.number().int().default(2100),
  /** Fraction of a month column's width a mark's bbox must overlap to count for it. */
  markOverlap: z.number().min(0).max(1).default(0.3),
});
export type NormalizeSettings = z.infer<typeof NormalizeSettings>;

export function normalizeSettings(input: Partial<NormalizeSettings> = {}): NormalizeSettings {
  return NormalizeSettings.parse(input);
}
