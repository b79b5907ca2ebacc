/**
 * The Gantt chart of one objective as inline SVG: one row per phase, one
 * column per month of the plan year (widened to every month a phase marks),
 * marked months filled. A phase with no month marked is drawn as an empty,
 * outlined row so it stands out (PHASE_NO_MONTHS).
 */
import type { PhaseView } from "./report-model.js";
import { esc } from "./html-escape.js";
import { truncate } from "./text-layout.js";

const MONTHS_IT = ["gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic"];

export const GANTT = {
  labelWidth: 256,
  gridWidth: 288,
  rowHeight: 24,
  headHeight: 34,
  /** Average glyph width of the 12px label font, to cut labels before they overflow the grid. */
  charWidth: 6.0,
  /** Narrower month columns (long spans) are labelled with the initial only. */
  minColumnForNames: 22,
};

function toIndex(ym: string): number {
  const [y, m] = ym.split("-").map(Number);
  return y! * 12 + (m! - 1);
}

/** Month indices (year × 12 + month − 1) from the plan year, or the phases' own span. */
export function monthSpan(year: number | null, phases: readonly PhaseView[]): { first: number; last: number } | null {
  const marked = phases.flatMap((p) => p.months.map(toIndex));
  let first = year !== null ? year * 12 : Math.min(...marked);
  let last = year !== null ? year * 12 + 11 : Math.max(...marked);
  if (marked.length === 0 && year === null) return null;
  for (const m of marked) {
    first = Math.min(first, m);
    last = Math.max(last, m);
  }
  return { first, last };
}

export function ganttSvg(phases: readonly PhaseView[], year: number | null, caption: string): string {
  const span = monthSpan(year, phases);
  if (!span || phases.length === 0) return "";
  const { labelWidth, gridWidth, rowHeight, headHeight, charWidth } = GANTT;
  const count = span.last - span.first + 1;
  const col = gridWidth / count;
  const width = labelWidth + gridWidth + 1;
  const height = headHeight + rowHeight * phases.length + 1;
  const multiYear = Math.floor(span.first / 12) !== Math.floor(span.last / 12);
  const parts: string[] = [];
  parts.push(
    `<svg class="gantt" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(caption)}">`,
  );
  parts.push(`<title>${esc(caption)}</title>`);
  for (let i = 0; i < count; i++) {
    const idx = span.first + i;
    const x = labelWidth + i * col;
    const month = idx % 12;
    if (i % 2 === 0) parts.push(`<rect class="g-band" x="${x.toFixed(1)}" y="${headHeight}" width="${col.toFixed(1)}" height="${rowHeight * phases.length}"/>`);
    const label = col >= GANTT.minColumnForNames ? MONTHS_IT[month]! : MONTHS_IT[month]!.charAt(0);
    parts.push(`<text class="g-month" x="${(x + col / 2).toFixed(1)}" y="${headHeight - 8}">${label}</text>`);
    if (multiYear && (month === 0 || i === 0))
      parts.push(`<text class="g-year" x="${(x + 2).toFixed(1)}" y="11">${Math.floor(idx / 12)}</text>`);
  }
  phases.forEach((p, r) => {
    const y = headHeight + r * rowHeight;
    const label = `${p.number ?? r + 1}. ${p.description}`;
    const maxChars = Math.floor((labelWidth - 12) / charWidth);
    const full = p.responsible ? `${label} (${p.responsible})` : label;
    parts.push(`<g class="g-row${p.months.length === 0 ? " g-empty" : ""}">`);
    parts.push(`<title>${esc(full)}</title>`);
    parts.push(`<text class="g-label" x="4" y="${y + rowHeight / 2 + 4}">${esc(truncate(label, maxChars))}</text>`);
    if (p.months.length === 0) {
      parts.push(
        `<rect class="g-missing" x="${labelWidth + 2}" y="${y + 4}" width="${gridWidth - 4}" height="${rowHeight - 8}" rx="3"/>` +
          `<text class="g-missing-text" x="${labelWidth + gridWidth / 2}" y="${y + rowHeight / 2 + 4}">no month marked</text>`,
      );
    }
    for (const m of p.months) {
      const i = toIndex(m) - span.first;
      parts.push(
        `<rect class="g-bar" x="${(labelWidth + i * col + 1).toFixed(1)}" y="${y + 5}" width="${Math.max(1, col - 2).toFixed(1)}" height="${rowHeight - 10}" rx="2"><title>${esc(m)}</title></rect>`,
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
