/**
 * `piao serve`'s HTTP server (node:http, no framework): routes, the checks every
 * request passes (Host, method, same-origin uploads), and the rule that a bad
 * request gets a 4xx page and the server goes on. Pages are rendered on the
 * server from the database; uploads are read in the worker pool.
 */
import { createReadStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pLimit from "p-limit";
import { WorkerPool, type PoolOutcome } from "../pipeline/worker-pool.js";
import { openDatabase, type Db } from "../store/index.js";
import { APP_CSS, APP_JS } from "./app-assets.js";
import { contentDisposition, HttpError, securityHeaders, send, sendCsv, sendHtml, sendJson } from "./http-response.js";
import { T } from "./labels-it.js";
import { comparePage, compareCsv } from "./page-compare.js";
import { PLAN_LISTS, planListCsv, planPage, type PlanList } from "./page-plan.js";
import { plansCsv, plansPage } from "./page-plans.js";
import { searchCsv, searchPage, type SearchParams } from "./page-search.js";
import { errorPage } from "./page-shell.js";
import { planDocument, planRow, type PlanFilter } from "./plan-queries.js";
import { receiveUpload } from "./receive-upload.js";
import { NAV_CSS, reportPage, StyleSheets } from "./report-page.js";
import { canonicalQuery, idSegment, parseTarget, textParam, yearParam, type Target } from "./request-target.js";
import { LOOPBACK_HOSTS, ServeSettings, type ServeSettingsInput } from "./serve-settings.js";
import { SourceFiles } from "./source-files.js";

export interface ServeApp {
  readonly server: Server;
  /** http://host:port (the port the system gave for port 0). */
  readonly url: string;
  readonly settings: ServeSettings;
  readonly uploadsDir: string;
  /** Where request bodies are written under random names while they are read (removed on close). */
  readonly tempDir: string;
  close(): Promise<void>;
}

interface Ctx {
  readonly db: Db;
  readonly parse: (file: string, displayPath: string) => Promise<PoolOutcome>;
  readonly tempDir: string;
  readonly sources: SourceFiles;
  readonly sheets: StyleSheets;
  readonly settings: ServeSettings;
  readonly log: (line: string) => void;
  uploads: number;
}

const KINDS = ["pdo", "piano-performance", "piao", "peg", "other"];

export function isLoopback(host: string): boolean {
  return LOOPBACK_HOSTS.includes(host.replace(/^\[|\]$/g, "").toLowerCase());
}

/** The Host header's name without port ("[::1]:8080" → "::1"). */
function hostName(header: string): string {
  const m = /^\[([^\]]+)\](?::\d+)?$/.exec(header) ?? /^([^:]+)(?::\d+)?$/.exec(header);
  return (m?.[1] ?? header).toLowerCase();
}

function staticFile(res: ServerResponse, type: string, body: string): void {
  send(res, 200, `${type}; charset=utf-8`, body, { "Cache-Control": "no-cache" });
}

function planFilter(t: Target): PlanFilter & { query: string } {
  const kind = textParam(t.query, "tipo");
  if (kind !== undefined && !KINDS.includes(kind)) throw new HttpError(400, `tipo di piano sconosciuto: ${kind}`);
  const f = {
    organization: textParam(t.query, "ente"),
    year: yearParam(t.query, "anno"),
    kind,
    allVersions: t.query.get("versioni") === "tutte",
  };
  return { ...f, query: canonicalQuery({ ente: f.organization, anno: f.year, tipo: f.kind, versioni: f.allVersions }) };
}

function searchParams(t: Target, ctx: Ctx): SearchParams & { query: string } {
  const text = textParam(t.query, "q", ctx.settings.maxQueryLength) ?? "";
  const allVersions = t.query.get("versioni") === "tutte";
  return { text, allVersions, limit: ctx.settings.searchLimit, query: canonicalQuery({ q: text || undefined, versioni: allVersions }) };
}

async function sourceOf(ctx: Ctx, planId: number): Promise<{ file: string; name: string; format: string } | null> {
  const doc = planDocument(ctx.db, planId);
  if (!doc) return null;
  const file = await ctx.sources.locate(doc.path, doc.sha256, doc.format);
  return file ? { file, name: path.basename(doc.path.replace(/\\/g, "/")), format: doc.format } : null;
}

