/**
 * `piao serve` over plain HTTP (no browser): security headers and no inline code
 * on every page, bad requests answered 4xx with the server going on, uploads
 * only from the page itself and within the size limit, an upload never kept
 * under its own name, the comparison and its CSV.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { request } from "node:http";
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import Database from "better-sqlite3";
import { expectedExport, fixture, parseCsv, startTestServer, type TestServer } from "./serve-fixtures.js";

const Y2024 = fixture("borgoverde-2024", "borgoverde-2024.pdf");
const Y2025 = fixture("borgoverde-2025", "borgoverde-2025.pdf");

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ maxUploadBytes: 200_000 }, [Y2024, Y2025]);
});
afterAll(() => s?.close());

/** A raw request (fetch cannot send a wrong Host header or bytes that are not HTTP). */
function raw(bytes: string): Promise<string> {
  const { port } = new URL(s.app.url);
  return new Promise((resolve, reject) => {
    const sock = connect(Number(port), "127.0.0.1");
    let out = "";
    sock.setEncoding("utf8").on("data", (d: string) => (out += d));
    sock
      .on("end", () => resolve(out))
      .on("close", () => resolve(out))
      .on("error", reject);
    sock.write(bytes);
  });
}

function post(path: string, body: Buffer, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      `${s.app.url}${path}`,
      { method: "POST", headers: { ...(headers["Transfer-Encoding"] ? {} : { "Content-Length": String(body.length) }), ...headers } },
      (res) => {
        let text = "";
        res.setEncoding("utf8").on("data", (d: string) => (text += d));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

const planCount = () => {
  const db = new Database(s.db, { readonly: true });
  try {
    return db.prepare("SELECT count(*) FROM plans").pluck().get() as number;
  } finally {
    db.close();
  }
};

describe("piao serve over HTTP", () => {
  it("sends every page with its security headers and no inline script, style or event attribute", async () => {
    const pages = ["/", "/piani/1", "/piani/1/rapporto", "/cerca?q=PNRR", "/confronto?ente=Comune%20di%20Borgoverde"];
    for (const p of pages) {
      const r = await fetch(`${s.app.url}${p}`);
      expect(r.status, p).toBe(200);
      expect(r.headers.get("content-security-policy"), p).toContain("script-src 'self'");
      expect(r.headers.get("content-security-policy"), p).toContain("style-src 'self'");
      expect(r.headers.get("x-content-type-options"), p).toBe("nosniff");
      const html = await r.text();
      expect(html, p).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
      expect(html, p).not.toMatch(/<style[\s>]/);
      expect(html, p).not.toMatch(/<[^>]+\s(on[a-z]+|style)=/i);
    }
    // Read without JavaScript: the plan's findings are in the HTML the server sends.
    const plan = await (await fetch(`${s.app.url}/piani/1`)).text();
    for (const a of expectedExport(Y2024).anomalies) expect(plan).toContain(`<code>${a.code}</code>`);
    // The report's own style sheet is served as a file of the server.
    const report = await (await fetch(`${s.app.url}/piani/1/rapporto`)).text();
    const sheet = /href="(\/static\/report-[0-9a-f]{16}\.css)"/.exec(report)?.[1];
    expect(sheet).toBeDefined();
    const css = await fetch(`${s.app.url}${sheet}`);
    expect(css.headers.get("content-type")).toBe("text/css; charset=utf-8");
    expect((await css.text()).length).toBeGreaterThan(500);
  });

  it("answers malformed and unknown requests with 4xx and goes on", async () => {
    expect(await raw("THIS IS NOT HTTP\r\n\r\n")).toMatch(/^HTTP\/1\.1 400 /);
    expect(await raw("GET / HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n")).toMatch(/^HTTP\/1\.1 400 /);
    expect(await raw("GET /piani/%E0%A4%A HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")).toMatch(/^HTTP\/1\.1 400 /);
    expect((await fetch(`${s.app.url}/piani?anno=duemila`)).status).toBe(400);
    expect((await fetch(`${s.app.url}/piani?tipo=%3Cscript%3E`)).status).toBe(400);
    expect((await fetch(`${s.app.url}/cerca?q=${"x".repeat(500)}`)).status).toBe(400);
    expect((await fetch(`${s.app.url}/piani/99999`)).status).toBe(404);
    expect((await fetch(`${s.app.url}/piani/1/../../etc`)).status).toBe(404);
    expect((await fetch(`${s.app.url}/piani`, { method: "DELETE" })).status).toBe(405);
    expect((await fetch(`${s.app.url}/carica`)).status).toBe(405);
    // A search that is only FTS5 syntax is words like any other, not an error.
    expect((await fetch(`${s.app.url}/cerca?q=${encodeURIComponent('"NEAR( AND * ^')}`)).status).toBe(200);
    const after = await fetch(`${s.app.url}/piani`);
    expect(after.status).toBe(200);
    expect(await after.text()).toContain("Comune di Borgoverde");
  });

  it("takes uploads only from its own page and within the size limit, and stores nothing otherwise", async () => {
    const before = planCount();
    const pdf = readFileSync(Y2024);
    expect((await post("/carica?nome=a.pdf", pdf, { "Content-Type": "application/octet-stream" })).status).toBe(403);
    expect((await post("/carica?nome=a.pdf", pdf, { "X-Piao-Upload": "1", Origin: "http://evil.example" })).status).toBe(403);
    expect((await post("/carica?nome=a.pdf", pdf, { "X-Piao-Upload": "1", "Sec-Fetch-Site": "cross-site" })).status).toBe(403);
    const big = await post("/carica?nome=grande.pdf", Buffer.alloc(300_000, 0x41), { "X-Piao-Upload": "1" });
    expect(big.status).toBe(413);
    expect(JSON.parse(big.body).line).toContain("grande.pdf");
    // Without a declared length the limit is counted as the body arrives.
    const chunked = await post("/carica?nome=flusso.pdf", Buffer.alloc(300_000, 0x41), { "X-Piao-Upload": "1", "Transfer-Encoding": "chunked" });
    expect(chunked.status).toBe(413);
    expect(planCount()).toBe(before);
    expect(existsSync(s.app.uploadsDir)).toBe(false);
    expect(readdirSync(s.app.tempDir)).toEqual([]);
    expect((await fetch(`${s.app.url}/`)).status).toBe(200);
  });

  it("keeps an upload under its sha256, never its own name, and stores the name only as text", async () => {
    const name = "../../piano 2024 (copia).docx";
    const docx = readFileSync(fixture("borgoverde-2024", "borgoverde-2024.docx"));
    const r = await post(`/carica?nome=${encodeURIComponent(name)}`, docx, { "X-Piao-Upload": "1", Origin: s.app.url });
    expect(r.status).toBe(200);
    const answer = JSON.parse(r.body) as { ok: boolean; planId: number; url: string };
    expect(answer.ok).toBe(true);
    expect(answer.url).toBe(`/piani/${answer.planId}/rapporto`);
    const kept = readdirSync(s.app.uploadsDir);
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatch(/^[0-9a-f]{64}\.docx$/);
    expect(readdirSync(s.app.tempDir)).toEqual([]);
    const db = new Database(s.db, { readonly: true });
    const stored = db.prepare("SELECT d.path FROM plans p JOIN documents d ON d.id = p.document_id WHERE p.id = ?").pluck().get(answer.planId);
    db.close();
    expect(stored).toBe("piano 2024 (copia).docx");
    // Not a PDF: the source is a download, never a page of this origin.
    const src = await fetch(`${s.app.url}/piani/${answer.planId}/fonte`);
    expect(src.headers.get("content-type")).toBe("application/octet-stream");
    expect(src.headers.get("content-disposition")).toMatch(
      /^attachment; filename="piano 2024 _copia_.docx"; filename\*=UTF-8''piano%202024%20\(copia\)\.docx$/,
    );
    expect(Buffer.from(await src.arrayBuffer()).equals(docx)).toBe(true);
  });

  it("compares a body's years and downloads the comparison with the rows shown", async () => {
    const html = await (await fetch(`${s.app.url}/confronto?ente=Comune%20di%20Borgoverde`)).text();
    const shown = (html.match(/<table id="changes-2025"[\s\S]*?<\/table>/)?.[0].match(/<tr>/g)?.length ?? 0) - 1;
    const res = await fetch(`${s.app.url}/confronto.csv?ente=Comune%20di%20Borgoverde`);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="confronto.csv"');
    const rows = parseCsv(await res.text());
    expect(rows[0]).toEqual(["Anno", "rispetto al", "Unità", "Variazione", "N.", "Obiettivo", "Peso (prima)", "Peso (dopo)", "Dettagli"]);
    expect(rows.length - 1).toBe(shown);
    expect(shown).toBeGreaterThan(0);
    // An objective only the 2025 plan has is listed as added.
    const titles = (file: string) => new Set(expectedExport(file).units.flatMap((u) => u.objectives.map((o) => o.title)));
    const old = titles(Y2024);
    const added = [...titles(Y2025)].filter((t) => !old.has(t));
    expect(added.length).toBeGreaterThan(0);
    const addedRows = rows.filter((r) => r[3] === "aggiunto").map((r) => r[5]);
    expect(addedRows.some((t) => added.includes(t!))).toBe(true);
  });
});
