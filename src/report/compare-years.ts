/**
 * What changed between a body's previous plan and this one. Units are paired
 * by name likeness (then by manager, for a renamed unit); within a pair of
 * units, objectives are paired by title likeness first (numbering often shifts
 * when one is dropped), then by number for the rest when something beyond the
 * number ties them (see ReportSettings.retitleMinSimilarity). A pair is
 * reported when its number, title, weight or indicators changed; the rest are
 * counted as unchanged.
 */
import type { Indicator, Objective, PlanExport, Unit } from "../normalize/plan-schema.js";
import { indicatorLabel, indicatorWords } from "./indicator-text.js";
import type { ChangeCounts, ObjectiveChange, UnitChanges, YearChanges } from "./report-model.js";
import type { ReportSettings } from "./report-settings.js";
import { matchKey as normalizeForMatch } from "../shared/fold-text.js";
import { listOverlap, titleSimilarity } from "../normalize/title-likeness.js";

function titlesOf(o: Objective): string[] {
  return [o.title, o.summary?.title, o.detail?.title].filter((t): t is string => !!t && t.trim() !== "");
}

/** The best likeness between any title the two objectives carry (summary, sheet). */
export function objectiveSimilarity(a: Objective, b: Objective): number {
  let best = 0;
  for (const ta of titlesOf(a)) for (const tb of titlesOf(b)) best = Math.max(best, titleSimilarity(ta, tb));
  return best;
}

/** The summary row's weight, else the sheet's: the weight the plan assigns. */
function weightOf(o: Objective): number | null {
  return o.summary?.weight ?? o.detail?.weight ?? null;
}

/** Summary indicators where the row lists any, else the sheet's. */
function indicatorsOf(o: Objective): Indicator[] {
  return o.summary && o.summary.indicators.length > 0 ? o.summary.indicators : (o.detail?.indicators ?? []);
}

/**
 * What the indicators measure, for pairing a retitled objective: their texts
 * (a target that moved from 20 to 30 is still the same indicator).
 */
function measuresOf(o: Objective): string[] {
  return indicatorsOf(o).map((i) => (i.text.trim() !== "" ? i.text : indicatorWords(i)));
}

function personKey(name: string | null): string {
  // "Terzi Marco" and "Marco Terzi" are the same manager.
  return name ? normalizeForMatch(name).split(" ").sort().join(" ") : "";
}

interface Pair<T> {
  current: T;
  previous: T;
  score: number;
}

/** Greedy best-first pairing over scored candidates; each item is used once. */
function pairGreedy<T>(candidates: Pair<T>[], used: Set<T>): Pair<T>[] {
  const out: Pair<T>[] = [];
  for (const c of [...candidates].sort((a, b) => b.score - a.score)) {
    if (used.has(c.current) || used.has(c.previous)) continue;
    used.add(c.current).add(c.previous);
    out.push(c);
  }
  return out;
}

export function matchUnits(current: Unit[], previous: Unit[], settings: ReportSettings): Pair<Unit>[] {
  const used = new Set<Unit>();
  const byName: Pair<Unit>[] = [];
  for (const c of current)
    for (const p of previous) {
      const score = titleSimilarity(c.name, p.name);
      if (score >= settings.unitMatchSimilarity) byName.push({ current: c, previous: p, score });
    }
  const pairs = pairGreedy(byName, used);
  const byManager: Pair<Unit>[] = [];
  for (const c of current)
    for (const p of previous) {
      if (used.has(c) || used.has(p)) continue;
      if (personKey(c.manager) !== "" && personKey(c.manager) === personKey(p.manager))
        byManager.push({ current: c, previous: p, score: titleSimilarity(c.name, p.name) });
    }
  return [...pairs, ...pairGreedy(byManager, used)];
}

