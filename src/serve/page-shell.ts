/**
 * The frame of every page: Italian, the navigation, the style sheet and the one
 * script as files of this server (the Content-Security-Policy forbids inline ones).
 * Every text from a plan or a request goes through text() before it gets here.
 */
import { text } from "./html-text.js";
import { T } from "./labels-it.js";

export type Section = "plans" | "search" | "compare" | "none";

export function pageShell(title: string, active: Section, body: string): string {
  const link = (href: string, label: string, s: Section) => `<a href="${href}"${s === active ? ` aria-current="page"` : ""}>${text(label)}</a>`;
  return (
    `<!doctype html>\n<html lang="it"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${text(title)} · piao</title>` +
    `<link rel="stylesheet" href="/static/app.css">` +
    `<script src="/static/app.js" defer></script></head><body>` +
    `<header class="bar"><span class="brand">${text(T.appName)}</span><nav>` +
    link("/piani", T.navPlans, "plans") +
    link("/cerca", T.navSearch, "search") +
    link("/confronto", T.navCompare, "compare") +
    `</nav></header><main>${body}</main></body></html>\n`
  );
}

/** The CSV link under a list: the same address with `.csv` on its path. */
export function csvLink(href: string): string {
  return `<p class="csv"><a href="${text(href)}" download>${text(T.csv)}</a></p>`;
}

export function errorPage(status: number, message: string): string {
  return pageShell(
    String(status),
    "none",
    `<h1>${text(String(status))}</h1><p class="error-line">${text(message)}</p><p><a href="/piani">${text(T.backToPlans)}</a></p>`,
  );
}
