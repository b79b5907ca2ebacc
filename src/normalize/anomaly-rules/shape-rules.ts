/**
 * Rules that real plans of every family need (schemaVersion 2):
 * NUMBERING, DUPLICATE_OBJECTIVE, PHASE_WEIGHT_TOTAL, DEADLINE_OUT_OF_PERIOD,
 * WEIGHTS_ABSENT, SUMMARY_ONLY (anomaly-codes.md, docs/families.md).
 */
import { cut, labelKey } from "../clean-text.js";
import { titleLikeness } from "../title-likeness.js";
import { MULTI_YEAR } from "../vocabulary.js";
import { detailPage, draft, fmt, summaryPage, type AnomalyDraft, type ObjectiveInfo, type Rule, type UnitInfo } from "./context.js";

/** Case, accents, punctuation and spacing folded away. */
function folded(text: string | null | undefined): string {
  return labelKey(text ?? "");
}

/** The first number of a sequence that is neither the previous + 1 nor a repeat of it. */
function firstOutOfPlace(numbers: ReadonlyArray<number>): number {
  return numbers.findIndex((n, k) => k > 0 && n !== numbers[k - 1]! + 1 && n !== numbers[k - 1]);
}

/** NUMBERING of one unit's objectives, on the first number out of place (printed numbers only). */
export const objectiveNumbering: Rule = ({ units }) =>
  units.flatMap((u) => {
    const seq = u.objectives.filter((o) => o.printedNumber);
    const k = firstOutOfPlace(seq.map((o) => o.objective.number));
    if (k < 0) return [];
    const o = seq[k]!;
    const prev = seq[k - 1]!.objective.number;
    const how = o.objective.number > prev ? "con un salto" : "che torna indietro";
    return [
      draft(u, o, "NUMBERING", "warning", `${u.unit.name}: l'obiettivo ${o.objective.number} segue l'obiettivo ${prev} (numerazione ${how}).`, summaryPage(o)),
    ];
  });

/** NUMBERING of units (those with a printed number, in document order), once. */
export function unitNumbering(units: ReadonlyArray<UnitInfo>): AnomalyDraft[] {
  const seq = units.filter((u) => u.unit.number !== null);
  const k = firstOutOfPlace(seq.map((u) => u.unit.number!));
  if (k < 0) return [];
  const u = seq[k]!;
  const prev = seq[k - 1]!.unit.number!;
  const how = u.unit.number! > prev ? "salta" : "torna indietro";
  return [
    draft(
      u,
      null,
      "NUMBERING",
      "warning",
      `L'unità ${u.unit.number} (${u.unit.name}) segue l'unità ${prev}: la numerazione delle unità ${how}.`,
      u.page ?? summaryPage(u.objectives[0]!),
    ),
  ];
}

function description(o: ObjectiveInfo): string {
  return folded(o.objective.detail?.description);
}

/** DUPLICATE_OBJECTIVE: a later objective that repeats an earlier one of its unit (title and description). */
export const duplicateObjective: Rule = ({ units, settings }) =>
  units.flatMap((u) =>
    u.objectives.flatMap((o, i) => {
      const earlier = u.objectives.slice(0, i).find((e) => {
        const sameTitle =
          folded(e.objective.title) === folded(o.objective.title) || titleLikeness(e.objective.title, o.objective.title) >= settings.duplicateLikeness;
        return sameTitle && description(e) === description(o);
      });
      if (!earlier) return [];
      return [
        draft(
          u,
          o,
          "DUPLICATE_OBJECTIVE",
          "warning",
          `${u.unit.name}: l'obiettivo ${o.objective.number} ripete l'obiettivo ${earlier.objective.number} ('${cut(o.objective.title, settings.messageTitleLength)}').`,
          summaryPage(o),
        ),
      ];
    }),
  );

