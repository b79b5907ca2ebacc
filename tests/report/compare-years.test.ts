import { describe, expect, it } from "vitest";
import { compareYears } from "../../src/report/compare-years.js";
import { reportSettings } from "../../src/report/report-settings.js";
import { titleSimilarity } from "../../src/normalize/title-likeness.js";
import { ind, objective, plan, unit, yearPair } from "./constructed-plans.js";

const settings = reportSettings();

describe("titleSimilarity", () => {
  it("ignores case, accents and punctuation", () => {
    expect(titleSimilarity("RIDUZIONE MOROSITA' ASSEGNATARI", "Riduzione morosità assegnatari")).toBe(1);
  });
  it("ranks a reworded title above an unrelated one", () => {
    const s1 = titleSimilarity("Digitalizzazione dell'archivio storico", "Digitalizzazione dell'archivio storico comunale");
    const s2 = titleSimilarity("Digitalizzazione dell'archivio storico", "Sportello unico per le imprese");
    expect(s1).toBeGreaterThan(settings.titleMatchSimilarity);
    expect(s2).toBeLessThan(settings.retitleMinSimilarity);
  });
  it("does not take one shared word for the same objective", () => {
    expect(titleSimilarity("Manutenzione strade", "Manutenzione del verde")).toBeLessThan(settings.titleMatchSimilarity);
  });
  it("gives 0 for empty titles", () => {
    expect(titleSimilarity("", "")).toBe(0);
    expect(titleSimilarity("—", "abc")).toBe(0);
  });
});

describe("compareYears", () => {
  const { previous, current } = yearPair();
  const changes = compareYears(current, previous, settings, 7);

  it("names the previous plan", () => {
    expect(changes.previous).toEqual({ planId: 7, organization: "Comune di Prova", year: 2023, sourcePath: "prova-2023.pdf" });
  });

  it("pairs units by name, then a renamed unit by its manager", () => {
    expect(changes.units.map((u) => [u.unit, u.previousUnit, u.status])).toEqual([
      ["Area amministrativa", "Area amministrativa", "matched"],
      ["Servizi tecnici e manutentivi", "Ufficio tecnico", "matched"],
      ["Polizia locale", null, "added"],
      [null, "Servizi culturali", "dropped"],
    ]);
  });

  it("reports added, dropped, reweighted, renumbered, retitled objectives and indicator changes", () => {
    const area = changes.units[0]!;
    expect(area.unchanged).toBe(1); // FORMAZIONE DEL PERSONALE: only case differs
    expect(area.changes).toEqual([
      {
        status: "changed",
        number: 1,
        previousNumber: 1,
        title: "Regolamento sul lavoro agile",
        previousTitle: "Regolamento sul lavoro agile",
        weight: 25,
        previousWeight: 30,
        similarity: 1,
        renumbered: false,
        retitled: false,
        reweighted: true,
        indicatorsAdded: ["Dipendenti coinvolti ≥ 80%"],
        indicatorsRemoved: [],
      },
      {
        status: "added",
        number: 2,
        previousNumber: null,
        title: "Tempi di pagamento delle fatture commerciali",
        previousTitle: null,
        weight: 30,
        previousWeight: null,
        similarity: null,
        renumbered: false,
        retitled: false,
        reweighted: false,
        indicatorsAdded: [],
        indicatorsRemoved: [],
      },
      expect.objectContaining({
        status: "changed",
        number: 3,
        previousNumber: 2,
        renumbered: true,
        retitled: true,
        reweighted: true,
        previousTitle: "Digitalizzazione dell'archivio storico",
        indicatorsAdded: ["1.000 fascicoli scansionati"],
        indicatorsRemoved: ["500 fascicoli scansionati"],
      }),
      expect.objectContaining({ status: "dropped", number: null, previousNumber: 3, previousTitle: "Sportello unico per le imprese", previousWeight: 20 }),
    ]);
  });

  it("takes an objective with the same number and the same indicators as retitled", () => {
    const tech = changes.units[1]!;
    expect(tech.changes.map((c) => [c.status, c.number, c.previousNumber, c.retitled, c.reweighted])).toEqual([
      ["changed", 1, 1, false, true],
      ["changed", 2, 2, true, false],
      ["added", 3, null, false, false],
    ]);
    expect(tech.changes[1]).toMatchObject({ title: "Verde pubblico", previousTitle: "Cura dei parchi" });
  });

  it("lists a new unit's objectives as added and a dropped unit's as dropped", () => {
    expect(changes.units[2]!.changes.map((c) => c.status)).toEqual(["added"]);
    expect(changes.units[3]!.changes.map((c) => [c.status, c.previousTitle])).toEqual([["dropped", "Stagione teatrale"]]);
  });

  it("counts the changes", () => {
    expect(changes.counts).toEqual({ added: 3, dropped: 2, reweighted: 3, retitled: 2, renumbered: 1, indicatorsChanged: 3, unchanged: 1 });
  });

  it("does not call a different objective under a freed number a retitling", () => {
    const before = plan("B", 2023, [unit("U", "M", [objective({ number: 3, title: "Progetto giovani", weight: 15, indicators: ["Incontri: 4"] })])], []);
    const after = plan(
      "B",
      2024,
      [unit("U", "M", [objective({ number: 3, title: "Nuovo sito web istituzionale", weight: 15, indicators: ["Sito online entro giugno"] })])],
      [],
    );
    const u = compareYears(after, before, settings).units[0]!;
    expect(u.changes.map((c) => c.status)).toEqual(["added", "dropped"]);
  });

  it("prefers title likeness over numbers when objectives are renumbered", () => {
    const t = ["Bilancio partecipato", "Riscossione coattiva dei tributi", "Piano del verde"];
    const before = plan(
      "B",
      2023,
      [
        unit(
          "U",
          "M",
          t.map((title, i) => objective({ number: i + 1, title, weight: 10 })),
        ),
      ],
      [],
    );
    const after = plan(
      "B",
      2024,
      [
        unit(
          "U",
          "M",
          [t[1]!, t[2]!].map((title, i) => objective({ number: i + 1, title, weight: 10 })),
        ),
      ],
      [],
    );
    const u = compareYears(after, before, settings).units[0]!;
    expect(u.changes.map((c) => [c.status, c.number, c.previousNumber, c.renumbered, c.retitled])).toEqual([
      ["changed", 1, 2, true, false],
      ["changed", 2, 3, true, false],
      ["dropped", null, 1, false, false],
    ]);
  });

  it("finds nothing to report between a plan and itself", () => {
    const same = compareYears(current, structuredClone(current), settings);
    expect(same.units.every((u) => u.changes.length === 0)).toBe(true);
    expect(same.counts.unchanged).toBe(8);
  });
});

