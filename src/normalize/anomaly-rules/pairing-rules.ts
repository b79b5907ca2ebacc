/**
 * Rules on how summary rows and sheets pair up: MISSING_DETAIL, ORPHAN_DETAIL,
 * TITLE_MISMATCH, DUPLICATE_NUMBER, UNIT_MISMATCH.
 */
import { cut } from "../clean-text.js";
import { samePerson } from "../person-name.js";
import { sameUnit } from "../unit-name.js";
import { detailPage, draft, summaryPage, type Rule } from "./context.js";

export const missingDetail: Rule = ({ units, settings, hasDetails }) =>
  !hasDetails
    ? []
    : units.flatMap((u) =>
        u.objectives
          .filter((o) => o.objective.summary && !o.objective.detail)
          .map((o) =>
            draft(
              u,
              o,
              "MISSING_DETAIL",
              "warning",
              `${u.unit.name}: l'obiettivo ${o.objective.number} ('${cut(o.objective.title, settings.messageTitleLength)}') della scheda sintetica non ha una scheda obiettivo.`,
              summaryPage(o),
            ),
          ),
      );

export const orphanDetail: Rule = ({ units, settings }) =>
  units.flatMap((u) =>
    u.objectives
      .filter((o) => o.orphan && u.hasSummary)
      .map((o) =>
        draft(
          u,
          o,
          "ORPHAN_DETAIL",
          "warning",
          `${u.unit.name}, obiettivo ${o.objective.number}: la scheda obiettivo ('${cut(o.objective.title, settings.messageTitleLength)}') non corrisponde a nessuna riga della scheda sintetica.`,
          detailPage(o),
        ),
      ),
  );

export const titleMismatch: Rule = ({ units, settings }) =>
  units.flatMap((u) =>
    u.objectives
      .filter((o) => o.titleMismatch && o.objective.summary && o.objective.detail)
      .map((o) =>
        draft(
          u,
          o,
          "TITLE_MISMATCH",
          "warning",
          `${u.unit.name}, obiettivo ${o.objective.number}: il titolo della scheda obiettivo ('${cut(o.objective.detail!.title, settings.messageTitleLength)}') è molto diverso da quello della scheda sintetica ('${cut(o.objective.summary!.title, settings.messageTitleLength)}').`,
          detailPage(o),
        ),
      ),
  );

export const duplicateNumber: Rule = ({ units, settings }) =>
  units.flatMap((u) => {
    const first = new Map<number, string>();
    return u.objectives.flatMap((o) => {
      const n = o.objective.number;
      const seen = first.get(n);
      if (seen === undefined) {
        first.set(n, o.objective.title);
        return [];
      }
      return [
        draft(
          u,
          o,
          "DUPLICATE_NUMBER",
          "error",
          `${u.unit.name}: il numero ${n} è usato da più obiettivi ('${cut(seen, settings.messageTitleLength)}' e '${cut(o.objective.title, settings.messageTitleLength)}'); numerare gli obiettivi in modo univoco.`,
          summaryPage(o),
        ),
      ];
    });
  });

export const unitMismatch: Rule = ({ units }) =>
  units.flatMap((u) =>
    u.objectives.flatMap((o) => {
      const d = o.objective.detail;
      if (!d || !o.objective.summary) return [];
      const head = `${u.unit.name}, obiettivo ${o.objective.number}`;
      const areaDiffers = d.unitName !== null && !sameUnit(d.unitName, u.unit.name);
      const managerDiffers = d.manager !== null && u.unit.manager !== null && !samePerson(d.manager, u.unit.manager);
      let message: string | null = null;
      if (areaDiffers && managerDiffers) {
        message = `${head}: la scheda obiettivo indica l'area '${d.unitName}' e il responsabile '${d.manager}', diversi da quelli della scheda sintetica (${u.unit.name}, ${u.unit.manager}).`;
      } else if (areaDiffers) {
        message = `${head}: la scheda obiettivo indica l'area '${d.unitName}', diversa da quella della scheda sintetica (${u.unit.name}).`;
      } else if (managerDiffers) {
        message = `${head}: la scheda obiettivo indica il responsabile '${d.manager}', diverso da quello della scheda sintetica (${u.unit.manager}).`;
      } else if (o.printedUnder !== null) {
        message = `${head}: la scheda obiettivo è stampata tra le schede di '${o.printedUnder}' ma corrisponde (numero, titolo e peso) alla scheda sintetica di questa unità.`;
      }
      return message ? [draft(u, o, "UNIT_MISMATCH", "warning", message, detailPage(o))] : [];
    }),
  );
