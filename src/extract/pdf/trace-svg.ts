/**
 * One page's table-finding steps drawn as SVG over the page, in the spirit of
 * pdfplumber's visual debugging: the page's words (grey boxes with their
 * text), fills, raw rulings (red), merged segments (blue), intersections
 * (dots), ruled cells (green), text columns of borderless tables (orange) and
 * the tables the page ends with (purple boxes, with their cells). Each layer is
 * a <g> with a class naming the step, each shape a class naming what it is,
 * so the file can be read by eye or searched.
 */
import type { BBox } from "./page-model.js";
import type { PageTrace } from "./table-trace.js";

const n = (v: number): string => String(Math.round(v * 100) / 100);

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

function rect(b: BBox, cls: string, extra = ""): string {
  return `<rect class="${cls}" x="${n(b.x0)}" y="${n(b.y0)}" width="${n(Math.max(0, b.x1 - b.x0))}" height="${n(Math.max(0, b.y1 - b.y0))}"${extra}/>`;
}

function line(x0: number, y0: number, x1: number, y1: number, cls: string): string {
  return `<line class="${cls}" x1="${n(x0)}" y1="${n(y0)}" x2="${n(x1)}" y2="${n(y1)}"/>`;
}

const STYLE = `
.page{fill:#fff;stroke:#999;stroke-width:.5}
.fill{fill-opacity:.35;stroke:none}
.word{fill:#e8e8e8;stroke:#bbb;stroke-width:.2}
.word-text{font-family:sans-serif;fill:#333}
.ruling{stroke:#e00;stroke-width:1.6;stroke-opacity:.5}
.merged{stroke:#06c;stroke-width:.6}
.diagonal{stroke:#c0c;stroke-width:.8}
.intersection{fill:#06c}
.cell{fill:#2a2;fill-opacity:.08;stroke:#2a2;stroke-width:.4}
.grid{fill:none;stroke:#2a2;stroke-width:1;stroke-dasharray:4 2}
.text-column{stroke:#f80;stroke-width:.8;stroke-dasharray:3 2}
.table{fill:none;stroke:#80c;stroke-width:2}
.table-cell{fill:none;stroke:#80c;stroke-width:.5;stroke-dasharray:1 1}
.table-label{font-family:sans-serif;font-size:8px;fill:#80c}
`;

export function traceSvg(t: PageTrace): string {
  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${n(t.width)} ${n(t.height)}" width="${n(t.width * 1.5)}" height="${n(t.height * 1.5)}">`);
  out.push(
    `<title>page ${t.page}: ${t.rulings.length} rulings, ${t.merged.length} merged segments, ${t.intersections.length} intersections, ${t.cells.length} cells, ${t.grids.length} grids, ${t.words.length} words, ${t.tables.length} tables</title>`,
  );
  out.push(`<style>${STYLE}</style>`);
  out.push(rect({ x0: 0, y0: 0, x1: t.width, y1: t.height }, "page"));
  out.push(`<g class="fills">${t.fills.map((f) => rect(f, "fill", ` fill="${esc(f.color)}"`)).join("")}</g>`);
  out.push(
    `<g class="words">${t.words
      .map((w) => {
        const size = Math.max(1, Math.min(w.size, w.bottom - w.top) * 0.8);
        return (
          rect({ x0: w.x0, y0: w.top, x1: w.x1, y1: w.bottom }, "word") +
          (w.upright ? `<text class="word-text" x="${n(w.x0)}" y="${n(w.baseline)}" font-size="${n(size)}">${esc(w.text)}</text>` : "")
        );
      })
      .join("")}</g>`,
  );
  out.push(
    `<g class="rulings">${t.rulings.map((r) => (r.dir === "h" ? line(r.start, r.pos, r.end, r.pos, "ruling") : line(r.pos, r.start, r.pos, r.end, "ruling"))).join("")}</g>`,
  );
  out.push(
    `<g class="merged-segments">${t.merged.map((r) => (r.dir === "h" ? line(r.start, r.pos, r.end, r.pos, "merged") : line(r.pos, r.start, r.pos, r.end, "merged"))).join("")}</g>`,
  );
  out.push(`<g class="diagonals">${t.diagonals.map((d) => line(d.x0, d.y0, d.x1, d.y1, "diagonal")).join("")}</g>`);
  out.push(`<g class="intersections">${t.intersections.map((p) => `<circle class="intersection" cx="${n(p.x)}" cy="${n(p.y)}" r="1.2"/>`).join("")}</g>`);
  out.push(`<g class="cells">${t.cells.map((c) => rect(c, "cell")).join("")}</g>`);
  out.push(`<g class="grids">${t.grids.map((g) => rect(g, "grid")).join("")}</g>`);
  out.push(`<g class="text-columns">${t.textColumns.map((c) => c.colX.map((x) => line(x, c.bbox.y0, x, c.bbox.y1, "text-column")).join("")).join("")}</g>`);
  out.push(
    `<g class="tables">${t.tables
      .map(
        (tb, i) =>
          `<g class="table-group">${rect(tb.bbox, "table")}${tb.cells.map((c) => rect(c, "table-cell")).join("")}` +
          `<text class="table-label" x="${n(tb.bbox.x0)}" y="${n(Math.max(8, tb.bbox.y0 - 2))}">table ${i + 1} (${tb.method}) ${tb.rows}x${tb.cols}</text></g>`,
      )
      .join("")}</g>`,
  );
  out.push("</svg>");
  return out.join("\n") + "\n";
}
