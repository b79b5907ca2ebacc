/**
 * A request's target taken apart strictly: path segments percent-decoded (a
 * malformed escape is a 400, not a crash), the query read into the few values
 * the pages accept, each checked, and written back canonically for CSV links.
 */
import { HttpError } from "./http-response.js";

export interface Target {
  readonly segments: string[];
  readonly query: URLSearchParams;
}

/** Longest value accepted for a text parameter other than the search text. */
const MAX_PARAM_LENGTH = 300;

export function parseTarget(rawUrl: string | undefined): Target {
  const url = rawUrl ?? "";
  if (!url.startsWith("/")) throw new HttpError(400, "indirizzo della richiesta non valido");
  const q = url.indexOf("?");
  const pathPart = q < 0 ? url : url.slice(0, q);
  const queryPart = q < 0 ? "" : url.slice(q + 1);
  let segments: string[];
  try {
    segments = pathPart
      .split("/")
      .filter((s) => s !== "")
      .map((s) => decodeURIComponent(s));
  } catch {
    throw new HttpError(400, "indirizzo con una codifica non valida");
  }
  if (segments.some((s) => s === ".." || s.includes("\0"))) throw new HttpError(400, "indirizzo non valido");
  // URLSearchParams tolerates bad escapes; a value that decodes to U+FFFD from them is refused below when it matters.
  return { segments, query: new URLSearchParams(queryPart) };
}

export function textParam(query: URLSearchParams, name: string, max = MAX_PARAM_LENGTH): string | undefined {
  const v = query.get(name);
  if (v === null || v.trim() === "") return undefined;
  if (v.length > max) throw new HttpError(400, `il parametro «${name}» è troppo lungo (al massimo ${max} caratteri)`);
  return v;
}

export function yearParam(query: URLSearchParams, name: string): number | undefined {
  const v = textParam(query, name);
  if (v === undefined) return undefined;
  if (!/^\d{4}$/.test(v)) throw new HttpError(400, `il parametro «${name}» deve essere un anno come 2024`);
  return Number(v);
}

/** A database id in the path: anything but a positive whole number is a page that does not exist. */
export function idSegment(s: string | undefined): number {
  if (s === undefined || !/^\d{1,9}$/.test(s)) throw new HttpError(404, "pagina non trovata");
  return Number(s);
}

/** `?a=1&b=2` from the accepted values only (empty string when none). */
export function canonicalQuery(values: Record<string, string | number | boolean | undefined>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined || v === false) continue;
    p.set(k, v === true ? "tutte" : String(v));
  }
  const s = p.toString();
  return s ? `?${s}` : "";
}