describe("compareYears with indicators split into text and target (export version 2)", () => {
  const pair = (before: Parameters<typeof objective>[0]["indicators"], after: Parameters<typeof objective>[0]["indicators"]) =>
    compareYears(
      plan("Comune di Prova", 2025, [unit("U", "M", [objective({ number: 1, title: "Tempi di pagamento", weight: 100, indicators: after })])], [], 2),
      plan("Comune di Prova", 2024, [unit("U", "M", [objective({ number: 1, title: "Tempi di pagamento", weight: 100, indicators: before })])], [], 1),
      settings,
    ).units[0]!;

  it("shows a changed target as the indicator removed and added, each with its target", () => {
    const u = pair(
      [ind("Tempo medio di pagamento", { target: "≤ 45 giorni" })],
      [ind("Tempo medio di pagamento", { baseline: "2024: 41 giorni", target: "≤ 30 giorni" })],
    );
    expect(u.changes[0]).toMatchObject({
      status: "changed",
      indicatorsAdded: ["Tempo medio di pagamento — baseline: 2024: 41 giorni — target: ≤ 30 giorni"],
      indicatorsRemoved: ["Tempo medio di pagamento — target: ≤ 45 giorni"],
    });
  });

  it("reads a version-1 indicator that kept its target in its text as the same as its split version-2 form", () => {
    const u = pair(["Tempo medio di pagamento ≤ 30 giorni"], [ind("Tempo medio di pagamento", { target: "≤ 30 giorni" })]);
    expect(u.changes).toEqual([]);
    expect(u.unchanged).toBe(1);
  });
});