async function sendSource(ctx: Ctx, res: ServerResponse, planId: number): Promise<void> {
  if (!planRow(ctx.db, planId)) throw new HttpError(404, T.notFound);
  const src = await sourceOf(ctx, planId);
  if (!src) throw new HttpError(404, T.sourceMissing);
  const size = (await stat(src.file)).size;
  const pdf = src.format === "pdf";
  // A PDF opens in the browser's viewer (which the page links at #page=N); anything else
  // (an HTML source above all) is only ever downloaded, never rendered from this origin.
  // The PDF gets no framing or policy headers: the browser's PDF viewer shows it in frames of its own.
  if (pdf) {
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "no-referrer");
  } else securityHeaders(res, "sandbox; default-src 'none'");
  res.statusCode = 200;
  res.setHeader("Content-Type", pdf ? "application/pdf" : "application/octet-stream");
  res.setHeader("Content-Disposition", contentDisposition(pdf ? "inline" : "attachment", src.name));
  res.setHeader("Content-Length", size);
  res.setHeader("Cache-Control", "no-store");
  await new Promise<void>((resolve, reject) => {
    createReadStream(src.file).on("error", reject).pipe(res).on("finish", resolve).on("error", reject);
  });
}

/** Uploads come only from this application's own page: same origin, and a header a cross-site form cannot set. */
function checkSameOrigin(req: IncomingMessage): void {
  const site = req.headers["sec-fetch-site"];
  const origin = req.headers.origin;
  if (req.headers["x-piao-upload"] !== "1") throw new HttpError(403, "caricamento rifiutato: manca l'intestazione X-Piao-Upload");
  if (site !== undefined && site !== "same-origin") throw new HttpError(403, "caricamento rifiutato: richiesta da un altro sito");
  if (origin !== undefined && origin !== `http://${req.headers.host ?? ""}`) throw new HttpError(403, "caricamento rifiutato: richiesta da un altro sito");
}

async function upload(ctx: Ctx, req: IncomingMessage, res: ServerResponse, t: Target): Promise<void> {
  checkSameOrigin(req);
  if (ctx.uploads >= ctx.settings.maxParallelUploads) throw new HttpError(503, "troppi caricamenti in corso: riprova tra poco");
  ctx.uploads++;
  try {
    const answer = await receiveUpload(req, t.query.get("nome"), ctx);
    if (!answer.ok) ctx.log(answer.line);
    sendJson(res, answer.ok ? 200 : 422, answer);
  } finally {
    ctx.uploads--;
  }
}

async function route(ctx: Ctx, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const t = parseTarget(req.url);
  const [a, b, c] = t.segments;
  const method = req.method ?? "GET";
  if (a === "carica" && t.segments.length === 1) {
    if (method !== "POST") throw Object.assign(new HttpError(405, "metodo non consentito"), { allow: "POST" });
    return upload(ctx, req, res, t);
  }
  if (method !== "GET" && method !== "HEAD") throw Object.assign(new HttpError(405, "metodo non consentito"), { allow: "GET, HEAD" });
  const n = t.segments.length;
  if (n === 0 || (a === "piani" && n === 1)) {
    const f = planFilter(t);
    return sendHtml(res, 200, plansPage(ctx.db, f, f.query, ctx.settings.maxUploadBytes));
  }
  if (a === "piani.csv" && n === 1) return sendCsv(res, "piani.csv", plansCsv(ctx.db, planFilter(t)));
  if (a === "piani" && n >= 2 && n <= 3) {
    const id = idSegment(b);
    const p = planRow(ctx.db, id);
    if (!p) throw new HttpError(404, T.notFound);
    if (n === 2) return sendHtml(res, 200, planPage(ctx.db, p, (await sourceOf(ctx, id)) !== null));
    if (c === "rapporto") return sendHtml(res, 200, reportPage(ctx.db, id, (await sourceOf(ctx, id)) !== null, ctx.sheets));
    if (c === "fonte") return sendSource(ctx, res, id);
    const list = c?.endsWith(".csv") ? (c.slice(0, -4) as PlanList) : undefined;
    if (list && PLAN_LISTS.includes(list)) return sendCsv(res, `piano-${id}-${list}.csv`, planListCsv(ctx.db, id, list));
  }
  if (a === "cerca" && n === 1) {
    const s = searchParams(t, ctx);
    return sendHtml(res, 200, searchPage(ctx.db, s, s.query));
  }
  if (a === "cerca" && n === 2 && (b === "obiettivi.csv" || b === "indicatori.csv"))
    return sendCsv(res, `ricerca-${b}`, searchCsv(ctx.db, searchParams(t, ctx), b === "obiettivi.csv" ? "obiettivi" : "indicatori"));
  if (a === "confronto" && n === 1) return sendHtml(res, 200, comparePage(ctx.db, textParam(t.query, "ente")));
  if (a === "confronto.csv" && n === 1) {
    const body = textParam(t.query, "ente");
    if (body === undefined) throw new HttpError(400, "manca il parametro «ente»");
    return sendCsv(res, "confronto.csv", compareCsv(ctx.db, body));
  }
  if (a === "static" && n === 2) {
    if (b === "app.css") return staticFile(res, "text/css", APP_CSS);
    if (b === "app.js") return staticFile(res, "text/javascript", APP_JS);
    if (b === "nav.css") return staticFile(res, "text/css", NAV_CSS);
    const css = /^report-([0-9a-f]{16})\.css$/.exec(b ?? "")?.[1];
    const sheet = css ? ctx.sheets.get(css) : undefined;
    if (sheet !== undefined) return staticFile(res, "text/css", sheet);
  }
  if (a === "favicon.ico" && n === 1) {
    securityHeaders(res);
    res.statusCode = 204;
    res.end();
    return;
  }
  throw new HttpError(404, T.notFound);
}

