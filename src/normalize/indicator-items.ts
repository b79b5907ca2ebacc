/**
 * Indicators as the export carries them: {text, formula, baseline, target}.
 * A plan gives the parts in columns (Indicatore | Formula | Baseline | Target)
 * or labelled lines; each part is a list of items, paired here by the rule of
 * docs/families.md: equal lengths pair item by item; otherwise every indicator
 * keeps its text and the extra parts go, joined, on the last one; targets with
 * no indicator text give one indicator each with text "".
 */
import { splitIndicators } from "./indicators.js";
import type { Indicator } from "./plan-schema.js";

export interface IndicatorParts {
  text: string;
  target?: string;
  formula?: string;
  baseline?: string;
}

type Part = "target" | "formula" | "baseline";
const PARTS: ReadonlyArray<Part> = ["target", "formula", "baseline"];

export function indicatorItems(parts: IndicatorParts, paragraphLines: boolean): Indicator[] {
  const texts = splitIndicators(parts.text, { paragraphLines });
  const lists: Record<Part, string[]> = {
    target: splitIndicators(parts.target ?? "", { paragraphLines: true }),
    formula: splitIndicators(parts.formula ?? "", { paragraphLines: true }),
    baseline: splitIndicators(parts.baseline ?? "", { paragraphLines: true }),
  };
  const n = texts.length;
  if (n === 0) {
    // Parts with no indicator wording: one indicator per item of the longest list.
    const m = Math.max(...PARTS.map((p) => lists[p].length));
    return Array.from({ length: m }, (_, i) => ({
      text: "",
      formula: lists.formula[i] ?? null,
      baseline: lists.baseline[i] ?? null,
      target: lists.target[i] ?? null,
    }));
  }
  const out: Indicator[] = texts.map((text) => ({ text, formula: null, baseline: null, target: null }));
  for (const p of PARTS) {
    const items = lists[p];
    if (items.length === 0) continue;
    if (items.length === n) items.forEach((v, i) => (out[i]![p] = v));
    else out[n - 1]![p] = items.join("; ");
  }
  return out;
}

/** Indicator texts for comparisons that look at wording only. */
export function indicatorTexts(items: ReadonlyArray<Indicator>): string[] {
  return items.map((i) => i.text).filter((t) => t !== "");
}

/**
 * The words of an indicator for comparing plans, units or versions: text, formula,
 * baseline and target in that order, unlabelled, so that a version-1 plan's
 * "Tempo medio ≤ 30 giorni" and a version-2 plan's "Tempo medio" with target
 * "≤ 30 giorni" read the same.
 */
export function indicatorWords(i: Indicator): string {
  return [i.text, i.formula ?? "", i.baseline ?? "", i.target ?? ""]
    .map((s) => s.replace(/\s+/g, " ").trim())
    .filter((t) => t !== "")
    .join(" ");
}
