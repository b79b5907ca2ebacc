/**
 * What the readers said (`extract/reader-message.ts`), carried into the export as
 * findings of the same codes, with their place: a skipped table, dropped words or an
 * open grid reach the database and the report like any other finding.
 */
import type { ReaderMessage } from "../../extract/layout.js";
import type { Anomaly } from "../plan-schema.js";
import type { AnomalyDraft, Rule } from "./context.js";

/** UNREADABLE is an error by the contract; a reader's "fatal" is an error of the export. */
function severityOf(m: ReaderMessage): Anomaly["severity"] {
  if (m.code === "UNREADABLE" || m.severity === "fatal") return "error";
  return m.severity;
}

/** Findings naming no unit: ordered after every unit's own, in the reader's order. */
export const readerFindings: Rule = ({ readerMessages }) =>
  readerMessages.map(
    (m): AnomalyDraft => ({
      code: m.code,
      severity: severityOf(m),
      unit: null,
      objective: null,
      message: m.reason,
      page: m.page,
      ...(m.table !== null ? { table: m.table } : {}),
      ...(m.row != null ? { row: m.row } : {}),
      ...(m.column != null ? { column: m.column } : {}),
      unitIndex: Number.MAX_SAFE_INTEGER,
      objectiveIndex: -1,
    }),
  );
