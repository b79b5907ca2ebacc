/**
 * A unit's year at a glance, for the summary page: one row per objective with
 * phases, one column per month (the plan year, widened to every month a phase
 * marks or dates, as in the Gantt charts). A month is filled where the
 * objective's phases mark it, darker as more of them fall in it; a phase with
 * dates and no months fills the months from its start to its deadline, and a
 * deadline is a milestone (◆) at its date. Under the rows, the Load row counts
 * the phases at work in each month (bar height) with the quarters marked, and
 * a quarter where nothing is at work or due is drawn as empty: overload and
 * empty quarters show without reading a single sheet.
 */
import type { ObjectiveView, PhaseView } from "./report-model.js";
import { esc } from "./html-escape.js";
import { datePosition, monthSpan, toIndex } from "./gantt-svg.js";
import { truncate } from "./text-layout.js";
import type { Catalogue } from "./i18n/catalogue.js";
import { it } from "./i18n/it.js";
import { formatDate } from "./i18n/format.js";

export const YEAR_CHART = {
  labelWidth: 214,
  monthWidth: 36,
  rowHeight: 12,
  headHeight: 26,
  loadHeight: 28,
  /** Glyph width of the 10px label font, wide enough for capitals (many plans title objectives in upper case). */
  charWidth: 5.9,
  milestone: 4.5,
};

/** The month indices a phase is at work in: its marked months, else its start to its deadline, else its deadline's month. */
export function activeMonths(p: PhaseView): number[] {
  if (p.months.length > 0) return [...new Set(p.months.map(toIndex))];
  if (p.start !== null && p.deadline !== null && p.start <= p.deadline) {
    const out: number[] = [];
    for (let m = toIndex(p.start.slice(0, 7)); m <= toIndex(p.deadline.slice(0, 7)); m++) out.push(m);
    return out;
  }
  const d = p.deadline ?? p.start;
  return d === null ? [] : [toIndex(d.slice(0, 7))];
}

export interface YearLoad {
  first: number;
  /** Phases at work per month of the span. */
  load: number[];
  /** Quarters (year × 4 + quarter) with no phase at work and no deadline. */
  emptyQuarters: number[];
}

export function yearLoad(objectives: readonly ObjectiveView[], year: number | null): YearLoad | null {
  const phases = objectives.flatMap((o) => o.phases);
  const span = monthSpan(year, phases);
  if (span === null) return null;
  const load = new Array<number>(span.last - span.first + 1).fill(0);
  for (const p of phases) for (const m of activeMonths(p)) if (m >= span.first && m <= span.last) load[m - span.first]!++;
  const quarters = new Map<number, number>();
  load.forEach((n, i) => {
    const q = Math.floor((span.first + i) / 3);
    quarters.set(q, (quarters.get(q) ?? 0) + n);
  });
  return { first: span.first, load, emptyQuarters: [...quarters].filter(([, n]) => n === 0).map(([q]) => q) };
}

