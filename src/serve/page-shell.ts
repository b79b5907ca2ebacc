/**
 * The frame of every page: Italian, the navigation, the style sheet and the one
 * script as files of this server (the Content-Security-Policy forbids inline ones).
 * Every text from a plan or a request goes through esc() before it gets here.
 */
import { esc } from "../report/html-escape.js";
import { T } from "./labels-it.js";

export type Section = "plans" | "search" | "compare" | "none";

export function pageShell(title: string, active: Section, body: string): string {
  const link = (href: string, label: string, s: Section) =>
    `<a href="${href}"${s === active ? ` aria-current="page"` : ""}>${esc(label)}</a>`;
  return (
    `<!doctype html>\n<html lang="it"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${esc(title)} · piao</title>` +
    `<link rel="stylesheet" href="/static/app.css">` +
    `<script src="/static/app.js" defer></script></head><body>` +
    `<header class="bar"><span class="brand">${esc(T.appName)}</span><nav>` +
    link("/piani", T.navPlans, "plans") +
    link("/cerca", T.navSearch, "search") +
    link("/confronto", T.navCompare, "compare") +
    `</nav></header><main>${body}</main></body></html>\n`
  );
}

/** The CSV link under a list: the same address with `.csv` on its path. */
export function csvLink(href: string): string {
  return `<p class="csv"><a href="${esc(href)}" download>${esc(T.csv)}</a></p>`;
}

export function errorPage(status: number, message: string): string {
  return pageShell(String(status), "none", `<h1>${esc(String(status))}</h1><p class="error-line">${esc(message)}</p><p><a href="/piani">${esc(T.backToPlans)}</a></p>`);
}
