/**
 * A unit's weights as inline SVG: per objective a summary bar and a sheet bar
 * on one scale, a mismatching sheet bar in the error colour, and the totals
 * against the expected total (TOTALE row or the configured 100) on a second scale.
 */
import type { UnitView } from "./report-model.js";
import { esc } from "./html-escape.js";
import type { Catalogue } from "./i18n/catalogue.js";
import { it } from "./i18n/it.js";
import { formatNumber } from "./i18n/format.js";

const W = { label: 30, plot: 270, value: 84, row: 26, bar: 9, head: 22 };

function niceMax(x: number): number {
  if (x <= 0) return 10;
  const step = x <= 50 ? 10 : x <= 200 ? 25 : 100;
  return Math.ceil(x / step) * step;
}

/** `t`: the catalogue of the report's language (Italian unless given). */
export function weightBarsSvg(unit: UnitView, caption: string, t: Catalogue = it): string {
  const w = t.weights;
  const formatWeight = (v: number | null) => formatNumber(t, v);
  const rows = unit.objectives;
  const weights = rows.flatMap((o) => [o.summaryWeight ?? 0, o.sheetWeight ?? 0]);
  const scale = niceMax(Math.max(0, ...weights));
  const tt = unit.totals;
  const totalScale = niceMax(Math.max(tt.expected, tt.summary ?? 0, tt.sheet ?? 0));
  const width = W.label + W.plot + W.value;
  const totalsTop = W.head + rows.length * W.row + 18;
  const height = totalsTop + W.row + 28;
  const x = (v: number, s: number) => (v / s) * W.plot;
  const out: string[] = [];
  out.push(
    `<svg class="weight-chart" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(caption)}">`,
    `<title>${esc(caption)}</title>`,
    `<rect class="w-key-summary" x="${W.label}" y="4" width="10" height="10"/><text class="w-key" x="${W.label + 14}" y="13">${esc(w.keySummary)}</text>`,
    `<rect class="w-key-sheet" x="${W.label + 120}" y="4" width="10" height="10"/><text class="w-key" x="${W.label + 134}" y="13">${esc(w.keySheet)}</text>`,
  );
  for (const tick of [0, 0.5, 1]) {
    const tx = W.label + tick * W.plot;
    out.push(`<line class="w-grid" x1="${tx}" x2="${tx}" y1="${W.head - 2}" y2="${W.head + rows.length * W.row}"/>`);
  }
  rows.forEach((o, i) => {
    const y = W.head + i * W.row;
    out.push(`<g class="w-row"><title>${esc(w.barTitle(`${o.number}. ${o.title}`, formatWeight(o.summaryWeight), formatWeight(o.sheetWeight)))}</title>`);
    out.push(`<text class="w-label" x="${W.label - 6}" y="${y + W.row / 2 + 4}">${esc(o.number)}</text>`);
    if (o.summaryWeight !== null)
      out.push(`<rect class="w-summary" x="${W.label}" y="${y + 3}" width="${x(o.summaryWeight, scale).toFixed(1)}" height="${W.bar}"/>`);
    if (o.sheetWeight !== null)
      out.push(
        `<rect class="${o.weightStatus === "mismatch" ? "w-sheet w-mismatch" : "w-sheet"}" x="${W.label}" y="${y + 3 + W.bar + 1}" width="${x(o.sheetWeight, scale).toFixed(1)}" height="${W.bar}"/>`,
      );
    else
      out.push(
        `<text class="w-none" x="${W.label + 3}" y="${y + 3 + 2 * W.bar}">${esc(o.weightStatus === "no-sheet" ? w.barsNoSheet : w.barsNoWeight)}</text>`,
      );
    const v = `${formatWeight(o.summaryWeight)} / ${formatWeight(o.sheetWeight)}`;
    out.push(`<text class="w-value" x="${width - 2}" y="${y + W.row / 2 + 4}">${esc(v)}</text></g>`);
  });
  out.push(`<text class="w-scale" x="${W.label + W.plot}" y="${W.head + rows.length * W.row + 12}">${esc(w.scale(formatWeight(scale)))}</text>`);
  // Totals on their own scale, with the expected total as a marker.
  const ex = W.label + x(tt.expected, totalScale);
  out.push(`<text class="w-label" x="${W.label - 6}" y="${totalsTop + W.row / 2 + 4}">Σ</text>`);
  if (tt.summary !== null)
    out.push(
      `<rect class="w-summary${tt.summaryStatus === "off" ? " w-off" : ""}" x="${W.label}" y="${totalsTop + 3}" width="${x(tt.summary, totalScale).toFixed(1)}" height="${W.bar}"/>`,
    );
  if (tt.sheet !== null)
    out.push(
      `<rect class="w-sheet${tt.sheetStatus === "off" ? " w-mismatch" : ""}" x="${W.label}" y="${totalsTop + 4 + W.bar}" width="${x(tt.sheet, totalScale).toFixed(1)}" height="${W.bar}"/>`,
    );
  out.push(`<line class="w-expected" x1="${ex.toFixed(1)}" x2="${ex.toFixed(1)}" y1="${totalsTop - 2}" y2="${totalsTop + W.row}"/>`);
  out.push(`<text class="w-value" x="${width - 2}" y="${totalsTop + W.row / 2 + 4}">${esc(`${formatWeight(tt.summary)} / ${formatWeight(tt.sheet)}`)}</text>`);
  const expectedLabel = w.expectedMark(tt.expectedFrom === "declared", formatWeight(tt.expected), formatWeight(totalScale));
  out.push(`<text class="w-scale" x="${W.label + W.plot}" y="${totalsTop + W.row + 14}">${esc(expectedLabel)}</text>`);
  out.push(`</svg>`);
  return out.join("");
}
