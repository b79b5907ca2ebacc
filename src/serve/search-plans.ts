/**
 * Full-text search over the objectives and indicators of stored plans, through
 * the FTS5 tables the schema keeps in step (objectives_fts, indicators_fts;
 * accents ignored). The user's words never reach FTS5 as syntax: each becomes a
 * quoted term (all must match), or one quoted phrase when the text is in quotes.
 */
import type { Db } from "../store/index.js";
import { text } from "./html-text.js";

/** Snippet markers: control characters that plan text does not carry, swapped for <mark> after escaping. */
const OPEN = "\u0001";
const CLOSE = "\u0002";

export function ftsQuery(text: string): string | null {
  const phrase = /^\s*"([^"]+)"\s*$/.exec(text);
  const words = (phrase ? phrase[1]! : text).match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return null;
  return phrase ? `"${words.join(" ")}"` : words.map((w) => `"${w}"`).join(" ");
}

export interface ObjectiveHit {
  planId: number;
  organization: string | null;
  year: number | null;
  isCurrent: number;
  format: string;
  unit: string;
  number: number;
  title: string;
  page: number | null;
  snippet: string;
}

export interface IndicatorHit {
  planId: number;
  organization: string | null;
  year: number | null;
  isCurrent: number;
  format: string;
  unit: string;
  objective: number;
  objectiveTitle: string;
  text: string;
  target: string | null;
  page: number | null;
  snippet: string;
}

export function searchObjectives(db: Db, query: string, allVersions: boolean, limit: number): ObjectiveHit[] {
  return db
    .prepare(
      `SELECT p.id AS planId, p.organization, p.year, p.is_current AS isCurrent, d.format, u.name AS unit, o.number, o.title,
         coalesce(o.detail_page, o.summary_page) AS page,
         snippet(objectives_fts, -1, char(1), char(2), '…', 24) AS snippet
       FROM objectives_fts JOIN objectives o ON o.id = objectives_fts.rowid
       JOIN units u ON u.id = o.unit_id JOIN plans p ON p.id = u.plan_id JOIN documents d ON d.id = p.document_id
       WHERE objectives_fts MATCH ? ${allVersions ? "" : "AND p.is_current = 1"}
       ORDER BY bm25(objectives_fts), p.organization, p.year DESC LIMIT ?`,
    )
    .all(query, limit) as ObjectiveHit[];
}

export function searchIndicators(db: Db, query: string, allVersions: boolean, limit: number): IndicatorHit[] {
  return db
    .prepare(
      `SELECT p.id AS planId, p.organization, p.year, p.is_current AS isCurrent, d.format, u.name AS unit, o.number AS objective,
         o.title AS objectiveTitle, i.text, i.target, i.page,
         snippet(indicators_fts, -1, char(1), char(2), '…', 24) AS snippet
       FROM indicators_fts JOIN indicators i ON i.id = indicators_fts.rowid
       JOIN objectives o ON o.id = i.objective_id JOIN units u ON u.id = o.unit_id JOIN plans p ON p.id = u.plan_id
       JOIN documents d ON d.id = p.document_id
       WHERE indicators_fts MATCH ? ${allVersions ? "" : "AND p.is_current = 1"}
       ORDER BY bm25(indicators_fts), p.organization, p.year DESC LIMIT ?`,
    )
    .all(query, limit) as IndicatorHit[];
}

/** A snippet as HTML: the match markers made <mark>, everything between them inert and escaped. */
export function highlight(snippet: string): string {
  return snippet
    .split(/(\u0001|\u0002)/)
    .map((part) => (part === OPEN ? "<mark>" : part === CLOSE ? "</mark>" : text(part)))
    .join("");
}

/** The snippet as plain text (CSV). */
export function plainSnippet(snippet: string): string {
  return snippet.replaceAll(OPEN, "").replaceAll(CLOSE, "");
}