export function matchObjectives(current: Objective[], previous: Objective[], settings: ReportSettings): Pair<Objective>[] {
  const used = new Set<Objective>();
  const byTitle: Pair<Objective>[] = [];
  for (const c of current)
    for (const p of previous) {
      const similarity = objectiveSimilarity(c, p);
      // Among equally alike titles, prefer the pair that kept its number.
      const score = similarity + (c.number === p.number ? 1e-3 : 0);
      if (similarity >= settings.titleMatchSimilarity) byTitle.push({ current: c, previous: p, score });
    }
  const pairs = pairGreedy(byTitle, used);
  const byNumber: Pair<Objective>[] = [];
  for (const c of current)
    for (const p of previous) {
      if (used.has(c) || used.has(p) || c.number !== p.number) continue;
      const similarity = objectiveSimilarity(c, p);
      const overlap = listOverlap(measuresOf(c), measuresOf(p));
      if (similarity >= settings.retitleMinSimilarity || overlap >= settings.indicatorOverlapForRetitle)
        byNumber.push({ current: c, previous: p, score: similarity });
    }
  return [...pairs, ...pairGreedy(byNumber, used)];
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function added(o: Objective): ObjectiveChange {
  return {
    status: "added",
    number: o.number,
    previousNumber: null,
    title: o.title,
    previousTitle: null,
    weight: weightOf(o),
    previousWeight: null,
    similarity: null,
    renumbered: false,
    retitled: false,
    reweighted: false,
    indicatorsAdded: [],
    indicatorsRemoved: [],
  };
}

function dropped(o: Objective): ObjectiveChange {
  return {
    status: "dropped",
    number: null,
    previousNumber: o.number,
    title: null,
    previousTitle: o.title,
    weight: null,
    previousWeight: weightOf(o),
    similarity: null,
    renumbered: false,
    retitled: false,
    reweighted: false,
    indicatorsAdded: [],
    indicatorsRemoved: [],
  };
}

/** The change between a matched pair, or null when nothing the report tracks changed. */
function changed(c: Objective, p: Objective, settings: ReportSettings): ObjectiveChange | null {
  const w = weightOf(c);
  const pw = weightOf(p);
  const reweighted = (w === null) !== (pw === null) || (w !== null && pw !== null && Math.abs(w - pw) > settings.weightEpsilon);
  const retitled = normalizeForMatch(c.title) !== normalizeForMatch(p.title);
  const renumbered = c.number !== p.number;
  // Compared by all their words (text, formula, baseline, target): a changed target is an
  // indicator removed and one added, shown with their targets.
  const now = indicatorsOf(c);
  const before = indicatorsOf(p);
  const key = (i: Indicator) => normalizeForMatch(indicatorWords(i));
  const beforeKeys = new Set(before.map(key));
  const nowKeys = new Set(now.map(key));
  const indicatorsAdded = now.filter((i) => !beforeKeys.has(key(i))).map(indicatorLabel);
  const indicatorsRemoved = before.filter((i) => !nowKeys.has(key(i))).map(indicatorLabel);
  if (!reweighted && !retitled && !renumbered && indicatorsAdded.length === 0 && indicatorsRemoved.length === 0) return null;
  return {
    status: "changed",
    number: c.number,
    previousNumber: p.number,
    title: c.title,
    previousTitle: p.title,
    weight: w,
    previousWeight: pw,
    similarity: round3(objectiveSimilarity(c, p)),
    renumbered,
    retitled,
    reweighted,
    indicatorsAdded,
    indicatorsRemoved,
  };
}

/** Document order of the current plan, dropped objectives after, in their old order. */
function unitChanges(current: Unit | null, previous: Unit | null, settings: ReportSettings): UnitChanges {
  const now = current?.objectives ?? [];
  const before = previous?.objectives ?? [];
  const pairs = matchObjectives(now, before, settings);
  const partner = new Map<Objective, Objective>(pairs.map((p) => [p.current, p.previous]));
  const matchedBefore = new Set(pairs.map((p) => p.previous));
  const changes: ObjectiveChange[] = [];
  let unchanged = 0;
  for (const o of now) {
    const p = partner.get(o);
    if (!p) changes.push(added(o));
    else {
      const ch = changed(o, p, settings);
      if (ch) changes.push(ch);
      else unchanged++;
    }
  }
  for (const o of before) if (!matchedBefore.has(o)) changes.push(dropped(o));
  return {
    unit: current?.name ?? null,
    previousUnit: previous?.name ?? null,
    status: current && previous ? "matched" : current ? "added" : "dropped",
    unchanged,
    changes,
  };
}

export function countChanges(units: readonly UnitChanges[]): ChangeCounts {
  const counts: ChangeCounts = { added: 0, dropped: 0, reweighted: 0, retitled: 0, renumbered: 0, indicatorsChanged: 0, unchanged: 0 };
  for (const u of units) {
    counts.unchanged += u.unchanged;
    for (const c of u.changes) {
      if (c.status === "added") counts.added++;
      else if (c.status === "dropped") counts.dropped++;
      if (c.reweighted) counts.reweighted++;
      if (c.retitled) counts.retitled++;
      if (c.renumbered) counts.renumbered++;
      if (c.indicatorsAdded.length || c.indicatorsRemoved.length) counts.indicatorsChanged++;
    }
  }
  return counts;
}

export function compareYears(current: PlanExport, previous: PlanExport, settings: ReportSettings, previousPlanId: number | string | null = null): YearChanges {
  const pairs = matchUnits(current.units, previous.units, settings);
  const partner = new Map<Unit, Unit>(pairs.map((p) => [p.current, p.previous]));
  const matchedBefore = new Set(pairs.map((p) => p.previous));
  const units: UnitChanges[] = [];
  for (const u of current.units) units.push(unitChanges(u, partner.get(u) ?? null, settings));
  for (const u of previous.units) if (!matchedBefore.has(u)) units.push(unitChanges(null, u, settings));
  return {
    previous: {
      planId: previousPlanId,
      organization: previous.organization,
      year: previous.year,
      sourcePath: previous.source.path,
    },
    counts: countChanges(units),
    units,
  };
}
