/**
 * The finding messages the report knows how to say in every language: one
 * entry per wording of each finding code (a code may be worded several ways:
 * UNIT_MISMATCH names the area, the manager, both, or the sheet's place).
 * The Italian template of each entry (it.ts) is the wording the normaliser
 * (src/normalize/anomaly-rules) or the advisory checks write; reading a stored
 * message back through it recovers the details (unit, numbers, titles), which
 * the other language's template (en.ts) then says. The catalogues are typed
 * from VARIANT_KEYS, so a wording missing in either is a type error; a test
 * reads every stored finding of the fixtures and samples back through these.
 *
 * Placeholders are `{name}`; `params` types the ones that are not plain text:
 * `int` (a count or a number), `num` (a decimal with comma, "12,5"), `date`
 * (ISO or dd/mm/yyyy), `phases` and `names` (the lists of two advisory
 * messages, whose few Italian words are said per language).
 */
export type ParamType = "text" | "int" | "num" | "date" | "phases" | "names";

export interface VariantSpec {
  code: string;
  params?: Record<string, ParamType>;
}

const obj = { objective: "int" } as const;

/** Keys in matching order: the more specific wording of a code first. */
export const VARIANTS = {
  WEIGHT_MISMATCH: { code: "WEIGHT_MISMATCH", params: { ...obj, summary: "num", sheet: "num" } },
  "WEIGHT_TOTAL.declared.blanks": { code: "WEIGHT_TOTAL", params: { sum: "num", blanks: "int", declared: "num" } },
  "WEIGHT_TOTAL.declared": { code: "WEIGHT_TOTAL", params: { sum: "num", declared: "num" } },
  "WEIGHT_TOTAL.expected.blanks": { code: "WEIGHT_TOTAL", params: { sum: "num", blanks: "int", expected: "num" } },
  "WEIGHT_TOTAL.expected": { code: "WEIGHT_TOTAL", params: { sum: "num", expected: "num" } },
  MISSING_DETAIL: { code: "MISSING_DETAIL", params: { ...obj } },
  ORPHAN_DETAIL: { code: "ORPHAN_DETAIL", params: { ...obj } },
  DUPLICATE_NUMBER: { code: "DUPLICATE_NUMBER", params: { number: "int" } },
  TITLE_MISMATCH: { code: "TITLE_MISMATCH", params: { ...obj } },
  "UNIT_MISMATCH.both": { code: "UNIT_MISMATCH", params: { ...obj } },
  "UNIT_MISMATCH.area": { code: "UNIT_MISMATCH", params: { ...obj } },
  "UNIT_MISMATCH.manager": { code: "UNIT_MISMATCH", params: { ...obj } },
  "UNIT_MISMATCH.printed": { code: "UNIT_MISMATCH", params: { ...obj } },
  PHASE_NO_MONTHS: { code: "PHASE_NO_MONTHS", params: { ...obj } },
  NO_INDICATORS: { code: "NO_INDICATORS", params: { ...obj } },
  PAYMENT_TIMES_WEIGHT: { code: "PAYMENT_TIMES_WEIGHT", params: { ...obj, weight: "num", min: "num" } },
  "INTERSECTORAL_DRIFT.noMajority": { code: "INTERSECTORAL_DRIFT", params: { ...obj } },
  "INTERSECTORAL_DRIFT.differs": { code: "INTERSECTORAL_DRIFT", params: { ...obj } },
  "UNREADABLE.pdfImage": { code: "UNREADABLE", params: { page: "int" } },
  "UNREADABLE.pageImage": { code: "UNREADABLE", params: { page: "int" } },
  "UNREADABLE.tableNoText": { code: "UNREADABLE", params: { page: "int" } },
  "UNREADABLE.table": { code: "UNREADABLE", params: { table: "int" } },
  "UNREADABLE.reason": { code: "UNREADABLE" },
  DUPLICATE_OBJECTIVE: { code: "DUPLICATE_OBJECTIVE", params: { ...obj, earlier: "int" } },
  "NUMBERING.objective.skips": { code: "NUMBERING", params: { ...obj, previous: "int" } },
  "NUMBERING.objective.back": { code: "NUMBERING", params: { ...obj, previous: "int" } },
  "NUMBERING.unit.skips": { code: "NUMBERING", params: { number: "int", previous: "int" } },
  "NUMBERING.unit.back": { code: "NUMBERING", params: { number: "int", previous: "int" } },
  PHASE_WEIGHT_TOTAL: { code: "PHASE_WEIGHT_TOTAL", params: { ...obj, sum: "num", expected: "num" } },
  "DEADLINE_OUT_OF_PERIOD.phase": { code: "DEADLINE_OUT_OF_PERIOD", params: { ...obj, deadline: "date" } },
  "DEADLINE_OUT_OF_PERIOD.endYear.notMultiYear": { code: "DEADLINE_OUT_OF_PERIOD", params: { ...obj, end: "int" } },
  "DEADLINE_OUT_OF_PERIOD.endYear": { code: "DEADLINE_OUT_OF_PERIOD", params: { ...obj, end: "int" } },
  WEIGHTS_ABSENT: { code: "WEIGHTS_ABSENT" },
  SUMMARY_ONLY: { code: "SUMMARY_ONLY", params: { count: "int" } },

  "indicator_qualitative.one": { code: "indicator_qualitative", params: { ...obj } },
  "indicator_qualitative.many": { code: "indicator_qualitative", params: { ...obj, count: "int" } },
  "phase_out_of_year.endYear": { code: "phase_out_of_year", params: { ...obj, end: "int", year: "int" } },
  "phase_out_of_year.phases": { code: "phase_out_of_year", params: { ...obj, year: "int", phases: "phases" } },
  "payment_times_missing.one": { code: "payment_times_missing", params: { names: "names" } },
  "payment_times_missing.many": { code: "payment_times_missing", params: { names: "names" } },
  "payment_times_indicator.none": { code: "payment_times_indicator", params: { ...obj, days: "int" } },
  "payment_times_indicator.tooMany": { code: "payment_times_indicator", params: { ...obj, found: "text", days: "int" } },
  "indicator_weight_total.one": { code: "indicator_weight_total", params: { ...obj, sum: "num", total: "num" } },
  "indicator_weight_total.many": { code: "indicator_weight_total", params: { ...obj, sum: "num", count: "int", total: "num" } },
  indicator_weight_total: { code: "indicator_weight_total", params: { ...obj, sum: "num", total: "num" } },
} as const satisfies Record<string, VariantSpec>;

export type VariantKey = keyof typeof VARIANTS;
export const VARIANT_KEYS = Object.keys(VARIANTS) as VariantKey[];
