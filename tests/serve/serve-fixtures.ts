/**
 * What the serve tests share: a server started in-process on port 0 over a fresh
 * database, the fixture exports read as the expectations (written by hand-checked
 * goldens, not by src/serve), and a plan whose text is hostile HTML.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startServer, type ServeApp } from "../../src/serve/serve-app.js";
import type { ServeSettingsInput } from "../../src/serve/serve-settings.js";
import { importFiles } from "../../src/pipeline/import-files.js";
import { openDatabase } from "../../src/store/index.js";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const fixture = (...p: string[]) => path.join(repoRoot, "fixtures", ...p);
export const artifactsDir = path.join(repoRoot, "test-artifacts");

export interface ExpectedExport {
  organization: string;
  year: number;
  units: {
    name: string;
    objectives: { number: number; title: string; summary: { weight: number | null } | null; detail: { weight: number | null } | null }[];
  }[];
  anomalies: { code: string; severity: string; page: number | null; message: string }[];
}

export function expectedExport(file: string): ExpectedExport {
  return JSON.parse(readFileSync(`${file}.expected.json`, "utf8")) as ExpectedExport;
}

export interface TestServer {
  app: ServeApp;
  dir: string;
  db: string;
  close(): Promise<void>;
}

/** A server over a new database in a temp folder; `preload` files are imported first, as `piao import` would. */
export async function startTestServer(settings: Partial<ServeSettingsInput> = {}, preload: string[] = []): Promise<TestServer> {
  const dir = mkdtempSync(path.join(tmpdir(), "piao-serve-test-"));
  const db = path.join(dir, "test.sqlite");
  if (preload.length) {
    const conn = openDatabase(db);
    try {
      const r = await importFiles(preload, { db: conn, jobs: 1 });
      if (r.failed) throw new Error(`preload failed: ${JSON.stringify(r.outcomes)}`);
    } finally {
      conn.close();
    }
  }
  const app = await startServer({ db, port: 0, jobs: 1, ...settings }, () => {});
  return {
    app,
    dir,
    db,
    close: async () => {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A plan (S3: one objective table) whose unit, titles, indicator and target are
 * HTML and script. The HTML reader drops tags and decodes entities once, so the
 * hostile text is escaped twice here to reach the plan as written below.
 */
export const HOSTILE = {
  unit: `Settore <script>window.__pwned=1;alert(1)</script>`,
  title: `Ridurre i tempi <img src=x onerror="window.__pwned=2"> di pagamento`,
  indicator: `Indice <a href="javascript:window.__pwned=3">clic</a>`,
  target: `<div style="background:url(http://evil.example/x.png)">30 giorni</div>`,
  title2: `Digitalizzare javascript:alert(5) gli archivi <svg onload="window.__pwned=6">`,
  fileName: `"><img src=x onerror="window.__pwned=7">piano.html`,
};

export function hostilePlanHtml(): string {
  const twice = (s: string) => s.replace(/&/g, "&amp;amp;").replace(/</g, "&amp;lt;").replace(/>/g, "&amp;gt;").replace(/"/g, "&amp;quot;");
  return `<!doctype html><html><head><meta charset="utf-8"><title>Piano</title></head><body>
<h1>COMUNE DI ROCCAOSTILE</h1><h2>Piano della performance 2026</h2>
<table border="1">
<tr><th>Struttura responsabile</th><th>Obiettivo operativo</th><th>Indicatore</th><th>Target</th><th>Peso</th></tr>
<tr><td>${twice(HOSTILE.unit)}</td><td>${twice(HOSTILE.title)}</td><td>${twice(HOSTILE.indicator)}</td><td>${twice(HOSTILE.target)}</td><td>60</td></tr>
<tr><td>${twice(HOSTILE.unit)}</td><td>${twice(HOSTILE.title2)}</td><td>Pratiche digitalizzate</td><td>100%</td><td>30</td></tr>
</table></body></html>`;
}

/** RFC 4180 parsing, written here apart from src/serve/csv.ts: a leading BOM, quoted fields, CRLF. */
export function parseCsv(text: string): string[][] {
  const s = text.replace(/^\uFEFF/, "");
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r" && s[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += c;
  }
  if (field !== "" || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
