/**
 * `piao serve` driven by a real browser (Debian's Chromium through playwright-core,
 * launched once for the file, one fresh context): upload a fixture PDF (chosen) and see
 * its findings; upload a broken file (dropped) and see the reason the CLI gives; search
 * finds an objective; a CSV downloads with the plan's rows; a plan of hostile text
 * uploaded under a hostile file name stays text on every page; the row filter and the
 * filter form work. Screenshots go to test-artifacts/.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../report/chromium.js";
import { artifactsDir, expectedExport, fixture, HOSTILE, hostilePlanHtml, parseCsv, repoRoot, startTestServer, type TestServer } from "./serve-fixtures.js";

const PDF = fixture("borgoverde-2024", "borgoverde-2024.pdf");
const BAD = fixture("bad", "not-a-plan.pdf");

let s: TestServer;
let browser: Browser;
let context: BrowserContext;
let page: Page;
/** What the page did that it must not: dialogs, requests elsewhere, errors. */
const incidents: string[] = [];

beforeAll(async () => {
  s = await startTestServer();
  browser = await launchChromium();
  context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
  page.on("dialog", (d) => {
    incidents.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  page.on("request", (r) => {
    if (!r.url().startsWith(s.app.url) && !r.url().startsWith("data:") && r.url() !== "about:blank") incidents.push(`request: ${r.url()}`);
  });
  page.on("pageerror", (e) => incidents.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") incidents.push(`console: ${m.text()}`);
  });
  mkdirSync(artifactsDir, { recursive: true });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await s?.close();
});

async function uploadAndWait(file: Parameters<Page["setInputFiles"]>[1]): Promise<number> {
  await page.goto(`${s.app.url}/`);
  await Promise.all([page.waitForURL(/\/piani\/\d+\/rapporto$/, { timeout: 60_000 }), page.setInputFiles("#file", file)]);
  return Number(/\/piani\/(\d+)\/rapporto$/.exec(page.url())![1]);
}

/** Elements or attributes that would run or fetch something, counted in the live DOM. */
function activeContent(p: Page) {
  return p.evaluate(() => {
    const all = [...document.querySelectorAll("*")];
    return {
      pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
      inlineScripts: [...document.scripts].filter((x) => !x.src).length,
      images: document.images.length,
      eventAttributes: all.filter((e) => [...e.attributes].some((a) => a.name.toLowerCase().startsWith("on"))).length,
      styleAttributes: all.filter((e) => e.hasAttribute("style")).length,
      javascriptLinks: [...document.querySelectorAll("a")].filter((a) => a.href.toLowerCase().startsWith("javascript:")).length,
      // biome-ignore lint/performance/useDomNodeTextContent: the text as rendered, what a reader sees (textContent would count hidden elements too)
      text: document.body.innerText,
    };
  });
}

describe("piao serve in Chromium", () => {
  let planId = 0;

  it("uploads a fixture PDF and shows its report with every finding", async () => {
    const expected = expectedExport(PDF);
    planId = await uploadAndWait(PDF);
    // biome-ignore lint/performance/useDomNodeTextContent: the text as rendered, what a reader sees
    const text = await page.evaluate(() => document.body.innerText);
    expect(text).toContain(expected.organization);
    for (const a of expected.anomalies) expect(text).toContain(a.code);
    await page.screenshot({ path: path.join(artifactsDir, "serve-report.png"), fullPage: false });

    // The plan's page: one row per finding, each page number a link into the source PDF.
    await page.goto(`${s.app.url}/piani/${planId}`);
    const rows = await page.$$eval("#list-rilievi tbody tr", (trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent ?? "")));
    expect(rows.map((r) => r[1]).sort()).toEqual(expected.anomalies.map((a) => a.code).sort());
    const links = await page.$$eval("#list-rilievi a.page", (as) => as.map((a) => a.getAttribute("href")));
    const paged = expected.anomalies.filter((a) => a.page !== null).map((a) => `/piani/${planId}/fonte#page=${a.page}`);
    expect(links.sort()).toEqual(paged.sort());
    await page.screenshot({ path: path.join(artifactsDir, "serve-plan.png"), fullPage: false });
    const src = await page.request.get(`${s.app.url}/piani/${planId}/fonte`);
    expect(src.headers()["content-type"]).toBe("application/pdf");
    expect(Buffer.from(await src.body()).equals(readFileSync(PDF))).toBe(true);
  });

  it("downloads the objectives as CSV with the plan's rows", async () => {
    const expected = expectedExport(PDF);
    const [download] = await Promise.all([page.waitForEvent("download"), page.click(`a[href="/piani/${planId}/obiettivi.csv"]`)]);
    expect(download.suggestedFilename()).toBe(`piano-${planId}-obiettivi.csv`);
    const rows = parseCsv(readFileSync(await download.path(), "utf8"));
    expect(rows[0]!.slice(0, 3)).toEqual(["Unità", "N.", "Obiettivo"]);
    const want = expected.units.flatMap((u) =>
      u.objectives.map((o) => [
        u.name,
        String(o.number),
        o.title,
        o.summary?.weight == null ? "" : String(o.summary.weight),
        o.detail?.weight == null ? "" : String(o.detail.weight),
      ]),
    );
    expect(rows.slice(1).map((r) => [r[0], r[1], r[2], r[4], r[5]])).toEqual(want);
  });

  it("shows the one-line reason for a broken file and stores nothing", async () => {
    // The CLI's line for the same file, with the file named as the browser names it.
    const cli = spawnSync(process.execPath, [path.join(repoRoot, "bin/piao"), "extract", BAD], { encoding: "utf8" });
    const want = cli.stderr.trim().replace(BAD, path.basename(BAD));
    expect(want).toMatch(/^piao: not-a-plan\.pdf: \S/);
    await page.goto(`${s.app.url}/`);
    // Dropped on the zone this time (the PDF above was chosen with the file input).
    const bytes = readFileSync(BAD).toString("base64");
    const dataTransfer = await page.evaluateHandle(
      ([b64, name]) => {
        const dt = new DataTransfer();
        dt.items.add(new File([Uint8Array.from(atob(b64!), (c) => c.charCodeAt(0))], name!, { type: "application/pdf" }));
        return dt;
      },
      [bytes, path.basename(BAD)],
    );
    await page.dispatchEvent("#dropzone", "drop", { dataTransfer });
    await page.waitForSelector("#upload-status.error-line", { timeout: 60_000 });
    expect(await page.textContent("#upload-status")).toBe(want);
    expect(await page.$$eval("#plans tbody tr", (trs) => trs.length)).toBe(1);
  });

  it("finds objectives across plans by words of their title or description", async () => {
    await page.goto(`${s.app.url}/cerca`);
    await page.fill("input[name=q]", "tempi di pagamento");
    await Promise.all([page.waitForURL(/\/cerca\?q=/), page.press("input[name=q]", "Enter")]);
    const titles = await page.$$eval("#search-objectives tbody tr", (trs) => trs.map((tr) => tr.querySelectorAll("td")[4]?.textContent));
    expect(titles).toContain("Tempi di pagamento delle fatture commerciali");
    await page.screenshot({ path: path.join(artifactsDir, "serve-search.png"), fullPage: false });
  });

  it("shows hostile plan text and a hostile file name as text on every page", async () => {
    // The refused upload before logged its 422 on the console: only what happens from here counts.
    incidents.length = 0;
    const id = await uploadAndWait({ name: HOSTILE.fileName, mimeType: "text/html", buffer: Buffer.from(hostilePlanHtml()) });
    const pages = [`/piani/${id}/rapporto`, `/piani/${id}`, `/`, `/cerca?q=digitalizzare`];
    for (const p of pages) {
      if (p !== pages[0]) await page.goto(`${s.app.url}${p}`);
      const a = await activeContent(page);
      expect({
        page: p,
        pwned: a.pwned,
        inlineScripts: a.inlineScripts,
        images: a.images,
        events: a.eventAttributes,
        styles: a.styleAttributes,
        js: a.javascriptLinks,
      }).toEqual({
        page: p,
        pwned: null,
        inlineScripts: 0,
        images: 0,
        events: 0,
        styles: 0,
        js: 0,
      });
      if (p === "/") {
        expect(a.text).toContain(HOSTILE.fileName);
        // The script's filters: typing hides the rows without the words; choosing a body submits the form.
        const visible = () =>
          page.$$eval("#plans tbody tr", (trs) => (trs as HTMLElement[]).filter((tr) => !tr.hidden).map((tr) => tr.querySelector("td")?.textContent));
        expect(await visible()).toHaveLength(2);
        await page.fill("input[data-table=plans]", "borgoverde");
        expect(await visible()).toEqual(["Comune di Borgoverde"]);
        await Promise.all([page.waitForURL(/ente=Comune\+di\+Roccaostile/), page.selectOption("select[name=ente]", "Comune di Roccaostile")]);
        expect(await visible()).toEqual(["Comune di Roccaostile"]);
      } else if (p.startsWith("/cerca")) expect(a.text).toContain(HOSTILE.title2);
      else {
        expect(a.text).toContain(HOSTILE.unit);
        expect(a.text).toContain(HOSTILE.title);
      }
      if (p === `/piani/${id}`) {
        expect(a.text).toContain(HOSTILE.indicator);
        expect(a.text).toContain(HOSTILE.target);
        expect(a.text).toContain(HOSTILE.fileName);
        await page.screenshot({ path: path.join(artifactsDir, "serve-hostile.png"), fullPage: true });
      }
    }
    expect(incidents).toEqual([]);
  });
});
