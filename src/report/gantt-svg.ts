/**
 * The Gantt chart of one objective as inline SVG: one row per phase, one
 * column per month of the plan year (widened to every month a phase marks or
 * dates), marked months filled. A phase with no month marked but with dates
 * (a phases table with deadlines, an activities table with start and end) is
 * drawn from them: a deadline as a milestone (◆), a start and a deadline as a
 * span ending in one. A phase with only its timing in words ("II semestre")
 * shows those words. A phase of a month grid with nothing marked is drawn as
 * an empty, outlined row so it stands out (PHASE_NO_MONTHS). Weighted phases
 * (activities) show their weight beside their label.
 */
import type { PhaseView } from "./report-model.js";
import { esc } from "./html-escape.js";
import { truncate } from "./text-layout.js";
import type { Catalogue } from "./i18n/catalogue.js";
import { it } from "./i18n/it.js";
import { formatDate, formatNumber } from "./i18n/format.js";

export const GANTT = {
  labelWidth: 256,
  gridWidth: 288,
  rowHeight: 24,
  headHeight: 34,
  /** Average glyph width of the 12px label font, to cut labels before they overflow the grid. */
  charWidth: 6.0,
  /** Narrower month columns (long spans) are labelled with the initial only. */
  minColumnForNames: 22,
  /** Room at the right of the label column for a phase's weight ("100%"). */
  weightWidth: 40,
  /** Half the width (and height) of a milestone's diamond. */
  milestone: 6,
};

export function toIndex(ym: string): number {
  const [y, m] = ym.split("-").map(Number);
  return y! * 12 + (m! - 1);
}

/** A date's place on the month axis: its month index plus the share of the month gone by its day. */
export function datePosition(iso: string, endOfDay: boolean): number {
  const [y, m, d] = iso.split("-").map(Number);
  const days = new Date(Date.UTC(y!, m!, 0)).getUTCDate();
  const day = Math.min(Math.max(d!, 1), days);
  return y! * 12 + (m! - 1) + (endOfDay ? day : day - 1) / days;
}

/** The months a phase occupies on the axis: those marked, and those of its dates. */
function phaseMonths(p: PhaseView): number[] {
  return [...p.months.map(toIndex), ...[p.start, p.deadline].flatMap((d) => (d === null ? [] : [toIndex(d.slice(0, 7))]))];
}

/** Month indices (year × 12 + month − 1) from the plan year, or the phases' own span. */
export function monthSpan(year: number | null, phases: readonly PhaseView[]): { first: number; last: number } | null {
  const marked = phases.flatMap(phaseMonths);
  if (marked.length === 0 && year === null) return null;
  let first = year !== null ? year * 12 : Math.min(...marked);
  let last = year !== null ? year * 12 + 11 : Math.max(...marked);
  for (const m of marked) {
    first = Math.min(first, m);
    last = Math.max(last, m);
  }
  return { first, last };
}

/** What the row's tooltip says: label, who, weight, dates and timing as written. */
function rowTitle(t: Catalogue, p: PhaseView, label: string): string {
  const parts: string[] = [];
  if (p.responsible) parts.push(p.responsible);
  if (p.weight !== null) parts.push(`${t.timeline.weight} ${formatNumber(t, p.weight)}`);
  if (p.start !== null) parts.push(t.timeline.from(formatDate(t, p.start)));
  if (p.deadline !== null) parts.push(t.timeline.deadline(formatDate(t, p.deadline)));
  if (p.deadlineText !== null && p.deadlineText.trim() !== "") parts.push(`"${p.deadlineText.trim()}"`);
  return parts.length ? `${label} (${parts.join("; ")})` : label;
}

