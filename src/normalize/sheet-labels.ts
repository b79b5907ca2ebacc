/**
 * Splitting sheet text at the labels of an objective sheet (the table of labels,
 * SHEET_LABELS, is in vocabulary.ts). Text is split at every label it contains:
 * what follows a label, up to the next label, is that label's value. "line" labels count only at the start of a line (so a phrase
 * inside a description is not taken for a field); "inline" labels count
 * anywhere ("Nome obiettivo: … Annuale/Plurienn.: annuale ; Anno di prev.
 * conclusione: 2024").
 */
import { SHEET_LABELS, type SheetField } from "./vocabulary.js";

export type { SheetField };

export interface LabelledPart {
  field: SheetField | null;
  /** The label as printed ("" for text before the first label). */
  label: string;
  value: string;
}

interface Hit {
  field: SheetField;
  start: number;
  end: number;
}

/** Characters that may come before a "line" label on its line (indent, bullets, quotes). */
const LEAD = /[\s*•\-–"“]/;

/**
 * Every position where a "line" label may start: where all that comes before
 * it on its line is leading characters (LEAD) or whole markup tags. One pass
 * over the text (a per-match rescan of the line before was quadratic: a 2 MB
 * line took 97 s).
 */
function lineStartPositions(text: string): Set<number> {
  const ok = new Set<number>();
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf("\n", lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    let p = lineStart;
    ok.add(p);
    while (p < lineEnd) {
      const ch = text[p] as string;
      if (ch === "<") {
        const close = text.indexOf(">", p);
        if (close < 0 || close >= lineEnd) break;
        p = close + 1;
      } else if (LEAD.test(ch)) p++;
      else break;
      ok.add(p);
    }
    lineStart = lineEnd + 1;
  }
  return ok;
}

/** The rules' patterns made global once (matchAll copies a regex before using it, so sharing is safe). */
const GLOBAL_RULES = SHEET_LABELS.map((rule) => ({
  rule,
  re: new RegExp(rule.re.source, rule.re.flags.includes("g") ? rule.re.flags : rule.re.flags + "g"),
}));

/**
 * The recognisers ask again about the same cell texts (is this a sheet? then read
 * it): remember recent answers. Bounded, and cleared when full.
 */
const MEMO_LIMIT = 1024;
const memo = new Map<string, ReadonlyArray<LabelledPart>>();

/** Split a fragment of sheet text at its labels. Text before the first label has field null. */
export function splitByLabels(text: string): LabelledPart[] {
  let parts = memo.get(text);
  if (parts === undefined) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    parts = split(text);
    memo.set(text, parts);
  }
  // Fresh objects: callers own what they get.
  return parts.map((p) => ({ ...p }));
}

function split(text: string): LabelledPart[] {
  const hits: Hit[] = [];
  let lineStarts: Set<number> | undefined;
  for (const { rule, re } of GLOBAL_RULES) {
    for (const m of text.matchAll(re)) {
      const start = m.index ?? 0;
      if (rule.scope === "line" && !(lineStarts ??= lineStartPositions(text)).has(start)) continue;
      if (rule.scope === "whole" && (start !== 0 || m[0].length !== text.length)) continue;
      if (!startsWord(text, start)) continue;
      hits.push({ field: rule.field, start, end: start + m[0].length });
    }
  }
  hits.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const chosen: Hit[] = [];
  for (const h of hits) {
    const last = chosen[chosen.length - 1];
    if (last && h.start < last.end) continue;
    chosen.push(h);
  }
  const parts: LabelledPart[] = [];
  const head = text.slice(0, chosen[0]?.start ?? text.length);
  if (head.trim() !== "" || chosen.length === 0) parts.push({ field: null, label: "", value: head });
  chosen.forEach((h, i) => {
    const next = chosen[i + 1];
    parts.push({ field: h.field, label: text.slice(h.start, h.end), value: text.slice(h.end, next ? next.start : text.length) });
  });
  return parts;
}

function startsWord(text: string, i: number): boolean {
  return i === 0 || !/[\p{L}\d]/u.test(text[i - 1] ?? "");
}