/** `t`: the catalogue of the report's language (Italian unless given). */
export function unitYearSvg(objectives: readonly ObjectiveView[], year: number | null, caption: string, t: Catalogue = it): string {
  const rows = objectives.filter((o) => o.phases.some((p) => activeMonths(p).length > 0));
  const y = yearLoad(rows, year);
  if (rows.length === 0 || y === null) return "";
  const { labelWidth, monthWidth, rowHeight, headHeight, loadHeight, charWidth } = YEAR_CHART;
  const count = y.load.length;
  const width = labelWidth + count * monthWidth + 1;
  const loadTop = headHeight + rows.length * rowHeight + 4;
  const height = loadTop + loadHeight + 14;
  const xOf = (index: number) => labelWidth + (index - y.first) * monthWidth;
  const out: string[] = [
    `<svg class="year-chart" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(caption)}">`,
    `<title>${esc(caption)}</title>`,
  ];
  // Quarter bands and labels, then month labels.
  for (let i = 0; i < count; i++) {
    const idx = y.first + i;
    const month = idx % 12;
    if (month % 3 === 0 || i === 0) {
      const q = Math.floor(idx / 3);
      const months = Math.min(3 - (month % 3), count - i);
      const empty = y.emptyQuarters.includes(q);
      const x = xOf(idx);
      if (q % 2 === 0)
        out.push(`<rect class="y-band" x="${x}" y="${headHeight}" width="${months * monthWidth}" height="${loadTop + loadHeight - headHeight}"/>`);
      out.push(`<text class="y-quarter" x="${x + 2}" y="11">${esc(t.summary.quarter((q % 4) + 1))}${count > 12 ? ` ${Math.floor(idx / 12)}` : ""}</text>`);
      if (empty)
        out.push(
          `<g class="y-empty"><title>${esc(t.summary.emptyQuarter)}</title><rect x="${x + 1}" y="${loadTop}" width="${months * monthWidth - 2}" height="${loadHeight}" rx="2"/>` +
            `<text x="${x + (months * monthWidth) / 2}" y="${loadTop + loadHeight / 2 + 4}">${esc(t.summary.emptyQuarter)}</text></g>`,
        );
      out.push(`<line class="y-qrule" x1="${x}" x2="${x}" y1="${headHeight - 14}" y2="${loadTop + loadHeight}"/>`);
    }
    out.push(`<text class="y-month" x="${xOf(idx) + monthWidth / 2}" y="${headHeight - 5}">${esc(t.months[month]!)}</text>`);
  }
  rows.forEach((o, r) => {
    const top = headHeight + r * rowHeight;
    const perMonth = new Map<number, number>();
    for (const p of o.phases) for (const m of activeMonths(p)) perMonth.set(m, (perMonth.get(m) ?? 0) + 1);
    const label = `${o.number}. ${o.title}`;
    out.push(`<g class="y-row"><title>${esc(label)}</title>`);
    out.push(`<text class="y-label" x="2" y="${top + rowHeight - 4}">${esc(truncate(label, Math.floor((labelWidth - 8) / charWidth)))}</text>`);
    for (const [m, n] of perMonth) {
      if (m < y.first || m > y.first + count - 1) continue;
      out.push(`<rect class="y-cell y-n${Math.min(n, 3)}" x="${xOf(m) + 1}" y="${top + 2}" width="${monthWidth - 2}" height="${rowHeight - 4}" rx="1.5"/>`);
    }
    for (const p of o.phases) {
      if (p.months.length > 0 || p.deadline === null) continue;
      const at = Math.min(labelWidth + (datePosition(p.deadline, true) - y.first) * monthWidth, width - YEAR_CHART.milestone - 1);
      const mid = top + rowHeight / 2;
      const h = YEAR_CHART.milestone;
      out.push(
        `<path class="y-milestone" d="M${at.toFixed(1)} ${mid - h}L${(at + h).toFixed(1)} ${mid}L${at.toFixed(1)} ${mid + h}L${(at - h).toFixed(1)} ${mid}Z">` +
          `<title>${esc(`${p.description}: ${t.timeline.deadline(formatDate(t, p.deadline))}`)}</title></path>`,
      );
    }
    out.push(`<line class="y-rule" x1="0" x2="${width}" y1="${top + rowHeight}" y2="${top + rowHeight}"/></g>`);
  });
  // The load row: phases at work per month.
  const max = Math.max(1, ...y.load);
  // The busiest months stand out only where the load varies: a flat year has no peak.
  const flat = y.load.every((n) => n === 0 || n === max);
  out.push(`<text class="y-label y-load-label" x="2" y="${loadTop + loadHeight / 2 + 4}">${esc(t.summary.load)}</text>`);
  y.load.forEach((n, i) => {
    if (n === 0) return;
    const h = Math.max(2, ((loadHeight - 12) * n) / max);
    const x = xOf(y.first + i);
    out.push(
      `<rect class="y-load${n === max && !flat ? " y-peak" : ""}" x="${x + 4}" y="${loadTop + loadHeight - h}" width="${monthWidth - 8}" height="${h.toFixed(1)}"><title>${n}</title></rect>` +
        `<text class="y-load-n" x="${x + monthWidth / 2}" y="${loadTop + loadHeight - h - 2}">${n}</text>`,
    );
  });
  out.push(`<line class="y-axis" x1="${labelWidth}" x2="${labelWidth}" y1="${headHeight - 14}" y2="${loadTop + loadHeight}"/>`);
  out.push(`<line class="y-rule" x1="0" x2="${width}" y1="${loadTop + loadHeight}" y2="${loadTop + loadHeight}"/>`);
  out.push(`</svg>`);
  return out.join("");
}
