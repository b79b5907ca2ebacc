/**
 * A stored plan's consistency report, as `piao check --db` renders it
 * (src/report, unchanged), served under the application's Content-Security-Policy:
 * the report's inline style sheets become files of this server (by content hash),
 * and a navigation bar back to the application is put at the top of its body.
 * Page references link to the served source PDF at `#page=N`.
 */
import { createHash } from "node:crypto";
import { buildReport } from "../report/build-report.js";
import { text } from "./html-text.js";
import { renderHtml } from "../report/render-html.js";
import { reportSettings } from "../report/report-settings.js";
import { findPreviousPlan, listPlans, loadPlan, type Db } from "../store/index.js";
import { T } from "./labels-it.js";

/** Style sheets taken out of rendered reports, by the first 16 hex digits of their sha256. */
export class StyleSheets {
  readonly #byHash = new Map<string, string>();
  /** The report's CSS is fixed per build: a bound only guards against a leak. */
  static readonly MAX = 32;

  add(css: string): string {
    const hash = createHash("sha256").update(css).digest("hex").slice(0, 16);
    if (!this.#byHash.has(hash)) {
      if (this.#byHash.size >= StyleSheets.MAX) this.#byHash.delete(this.#byHash.keys().next().value!);
      this.#byHash.set(hash, css);
    }
    return hash;
  }

  get(hash: string): string | undefined {
    return this.#byHash.get(hash);
  }
}

export const NAV_CSS = `.piao-nav { position: sticky; top: 0; z-index: 10; padding: .5rem 1.5rem; background: #1d2733; font: 15px system-ui, sans-serif; }
.piao-nav a { color: #fff; margin-right: 1.2rem; }
@media print { .piao-nav { display: none; } }
`;

/** Every <style> element out into a served file (plan text is escaped, so only the renderer's own tags match). */
export function externalizeStyles(html: string, sheets: StyleSheets): string {
  return html.replace(/<style>([\s\S]*?)<\/style>/g, (_m, css: string) => `<link rel="stylesheet" href="/static/report-${sheets.add(css)}.css">`);
}

export function reportPage(db: Db, planId: number, sourceAvailable: boolean, sheets: StyleSheets): string {
  const plan = loadPlan(db, planId);
  const previous = findPreviousPlan(db, planId);
  const superseded =
    plan.organization !== null && plan.year !== null
      ? listPlans(db, { organization: plan.organization, year: plan.year }).find((v) => v.supersededBy === planId)
      : undefined;
  const report = buildReport(
    [
      {
        plan,
        planId,
        previous: previous ? { plan: loadPlan(db, previous.planId), planId: previous.planId } : null,
        superseded: superseded ? { plan: loadPlan(db, superseded.planId), planId: superseded.planId } : null,
      },
    ],
    reportSettings(),
  );
  const html = renderHtml(report, { sourceHref: () => (sourceAvailable ? `/piani/${planId}/fonte` : null) });
  const nav =
    `<nav class="piao-nav"><a href="/piani">${text(T.navPlans)}</a><a href="/piani/${planId}">${text(T.planTitle)}</a>` +
    `<a href="/cerca">${text(T.navSearch)}</a><a href="/confronto">${text(T.navCompare)}</a></nav>`;
  return externalizeStyles(html, sheets)
    .replace("</head>", `<link rel="stylesheet" href="/static/nav.css"></head>`)
    .replace(/<body[^>]*>/, (b) => b + nav);
}