function fail(ctx: Ctx, req: IncomingMessage, res: ServerResponse, e: unknown): void {
  const known = e instanceof HttpError;
  const status = known ? e.status : 500;
  const message = known ? e.message : T.serverError;
  if (!known)
    ctx.log(`piao serve: ${req.method ?? "?"} ${(req.url ?? "").slice(0, 200)}: internal error: ${(e as Error)?.message?.split("\n")[0] ?? String(e)}`);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const allow = (e as { allow?: string }).allow;
  if (allow) res.setHeader("Allow", allow);
  // A body left unread (a refused upload) would stall the connection: close it after this answer.
  const unread = !req.complete;
  // The socket is taken now: once the answer is sent with Connection: close, req.socket is gone.
  const socket = req.socket as typeof req.socket | null;
  if (unread) res.setHeader("Connection", "close");
  const wantsJson = req.method === "POST";
  if (wantsJson) sendJson(res, status, { ok: false, message, line: `piao: ${message}` });
  else sendHtml(res, status, errorPage(status, message));
  if (unread) res.on("finish", () => socket?.destroy());
}

function makeHandler(ctx: Ctx) {
  return (req: IncomingMessage, res: ServerResponse) => {
    // DNS rebinding: a page of another site resolving its own name to 127.0.0.1 must not read ours.
    const host = req.headers.host;
    if (isLoopback(ctx.settings.host) && host !== undefined && !isLoopback(hostName(host))) {
      fail(ctx, req, res, new HttpError(400, `nome di host non consentito: ${host}`));
      return;
    }
    route(ctx, req, res).catch((e: unknown) => fail(ctx, req, res, e));
  };
}

export async function startServer(input: ServeSettingsInput, log: (line: string) => void = (l) => process.stderr.write(l + "\n")): Promise<ServeApp> {
  const settings = ServeSettings.parse(input);
  const dbFile = path.resolve(settings.db);
  const uploadsDir = path.resolve(settings.uploadsDir ?? path.join(path.dirname(dbFile), `${path.basename(dbFile, path.extname(dbFile))}-uploads`));
  const db = openDatabase(settings.db);
  let pool: WorkerPool;
  try {
    pool = new WorkerPool({
      timeoutMs: settings.timeoutMs,
      ...(settings.maxOldGenerationSizeMb ? { maxOldGenerationSizeMb: settings.maxOldGenerationSizeMb } : {}),
    });
  } catch (e) {
    db.close();
    throw e;
  }
  const tempDir = await mkdtemp(path.join(tmpdir(), "piao-serve-"));
  // The pool starts a worker per file in flight: `jobs` is the bound.
  const limit = pLimit(settings.jobs);
  const workers = pool;
  const ctx: Ctx = {
    db,
    parse: (file, displayPath) => limit(() => workers.run(file, displayPath)),
    tempDir,
    sources: new SourceFiles(uploadsDir, [process.cwd(), path.dirname(dbFile)]),
    sheets: new StyleSheets(),
    settings,
    log,
    uploads: 0,
  };
  const server = createServer(makeHandler(ctx));
  // Bytes that are not HTTP: answer 400 and drop that connection; the server goes on.
  server.on("clientError", (_err, socket) => {
    if (socket.writable) socket.end("HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
    else socket.destroy();
  });
  const cleanup = async () => {
    await pool.close();
    db.close();
    await rm(tempDir, { recursive: true, force: true });
  };
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(settings.port, settings.host, () => {
        server.off("error", reject);
        resolve();
      });
    });
  } catch (e) {
    await cleanup();
    throw e;
  }
  const addr = server.address() as AddressInfo;
  const shownHost = addr.family === "IPv6" ? `[${addr.address}]` : addr.address;
  return {
    server,
    url: `http://${shownHost}:${addr.port}`,
    settings,
    uploadsDir,
    tempDir,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await cleanup();
    },
  };
}
