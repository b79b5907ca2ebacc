/**
 * `piao extract --explain`: every block with its class, the evidence for it and
 * what it became, then the units and objectives found; for a document refused
 * as having no objective, the blocks and the refusal line (exit 2).
 */
import { describe, expect, it } from "vitest";
import { runPiao } from "../run-piao.js";

describe("piao extract --explain", () => {
  it("shows how a boxed-sheet plan (S2) was read", async () => {
    const r = await runPiao(["extract", "--explain", "fixtures/roccabella-2026/roccabella-2026.docx"]);
    expect(r.code).toBe(0);
    // A numbered unit heading over a responsible line without a colon.
    expect(r.stdout).toMatch(/unit-heading\s+line: 1 - SERVIZI FINANZIARI \[a numbered heading naming a unit\]\n\s+→ unit heading: 1 Servizi finanziari/);
    expect(r.stdout).toMatch(/responsible\s+line: RESPONSABILE Dott\. Mario Rossi[^\n]*\n\s+→ responsible of the unit: Mario Rossi/);
    // A box: its heading and text rows are sheet fields, then its phases table with deadlines.
    expect(r.stdout).toContain("→ objective sheet content: sheet fields, phases with their timing");
    expect(r.stdout).toContain("# plan: Comune di Roccabella, pdo, 2026-2026");
    expect(r.stdout).toMatch(/^unit 1 'Servizi finanziari' \(Mario Rossi\): \d+ objectives$/m);
    // Not the JSON export.
    expect(r.stdout).not.toContain('"schemaVersion"');
  });

  it("shows the objective table of a PIAO (S3) with the evidence of its columns", async () => {
    const r = await runPiao(["extract", "--explain", "fixtures/valdisole-2026/valdisole-2026.html"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/objective-table table t\d+ \([^)]*\) \[header row 0 has columns: title, [^\]]*unit[^\]]*\]/);
    expect(r.stdout).toContain("(units from its responsible-structure column)");
  });

  it("explains a refusal: the blocks, 'no objective found', one line on stderr, exit 2", async () => {
    const r = await runPiao(["extract", "--explain", "fixtures/bad/deliberation.docx"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain("# no objective found");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/^piao: fixtures\/bad\/deliberation\.docx: contains no performance plan: no objective found \(looked for /);
  });
});