/** `t`: the catalogue of the report's language (Italian unless given). */
export function ganttSvg(phases: readonly PhaseView[], year: number | null, caption: string, t: Catalogue = it): string {
  if (phases.length === 0) return "";
  // No year and nothing dated: one row per phase with its timing in words, no month columns.
  const span = monthSpan(year, phases);
  const { labelWidth, gridWidth, rowHeight, headHeight, charWidth } = GANTT;
  const count = span ? span.last - span.first + 1 : 0;
  const col = count ? gridWidth / count : gridWidth;
  const x = (position: number) => labelWidth + (position - (span?.first ?? 0)) * col;
  const width = labelWidth + gridWidth + 1;
  const height = headHeight + rowHeight * phases.length + 1;
  const multiYear = span !== null && Math.floor(span.first / 12) !== Math.floor(span.last / 12);
  const weighted = phases.some((p) => p.weight !== null);
  // A month grid is on the sheet when some phase marks a month: there, a phase with none is missing its months.
  const grid = phases.some((p) => p.months.length > 0);
  const parts: string[] = [];
  parts.push(
    `<svg class="gantt" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(caption)}">`,
  );
  parts.push(`<title>${esc(caption)}</title>`);
  for (let i = 0; i < count; i++) {
    const idx = span!.first + i;
    const left = labelWidth + i * col;
    const month = idx % 12;
    if (i % 2 === 0)
      parts.push(`<rect class="g-band" x="${left.toFixed(1)}" y="${headHeight}" width="${col.toFixed(1)}" height="${rowHeight * phases.length}"/>`);
    const label = col >= GANTT.minColumnForNames ? t.months[month]! : t.months[month]!.charAt(0);
    parts.push(`<text class="g-month" x="${(left + col / 2).toFixed(1)}" y="${headHeight - 8}">${label}</text>`);
    if (multiYear && (month === 0 || i === 0)) parts.push(`<text class="g-year" x="${(left + 2).toFixed(1)}" y="11">${Math.floor(idx / 12)}</text>`);
  }
  if (weighted) parts.push(`<text class="g-weight-head" x="${labelWidth - 6}" y="${headHeight - 8}">${esc(t.timeline.weight)}</text>`);
  const labelRoom = labelWidth - 12 - (weighted ? GANTT.weightWidth : 0);
  phases.forEach((p, r) => {
    const y = headHeight + r * rowHeight;
    const mid = y + rowHeight / 2;
    const label = `${p.number ?? r + 1}. ${p.description}`;
    const maxChars = Math.floor(labelRoom / charWidth);
    const dated = span !== null && (p.start !== null || p.deadline !== null);
    const timing = p.deadlineText?.replace(/\s+/g, " ").trim() ?? "";
    const missing = p.months.length === 0 && !dated && timing === "";
    parts.push(`<g class="g-row${missing ? " g-empty" : ""}">`);
    parts.push(`<title>${esc(rowTitle(t, p, label))}</title>`);
    parts.push(`<text class="g-label" x="4" y="${mid + 4}">${esc(truncate(label, maxChars))}</text>`);
    if (p.weight !== null) parts.push(`<text class="g-weight" x="${labelWidth - 6}" y="${mid + 4}">${esc(formatNumber(t, p.weight))}%</text>`);
    if (p.months.length > 0) {
      for (const m of p.months) {
        const i = toIndex(m) - span!.first;
        parts.push(
          `<rect class="g-bar" x="${(labelWidth + i * col + 1).toFixed(1)}" y="${y + 5}" width="${Math.max(1, col - 2).toFixed(1)}" height="${rowHeight - 10}" rx="2"><title>${esc(m)}</title></rect>`,
        );
      }
    } else if (dated) {
      if (p.start !== null && p.deadline !== null && p.start <= p.deadline) {
        const from = x(datePosition(p.start, false));
        const to = x(datePosition(p.deadline, true));
        parts.push(`<rect class="g-span" x="${from.toFixed(1)}" y="${y + 8}" width="${Math.max(1, to - from).toFixed(1)}" height="${rowHeight - 16}" rx="2"/>`);
      } else if (p.start !== null) {
        const at = x(datePosition(p.start, false));
        parts.push(
          `<line class="g-start" x1="${at.toFixed(1)}" x2="${at.toFixed(1)}" y1="${y + 5}" y2="${y + rowHeight - 5}"><title>${esc(t.timeline.from(formatDate(t, p.start)))}</title></line>`,
        );
      }
      if (p.deadline !== null) {
        const h = GANTT.milestone;
        // A deadline on the grid's last day would be half cut off by its edge.
        const at = Math.min(x(datePosition(p.deadline, true)), labelWidth + gridWidth - h);
        parts.push(
          `<path class="g-milestone" d="M${at.toFixed(1)} ${mid - h}L${(at + h).toFixed(1)} ${mid}L${at.toFixed(1)} ${mid + h}L${(at - h).toFixed(1)} ${mid}Z">` +
            `<title>${esc(`${t.timeline.deadline(formatDate(t, p.deadline))}${timing ? ` ("${timing}")` : ""}`)}</title></path>`,
        );
      }
    } else if (timing !== "") {
      parts.push(
        `<text class="g-when" x="${labelWidth + gridWidth / 2}" y="${mid + 4}">${esc(truncate(timing, Math.floor((gridWidth - 8) / charWidth)))}</text>`,
      );
    } else {
      parts.push(
        `<rect class="g-missing" x="${labelWidth + 2}" y="${y + 4}" width="${gridWidth - 4}" height="${rowHeight - 8}" rx="3"/>` +
          `<text class="g-missing-text" x="${labelWidth + gridWidth / 2}" y="${mid + 4}">${esc(grid ? t.timeline.noMonthMarked : t.timeline.noMonthOrDate)}</text>`,
      );
    }
    parts.push(`<line class="g-rule" x1="0" x2="${width}" y1="${y + rowHeight}" y2="${y + rowHeight}"/>`);
    parts.push(`</g>`);
  });
  parts.push(`<line class="g-axis" x1="${labelWidth}" x2="${labelWidth}" y1="${headHeight - 4}" y2="${height}"/>`);
  parts.push(`<line class="g-rule" x1="0" x2="${width}" y1="${headHeight}" y2="${headHeight}"/>`);
  parts.push(`</svg>`);
  return parts.join("");
}