/** PHASE_WEIGHT_TOTAL: weighted phases (activities) that do not add up to 100. */
export const phaseWeightTotal: Rule = ({ units, settings }) =>
  units.flatMap((u) =>
    u.objectives.flatMap((o) => {
      const weights = (o.objective.detail?.phases ?? []).map((p) => p.weight).filter((w): w is number => w !== null);
      if (weights.length === 0) return [];
      const sum = weights.reduce((a, b) => a + b, 0);
      if (Math.abs(sum - settings.expectedTotal) <= settings.weightTolerance) return [];
      return [
        draft(
          u,
          o,
          "PHASE_WEIGHT_TOTAL",
          "error",
          `${u.unit.name}, obiettivo ${o.objective.number}: i pesi delle fasi sommano a ${fmt(sum)} invece di ${fmt(settings.expectedTotal)}.`,
          detailPage(o),
        ),
      ];
    }),
  );

/** DEADLINE_OUT_OF_PERIOD, once per objective: a phase deadline or the end year outside the plan's period. */
export const deadlineOutOfPeriod: Rule = ({ units, period }) =>
  period === null
    ? []
    : units.flatMap((u) =>
        u.objectives.flatMap((o) => {
          const d = o.objective.detail;
          if (!d) return [];
          const range = `${period.from}-${period.to}`;
          const phase = d.phases.find(
            (p) => p.deadline !== null && (Number(p.deadline.slice(0, 4)) < period.from || Number(p.deadline.slice(0, 4)) > period.to),
          );
          if (phase) {
            return [
              draft(
                u,
                o,
                "DEADLINE_OUT_OF_PERIOD",
                "warning",
                `${u.unit.name}, obiettivo ${o.objective.number}: la fase '${phase.description}' scade il ${phase.deadline}, fuori dal periodo del piano (${range}).`,
                detailPage(o),
              ),
            ];
          }
          const end = d.endYear;
          const multiYear = MULTI_YEAR.test(d.duration ?? "");
          if (end !== null && (end < period.from || (end > period.to && !multiYear))) {
            return [
              draft(
                u,
                o,
                "DEADLINE_OUT_OF_PERIOD",
                "warning",
                `${u.unit.name}, obiettivo ${o.objective.number}: anno di conclusione ${end} fuori dal periodo del piano (${range})${end > period.to ? " e l'obiettivo non è dichiarato pluriennale" : ""}.`,
                detailPage(o),
              ),
            ];
          }
          return [];
        }),
      );

/** WEIGHTS_ABSENT: no objective of the unit carries a weight, in summary or sheet. */
export const weightsAbsent: Rule = ({ units }) =>
  units.flatMap((u) => {
    if (u.objectives.length === 0) return [];
    if (u.objectives.some((o) => o.objective.summary?.weight != null || o.objective.detail?.weight != null)) return [];
    return [
      draft(
        u,
        null,
        "WEIGHTS_ABSENT",
        "info",
        `${u.unit.name}: nessun obiettivo ha un peso, né nella sintesi né nelle schede; i controlli sui pesi non si applicano.`,
        u.page ?? summaryPage(u.objectives[0]!),
      ),
    ];
  });

/** SUMMARY_ONLY: objectives are listed and none has a sheet (nor was a sheet unreadable). */
export function summaryOnly(units: ReadonlyArray<UnitInfo>, unreadableParts: boolean): AnomalyDraft[] {
  const all = units.flatMap((u) => u.objectives);
  if (all.length === 0 || unreadableParts || all.some((o) => o.objective.detail) || !all.some((o) => o.objective.summary)) return [];
  const first = all.find((o) => o.objective.summary)!;
  return [
    {
      code: "SUMMARY_ONLY",
      severity: "info",
      unit: null,
      objective: null,
      message: `Il documento elenca ${all.length} obiettivi ma nessuna scheda obiettivo: pesi, fasi e indicatori delle schede non sono verificabili.`,
      page: first.objective.summary!.page,
      unitIndex: Number.MAX_SAFE_INTEGER - 1,
      objectiveIndex: Number.MAX_SAFE_INTEGER,
    },
  ];
}
