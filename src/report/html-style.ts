/** The report's one inline stylesheet: no web fonts, no external requests; prints on A4. */
export const REPORT_CSS = `
:root { --ink:#1d2939; --muted:#667085; --line:#e4e7ec; --bg:#f6f7f9; --card:#fff;
  --error:#b42318; --error-bg:#fef3f2; --warning:#b54708; --warning-bg:#fffaeb; --info:#175cd3; --info-bg:#eff8ff;
  --ok:#067647; --summary:#2e5c8a; --sheet:#7f9cc0; --accent:#1f3a5f; }
* { box-sizing: border-box; }
body { margin:0; font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif; color:var(--ink); background:var(--bg); }
a { color:var(--accent); }
header.top { background:var(--accent); color:#fff; padding:18px 32px 16px; }
header.top h1 { margin:0; font-size:20px; font-weight:600; letter-spacing:.2px; }
header.top p { margin:4px 0 0; color:#d0dae6; font-size:13px; }
main { max-width:1240px; margin:0 auto; padding:20px 24px 40px; }
section.plan { background:var(--card); border:1px solid var(--line); border-radius:8px; padding:20px 24px; margin-bottom:28px; }
.plan-head { display:flex; justify-content:space-between; align-items:flex-start; gap:24px; border-bottom:1px solid var(--line); padding-bottom:14px; }
.plan-head h2 { margin:0 0 6px; font-size:22px; }
.plan-head h2 .year { color:var(--muted); font-weight:500; }
dl.meta { display:grid; grid-template-columns:auto 1fr; gap:2px 12px; margin:0; font-size:13px; }
dl.meta dt { color:var(--muted); }
dl.meta dd { margin:0; word-break:break-all; }
.chips { display:flex; gap:8px; flex-wrap:wrap; justify-content:flex-end; }
.chip { border-radius:999px; padding:4px 12px; font-weight:600; font-size:13px; white-space:nowrap; border:1px solid transparent; }
.chip.error { color:var(--error); background:var(--error-bg); border-color:#fecdca; }
.chip.warning { color:var(--warning); background:var(--warning-bg); border-color:#fedf89; }
.chip.info { color:var(--info); background:var(--info-bg); border-color:#b2ddff; }
.chip.neutral { color:var(--muted); background:var(--bg); border-color:var(--line); }
table.overview { width:100%; border-collapse:collapse; font-size:13px; }
table.overview th { text-align:left; color:var(--muted); font-weight:600; font-size:12px; border-bottom:2px solid var(--line); padding:6px 8px; }
table.overview td { border-bottom:1px solid var(--line); padding:6px 8px; }
table.overview .num { text-align:right; font-variant-numeric:tabular-nums; white-space:nowrap; }
.count { display:inline-block; min-width:24px; text-align:center; border-radius:10px; padding:0 6px; font-weight:700; font-size:12px; }
.count.error { color:var(--error); background:var(--error-bg); } .count.warning { color:var(--warning); background:var(--warning-bg); } .count.info { color:var(--info); background:var(--info-bg); }
.zero { color:#c0c6cf; }
h3 { font-size:16px; margin:22px 0 10px; color:var(--accent); text-transform:uppercase; letter-spacing:.6px; }
h4 { font-size:15px; margin:16px 0 8px; }
h4 .manager { color:var(--muted); font-weight:400; }
.findings-unit { margin:0 0 14px; }
.findings-objective { margin:6px 0 8px 0; padding-left:12px; border-left:3px solid var(--line); }
.findings-objective > .otitle { font-weight:600; font-size:13.5px; margin-bottom:4px; }
ul.findings { list-style:none; margin:0; padding:0; }
li.finding, li.advisory-finding { display:grid; grid-template-columns:78px 190px 56px 1fr; gap:8px; align-items:baseline; padding:5px 8px; border-radius:4px; font-size:13px; }
li.finding:nth-child(odd), li.advisory-finding:nth-child(odd) { background:#fafbfc; }
.badge { display:inline-block; border-radius:4px; padding:1px 6px; font-size:11px; font-weight:700; text-transform:uppercase; letter-spacing:.4px; text-align:center; }
.sev-error .badge { color:#fff; background:var(--error); }
.sev-warning .badge { color:#fff; background:#dc6803; }
.sev-info .badge { color:#fff; background:var(--info); }
code { font:12px/1.3 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace; }
.page { font-size:12px; white-space:nowrap; }
.none { color:var(--muted); font-style:italic; }
section.unit { border-top:1px solid var(--line); padding-top:6px; margin-top:18px; }
.unit-grid { display:grid; grid-template-columns:minmax(0,1fr) 384px; gap:24px; align-items:start; }
table.weights { width:100%; border-collapse:collapse; font-size:13px; }
table.weights th { text-align:left; color:var(--muted); font-weight:600; border-bottom:2px solid var(--line); padding:5px 6px; font-size:12px; }
table.weights td { border-bottom:1px solid var(--line); padding:5px 6px; vertical-align:top; }
table.weights td.num, table.weights th.num { text-align:right; font-variant-numeric:tabular-nums; white-space:nowrap; }
table.weights tr.flagged td:first-child { box-shadow:inset 3px 0 0 var(--warning); }
table.weights tr.total td { font-weight:700; border-top:2px solid var(--line); border-bottom:none; }
table.weights tr.total td.note { font-weight:400; color:var(--muted); }
.st { font-size:12px; font-weight:600; white-space:nowrap; }
.st.match, .st.ok { color:var(--ok); }
.st.mismatch, .st.off { color:var(--error); }
.st.no-sheet, .st.no-summary, .st.no-weight, .st.incomplete, .st.none { color:var(--warning); }
.tag { display:inline-block; font-size:10.5px; font-weight:700; color:var(--accent); border:1px solid #b7c6d9; border-radius:3px; padding:0 4px; margin-left:4px; vertical-align:1px; }
.timeline { display:grid; grid-template-columns:repeat(auto-fill,minmax(540px,1fr)); gap:12px 18px; margin-top:8px; }
.gantt-card { border:1px solid var(--line); border-radius:6px; padding:8px 10px; overflow-x:auto; }
.gantt-card .otitle { font-weight:600; font-size:13px; margin-bottom:4px; }
.clamp { display:-webkit-box; -webkit-box-orient:vertical; -webkit-line-clamp:2; overflow:hidden; }
.gantt-card .otitle .pg { font-weight:400; }
svg { max-width:100%; height:auto; font-family:inherit; }
svg text { font-size:12px; fill:var(--ink); }
.g-band { fill:#f3f5f8; } .g-month { text-anchor:middle; fill:var(--muted); font-size:11px; } .g-year { font-size:10px; fill:var(--muted); font-weight:600; }
.g-bar { fill:var(--summary); } .g-rule { stroke:var(--line); } .g-axis { stroke:#c5ccd6; }
.g-missing { fill:var(--error-bg); stroke:var(--error); stroke-dasharray:4 3; } .g-missing-text { text-anchor:middle; fill:var(--error); font-size:11px; }
.g-span { fill:var(--sheet); opacity:.45; } .g-milestone { fill:var(--accent); stroke:#fff; stroke-width:1; } .g-start { stroke:var(--accent); stroke-width:2; }
.g-when { text-anchor:middle; fill:var(--muted); font-size:11px; font-style:italic; }
.g-weight { text-anchor:end; fill:var(--muted); font-size:11px; font-variant-numeric:tabular-nums; } .g-weight-head { text-anchor:end; fill:var(--muted); font-size:10px; }
.w-summary, .w-key-summary { fill:var(--summary); } .w-sheet, .w-key-sheet { fill:var(--sheet); } .w-mismatch, .w-off { fill:var(--error); }
.w-label { text-anchor:end; font-weight:600; } .w-value { text-anchor:end; font-variant-numeric:tabular-nums; fill:var(--muted); }
.w-grid { stroke:var(--line); } .w-expected { stroke:var(--ink); stroke-width:2; stroke-dasharray:3 2; }
.w-none { font-size:10px; fill:var(--warning); } .w-scale { text-anchor:end; font-size:10px; fill:var(--muted); } .w-key { font-size:11px; fill:var(--muted); }
section.advisory { margin:18px 0 8px; padding:4px 14px 8px; border:1px dashed #b7c6d9; border-radius:6px; background:#fbfcfe; }
section.advisory h3 { margin-top:12px; }
section.advisory .chips { justify-content:flex-start; margin-bottom:10px; }
.advisory-note { font-size:12.5px; color:var(--muted); margin:0 0 10px; }
.changes-summary { font-size:13px; color:var(--muted); }
table.changes { width:100%; border-collapse:collapse; font-size:13px; margin-bottom:8px; table-layout:fixed; }
table.changes col.c-kind { width:110px; } table.changes col.c-num { width:48px; } table.changes col.c-weight { width:120px; }
table.changes td.num { text-align:right; font-variant-numeric:tabular-nums; white-space:nowrap; padding-right:14px; }
table.changes td { border-bottom:1px solid var(--line); padding:5px 6px; vertical-align:top; }
table.changes td.kind { font-weight:700; font-size:12px; text-transform:uppercase; }
.kind.added { color:var(--ok); } .kind.dropped { color:var(--error); } .kind.changed { color:var(--warning); }
ul.delta { margin:2px 0 0; padding-left:18px; color:#344054; }
.old { color:var(--muted); text-decoration:line-through; }
footer { color:var(--muted); font-size:12px; text-align:center; padding:10px 0 24px; }
.summary { margin-top:6px; }
.summary-grid { display:grid; grid-template-columns:minmax(0,1fr) 300px; gap:24px; align-items:start; }
.summary h4 { margin:10px 0 6px; }
table.severities { border-collapse:collapse; font-size:13px; width:100%; }
table.severities th, table.severities td { border-bottom:1px solid var(--line); padding:5px 8px; text-align:left; }
table.severities thead th { color:var(--muted); font-size:12px; border-bottom:2px solid var(--line); }
table.severities .num { text-align:right; }
.legend { font-size:12px; color:var(--muted); margin:0 0 8px; }
.year-charts { display:grid; grid-template-columns:repeat(auto-fill,minmax(620px,1fr)); gap:10px 18px; }
.year-unit .otitle { font-weight:600; font-size:13px; margin-bottom:2px; }
.y-band { fill:#f3f5f8; } .y-month { text-anchor:middle; fill:var(--muted); font-size:10px; } .y-quarter { font-size:10px; font-weight:600; fill:var(--muted); }
.y-label { font-size:10px; } .y-load-label { font-weight:600; }
.y-cell { fill:var(--summary); } .y-n1 { opacity:.45; } .y-n2 { opacity:.72; } .y-n3 { opacity:1; }
.y-milestone { fill:var(--accent); stroke:#fff; stroke-width:1; }
.y-load { fill:var(--sheet); } .y-load.y-peak { fill:var(--warning); } .y-load-n { text-anchor:middle; font-size:9px; fill:var(--muted); }
.y-empty rect { fill:var(--error-bg); stroke:var(--error); stroke-dasharray:3 2; } .y-empty text { text-anchor:middle; font-size:9.5px; fill:var(--error); }
.y-rule { stroke:var(--line); } .y-qrule { stroke:#d0d5dd; } .y-axis { stroke:#c5ccd6; }
.sign { display:none; }
@page { size:A4; margin:14mm 12mm 16mm 12mm;
  @bottom-right { content:counter(page) " / " counter(pages); font:9pt system-ui,sans-serif; color:#667085; } }
@media print {
  * { -webkit-print-color-adjust:exact; print-color-adjust:exact; }
  body { background:#fff; font-size:10pt; }
  header.top { background:#fff; color:var(--ink); border-bottom:2px solid var(--ink); padding:0 0 8px; }
  header.top p { color:var(--muted); }
  main { max-width:none; padding:8px 0 0; }
  footer { display:none; }
  a { color:inherit; text-decoration:none; }
  section.plan { border:none; border-radius:0; padding:0; margin:0; }
  section.plan + section.plan { break-before:page; }
  .summary { break-after:page; }
  .summary-grid { grid-template-columns:1fr; gap:4px; }
  .summary table.severities { width:auto; min-width:50%; }
  .unit-grid { grid-template-columns:1fr; gap:8px; }
  .summary table.overview, .summary table.severities { font-size:8.5pt; }
  .summary table.overview th, .summary table.overview td, .summary table.severities th, .summary table.severities td { padding:3px 4px; }
  .plan-head h2 { font-size:16pt; }
  dl.meta { font-size:9pt; }
  .summary h3 { margin-top:10px; }
  .year-charts { grid-template-columns:1fr; }
  .year-unit, .gantt-card, .findings-objective, li.finding, li.advisory-finding, tr, .sign { break-inside:avoid; }
  thead { display:table-header-group; }
  h3, h4, .otitle { break-after:avoid; }
  section.unit { break-before:page; border-top:none; margin-top:0; }
  .timeline { grid-template-columns:1fr; }
  .gantt-card { overflow:visible; }
  .clamp { display:block; -webkit-line-clamp:unset; overflow:visible; }
  li.finding, li.advisory-finding { grid-template-columns:64px 170px 44px 1fr; }
  .sign { display:block; margin-top:28px; font-size:10pt; }
  .sign-lines { display:flex; gap:48px; margin-top:28px; }
  .sign-lines span { flex:1; border-top:1px solid var(--ink); padding-top:4px; color:var(--muted); }
}
`;
