/**
 * Responses with the same security headers every time: a Content-Security-Policy
 * that allows only this server's own scripts and style sheets (no inline script,
 * no inline style, no other origin), nosniff, no framing, no referrer.
 */
import type { ServerResponse } from "node:http";

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/** A request the server refuses: the status and a one-line reason shown to the user. */
export class HttpError extends Error {
  override readonly name = "HttpError";
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export function securityHeaders(res: ServerResponse, csp: string | null = CONTENT_SECURITY_POLICY): void {
  if (csp) res.setHeader("Content-Security-Policy", csp);
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Referrer-Policy", "no-referrer");
  res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  res.setHeader("Cross-Origin-Resource-Policy", "same-origin");
}

export function send(res: ServerResponse, status: number, contentType: string, body: string | Buffer, extra: Record<string, string> = {}): void {
  securityHeaders(res);
  res.statusCode = status;
  res.setHeader("Content-Type", contentType);
  res.setHeader("Cache-Control", "no-store");
  for (const [k, v] of Object.entries(extra)) res.setHeader(k, v);
  res.setHeader("Content-Length", Buffer.byteLength(body));
  res.end(body);
}

export function sendHtml(res: ServerResponse, status: number, html: string): void {
  send(res, status, "text/html; charset=utf-8", html);
}

export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, "application/json; charset=utf-8", JSON.stringify(value));
}

/** A CSV download: `name` is ours (ASCII), never a file name from a plan. */
export function sendCsv(res: ServerResponse, name: string, csv: string): void {
  send(res, 200, "text/csv; charset=utf-8", csv, { "Content-Disposition": `attachment; filename="${name}"` });
}

/**
 * A Content-Disposition value for a file name taken from a document: an ASCII
 * fallback with every unsafe character replaced, and the real name percent-encoded
 * (RFC 6266 / 5987), so no quote, semicolon or line break reaches the header.
 */
export function contentDisposition(kind: "inline" | "attachment", fileName: string): string {
  const ascii = fileName.replace(/[^A-Za-z0-9._ -]/g, "_").slice(0, 150) || "documento";
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
