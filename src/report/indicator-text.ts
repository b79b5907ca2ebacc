/**
 * Indicators (export version 2: `{text, formula, baseline, target}`) as the report
 * shows and compares them. A plan that gives a target or a baseline in its own
 * column has it split out of the text; the report puts it back beside the text,
 * labelled, so a reader sees what is measured and against what:
 * "Tempo medio di pagamento — baseline: 2024: 42 giorni — target: ≤ 30 giorni".
 */
import type { Indicator } from "../normalize/plan-schema.js";

const oneLine = (s: string) => s.replace(/\s+/g, " ").trim();

const given = (s: string | null): s is string => s !== null && oneLine(s) !== "";

/**
 * The indicator in one line: its text, then its baseline and target where given
 * (the formula is left out: it says how, not what). A target with no wording
 * ("180 presidi", text "") is shown as "target: 180 presidi".
 */
export function indicatorLabel(i: Indicator): string {
  const parts = [oneLine(i.text)].filter((t) => t !== "");
  if (given(i.baseline)) parts.push(`baseline: ${oneLine(i.baseline)}`);
  if (given(i.target)) parts.push(`target: ${oneLine(i.target)}`);
  return parts.join(" — ");
}

/**
 * What the indicator promises, for the word rules (measurability, payment
 * days): its text and its target, not its baseline, whose numbers are past
 * values, nor its formula.
 */
export function indicatorClaim(i: Indicator): string {
  return [i.text, i.target ?? ""]
    .map(oneLine)
    .filter((t) => t !== "")
    .join(" ");
}

export { indicatorWords } from "../normalize/indicator-items.js";
