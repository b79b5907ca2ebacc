/**
 * Rules on an objective's content: WEIGHT_MISMATCH, NO_INDICATORS,
 * PHASE_NO_MONTHS.
 */
import { cut } from "../clean-text.js";
import { detailPage, draft, fmt, summaryPage, type Rule } from "./context.js";

export const weightMismatch: Rule = ({ units, settings }) =>
  units.flatMap((u) =>
    u.objectives.flatMap((o) => {
      const a = o.objective.summary?.weight ?? null;
      const b = o.objective.detail?.weight ?? null;
      if (a === null || b === null || Math.abs(a - b) <= settings.weightTolerance) return [];
      return [
        draft(
          u,
          o,
          "WEIGHT_MISMATCH",
          "error",
          `${u.unit.name}, obiettivo ${o.objective.number}: peso ${fmt(a)} nella scheda sintetica ma ${fmt(b)} nella scheda obiettivo.`,
          detailPage(o),
        ),
      ];
    }),
  );

export const noIndicators: Rule = ({ units }) =>
  units.flatMap((u) =>
    u.objectives.flatMap((o) => {
      const s = o.objective.summary?.indicators ?? [];
      const d = o.objective.detail?.indicators ?? [];
      if (s.length > 0 || d.length > 0) return [];
      return [
        draft(
          u,
          o,
          "NO_INDICATORS",
          "warning",
          `${u.unit.name}, obiettivo ${o.objective.number}: nessun indicatore di risultato, né nella scheda sintetica né nella scheda obiettivo; indicare almeno un indicatore misurabile.`,
          o.objective.summary ? summaryPage(o) : detailPage(o),
        ),
      ];
    }),
  );

export const phaseNoMonths: Rule = ({ units, settings }) =>
  units.flatMap((u) =>
    u.objectives.flatMap((o) =>
      (o.monthGrid ? (o.objective.detail?.phases ?? []) : [])
        .filter((p) => p.months.length === 0)
        .map((p, i) =>
          draft(
            u,
            o,
            "PHASE_NO_MONTHS",
            "warning",
            `${u.unit.name}, obiettivo ${o.objective.number}: la fase ${p.number ?? i + 1} ('${cut(p.description, settings.messageTitleLength)}') non ha alcun mese segnato nel cronoprogramma.`,
            p.page ?? detailPage(o),
          ),
        ),
    ),
  );
