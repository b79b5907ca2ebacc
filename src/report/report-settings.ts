/**
 * Every threshold the consistency report uses, in one zod schema with named
 * defaults. Weights are on the plans' 0-100 scale; similarities are 0-1 title
 * likeness as computed by titleSimilarity (normalize/title-likeness.ts). Word lists of
 * the advisory checks (advisory-rules.ts) are regular-expression sources,
 * matched case-insensitively on text whose runs of white space are one space.
 */
import { z } from "../shared/zod.js";
import { Lang } from "./i18n/lang.js";
import { NormalizeSettings } from "../normalize/settings.js";

const Patterns = z.array(z.string());

export const ReportSettings = z.object({
  /**
   * The total a unit's summary weights must reach when the unit has no TOTALE
   * row. 100 is practice (GZoom, PERFORM+), not statute: each SMVP may differ.
   */
  expectedTotal: NormalizeSettings.shape.expectedTotal,
  /** Rounding allowance when a unit's weights are compared with its total (domain rule R1): the normaliser's weightTolerance. */
  totalTolerance: NormalizeSettings.shape.weightTolerance,
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

  /** The language of every label and finding message (`piao check --lang`): Italian unless asked. */
  lang: Lang.default("it"),
  /** Compute the advisory checks (domain rules the contract has no code for). `piao check --no-advisory` turns them off. */
  advisory: z.boolean().default(true),
  /**
   * R4: an indicator is measurable when it matches one of these: a digit (a
   * number, a date, a percentage), a comparison sign or word, a deadline
   * ("entro"), a yes/no target, a number written in words. All-or-nothing
   * targets count as yes/no: "tutti gli immobili", "nessun atto cartaceo",
   * "senza rilievi", and an outcome stated as done ("piano approvato",
   * "prova eseguita", "azioni completate"); so does a frequency ("con cadenza
   * trimestrale"). "Informativa periodica" or "rispetto della tempistica" do not.
   */
  measurablePatterns: Patterns.default([
    "\\d",
    "[<>≤≥=%]",
    "\\bentro\\b",
    "\\b(?:almeno|non oltre|non più di|non meno di|non superiore|non inferiore|pari a|minimo|massimo|oltre)\\b",
    "(?:^|[\\s(])(?:sì|si|no)\\s*/\\s*(?:sì|si|no)(?:[\\s).,;]|$)",
    "[:=]\\s*(?:sì|si)(?:[\\s).,;]|$)",
    "\\b(?:on|off|realizzato|non realizzato)\\s*/",
    "\\b(?:tutti|tutte|nessun|nessuna|nessuno|senza)\\b",
    "\\b(?:approvat|adottat|aggiornat|eseguit|complet|completat|attivat|pubblicat|realizzat|conclus|avviat|sottoscritt|aggiudicat|collaudat|inviat|trasmess|deliberat)[oaie]\\b",
    "\\b(?:settimanal|mensil|bimestral|trimestral|quadrimestral|semestral)[ei]\\b",
    "\\b(?:zero|due|tre|quattro|cinque|sei|sette|otto|nove|dieci|dodici|venti|trenta|cento)\\b",
  ]),
  /**
   * R4: a plan's "Target" column is exported as one more indicator item after
   * the indicator it measures (docs/fixtures.md): a qualitative item followed
   * by a measurable item of at most this many words ("100%", "Almeno 400 km",
   * "Meno 15% sul 2025") has its target there.
   */
  targetItemMaxWords: z.number().int().nonnegative().default(5),
  /** R6: an objective's duration that makes it annual (null counts as annual too). */
  annualDurationPattern: z.string().default("^annual"),
  /** R8/R9: an objective on the payment times of commercial invoices, by its title (as the normaliser's PAYMENT_TIMES_WEIGHT). */
  paymentTimesPatterns: NormalizeSettings.shape.paymentTimesPatterns,
  /** R9: an indicator naming the annual delay index (indicatore di ritardo / tempestività dei pagamenti ≤ 0). */
  delayIndexPatterns: Patterns.default(["ritardo", "tempestivit[aà]", "\\bITP\\b"]),
  /** R9: an indicator naming the average payment time ("tempo medio di pagamento ≤ 30 giorni"). */
  averageTimePatterns: Patterns.default(["tempo medio", "tempi medi", "\\d+\\s*(?:giorni|gg)\\b"]),
  /** R9: the most days an average payment time may be (L.145/2018 c.859 b): 30, 60 for the SSN. */
  paymentDaysMax: z.number().positive().default(30),
  paymentDaysMaxSsn: z.number().positive().default(60),
  /** R9: a body of the national health service (SSN), by its name: its limit is paymentDaysMaxSsn. */
  ssnPatterns: Patterns.default([
    "\\bA\\.?S\\.?L\\b",
    "\\bAUSL\\b",
    "\\bASST\\b",
    "\\bASP\\b",
    "\\bULSS\\b",
    "azienda (?:unit[aà] )?sanitaria",
    "azienda ospedalier",
    "\\bIRCCS\\b",
  ]),
  /** R17: an indicator's own weight, "(peso 40%)", "peso: 40", "peso 12,5 %": group 1 is the number. */
  indicatorWeightPattern: z.string().default("\\bpeso\\s*(?:indicatore\\s*)?[:=]?\\s*(\\d+(?:[.,]\\d+)?)\\s*%?"),
  /** R17: the total an objective's indicator weights must reach. */
  indicatorWeightTotal: z.number().positive().default(100),
});
export type ReportSettings = z.infer<typeof ReportSettings>;

export function reportSettings(partial: Partial<ReportSettings> = {}): ReportSettings {
  return ReportSettings.parse(partial);
}
