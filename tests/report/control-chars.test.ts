/**
 * Issue 13: plan text holding terminal escape sequences (ESC ] 0 ; … BEL sets
 * the terminal's title, ESC [ 2 J clears the screen), C1 and DEL characters
 * never reaches the terminal through the text report, nor the HTML report;
 * the JSON keeps the values and escapes them. Through the renderers and
 * through `piao check` end to end.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { buildReport } from "../../src/report/build-report.js";
import { inertText } from "../../src/report/inert-text.js";
import { Report } from "../../src/report/report-model.js";
import { reportSettings } from "../../src/report/report-settings.js";
import { renderHtml } from "../../src/report/render-html.js";
import { renderJson } from "../../src/report/render-json.js";
import { renderText } from "../../src/report/render-text.js";
import type { PlanExport } from "../../src/normalize/plan-schema.js";
import { runPiao } from "../run-piao.js";
import { anomaly, ind, objective, phase, plan, unit } from "./constructed-plans.js";
import { repoRoot } from "./helpers.js";

const TITLE = "\x1b]0;title\x07";
const CLEAR = "\x1b[2J";
const HOSTILE = `${TITLE}Bilancio${CLEAR} \u009b31mrosso\x7f\x00fine`;
/** Any control character but tab and newline: C0, DEL, C1. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

function hostilePlan(): PlanExport {
  const o = objective({
    number: 1,
    title: `Obiettivo ${HOSTILE}`,
    weight: 100,
    indicators: [ind(`Indicatore ${CLEAR}`, { target: `${TITLE}100%` })],
    sheet: { phases: [phase(1, `Fase ${HOSTILE}`, ["2024-03"])], manager: `Resp ${CLEAR}` },
  });
  const p = plan(
    `Comune di ${TITLE}Prova`,
    2024,
    [unit(`Area ${HOSTILE}`, `Rossi ${CLEAR}`, [o])],
    [anomaly("NO_INDICATORS", "warning", `Area ${HOSTILE}`, 1, `Area ${HOSTILE}, obiettivo 1: messaggio ${CLEAR}`, 2)],
  );
  return { ...p, source: { ...p.source, path: `piano${TITLE}.pdf` } };
}

const report = () => buildReport([{ plan: hostilePlan() }], reportSettings());
const ourSgr = /\x1b\[[0-9;]*m/g;

describe("control characters from plan text", () => {
  it("are replaced by visible stand-ins", async () => {
    expect(inertText(`a${TITLE}b${CLEAR}c\td\ne\u009b\x7f`)).toBe("a␛]0;title␇b␛[2Jc\td\ne\ufffd␡");
  });

  it("never reach the terminal through the text report, with or without colour", async () => {
    const text = renderText(report());
    expect(text).not.toMatch(CONTROL);
    expect(text).toContain("␛]0;title␇");
    expect(text).toContain("Bilancio␛[2J");
    const coloured = renderText(report(), { color: true });
    // Only the report's own colour codes carry an ESC.
    expect(coloured.replace(ourSgr, "")).not.toMatch(CONTROL);
    expect(coloured.replace(ourSgr, "")).toBe(text);
  });

  it("are not carried by the HTML report", async () => {
    const html = renderHtml(report(), { sourceHref: () => `docs/piano${TITLE}.pdf` });
    expect(html).not.toMatch(CONTROL);
    expect(html).toContain("Area ␛]0;title␇Bilancio␛[2J");
  });

  it("are escaped in the JSON, whose values read back unchanged", async () => {
    const json = renderJson(report());
    expect(json).not.toMatch(CONTROL);
    const back = Report.parse(JSON.parse(json));
    expect(back.plans[0]!.units[0]!.name).toBe(`Area ${HOSTILE}`);
  });

  describe("through piao check", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "piao-hostile-"));
    afterAll(async () => rmSync(dir, { recursive: true, force: true }));
    const file = path.join(dir, "hostile.json");
    writeFileSync(file, JSON.stringify(hostilePlan()));

    it.each([["text"], ["html"], ["json"]])("--format %s writes no control character", async (format) => {
      const r = await runPiao(["check", file, "--format", format], { cwd: repoRoot });
      expect(r.code).toBe(0);
      expect(r.stdout).not.toMatch(CONTROL);
      expect(r.stdout.length).toBeGreaterThan(500);
    });
  });
});
