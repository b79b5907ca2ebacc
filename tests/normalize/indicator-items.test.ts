/**
 * Pairing of indicator, target, formula and baseline items (docs/families.md,
 * "indicators"): n indicator items and m target items (likewise formulas and
 * baselines) — n = m pairs item by item; n ≥ 1 and m ≠ n keeps every
 * indicator's text and puts all targets, joined by "; ", on the last one;
 * n = 0 and m ≥ 1 gives one indicator per target with text "".
 */
import { describe, expect, it } from "vitest";
import { indicatorItems, indicatorTexts } from "../../src/normalize/indicator-items.js";
import { normalizePlan } from "../../src/normalize/normalize-plan.js";
import { doc, line, table } from "./layout-builder.js";

const ind = (text: string, parts: { target?: string; formula?: string; baseline?: string } = {}) => ({
  text,
  formula: parts.formula ?? null,
  baseline: parts.baseline ?? null,
  target: parts.target ?? null,
});

describe("indicatorItems", () => {
  it("pairs equal counts item by item", () => {
    expect(indicatorItems({ text: "Pratiche evase\nTempo medio di risposta", target: "≥ 95%\n≤ 30 giorni" }, true)).toEqual([
      ind("Pratiche evase", { target: "≥ 95%" }),
      ind("Tempo medio di risposta", { target: "≤ 30 giorni" }),
    ]);
    expect(indicatorItems({ text: "- Km asfaltati\n- Punti luce sostituiti", target: "- 12\n- 300" }, true)).toEqual([
      ind("Km asfaltati", { target: "12" }),
      ind("Punti luce sostituiti", { target: "300" }),
    ]);
  });

  it("pairs one indicator with one target, whatever the wording", () => {
    expect(indicatorItems({ text: "Grado di soddisfazione degli utenti", target: "Almeno 4 su 5" }, true)).toEqual([
      ind("Grado di soddisfazione degli utenti", { target: "Almeno 4 su 5" }),
    ]);
  });

  it("puts one target shared by several indicators on the last indicator", () => {
    expect(indicatorItems({ text: "Regolamento redatto\nRegolamento approvato dal Consiglio", target: "Entro il 30/06/2026" }, true)).toEqual([
      ind("Regolamento redatto"),
      ind("Regolamento approvato dal Consiglio", { target: "Entro il 30/06/2026" }),
    ]);
    expect(indicatorItems({ text: "• Verifiche svolte\n• Verbali redatti\n• Relazione finale", target: "100%\n31/12" }, true)).toEqual([
      ind("Verifiche svolte"),
      ind("Verbali redatti"),
      ind("Relazione finale", { target: "100%; 31/12" }),
    ]);
  });

  it("puts several targets of one indicator, joined, on it", () => {
    expect(indicatorItems({ text: "Tempo medio di pagamento delle fatture", target: "≤ 30 giorni\nIndice di ritardo ≤ 0" }, true)).toEqual([
      ind("Tempo medio di pagamento delle fatture", { target: "≤ 30 giorni; Indice di ritardo ≤ 0" }),
    ]);
  });

  it("gives one indicator with text '' per target when the plan gives no indicator wording", () => {
    expect(indicatorItems({ text: "", target: "≤ 90 giorni" }, true)).toEqual([ind("", { target: "≤ 90 giorni" })]);
    expect(indicatorItems({ text: "  ", target: "80% dei dipendenti formati\nAlmeno 2 corsi" }, true)).toEqual([
      ind("", { target: "80% dei dipendenti formati" }),
      ind("", { target: "Almeno 2 corsi" }),
    ]);
  });

  it("pairs formulas and baselines by the same rule, each list on its own", () => {
    expect(
      indicatorItems(
        {
          text: "Incassi tramite PagoPA\nPratiche SUAP online",
          formula: "Incassi PagoPA / incassi totali\nPratiche online / pratiche totali",
          baseline: "40% (2024)",
          target: "≥ 70%\n100%",
        },
        true,
      ),
    ).toEqual([
      ind("Incassi tramite PagoPA", { formula: "Incassi PagoPA / incassi totali", target: "≥ 70%" }),
      ind("Pratiche SUAP online", { formula: "Pratiche online / pratiche totali", baseline: "40% (2024)", target: "100%" }),
    ]);
    expect(indicatorItems({ text: "", baseline: "120\n15", target: "150\n10" }, true)).toEqual([
      ind("", { baseline: "120", target: "150" }),
      ind("", { baseline: "15", target: "10" }),
    ]);
  });

  it("keeps a cell's one text whole, its target inside it", () => {
    expect(indicatorItems({ text: "Tempo medio ≤ 30 giorni" }, true)).toEqual([ind("Tempo medio ≤ 30 giorni")]);
  });

  it("gives nothing when nothing is written", () => {
    expect(indicatorItems({ text: "" }, true)).toEqual([]);
    expect(indicatorItems({ text: "-", target: "" }, true)).toEqual([]);
  });

  it("compares wording only: the empty texts of bare targets are left out", () => {
    expect(indicatorTexts([ind("", { target: "100%" }), ind("Utenti serviti")])).toEqual(["Utenti serviti"]);
  });
});

describe("indicators in the export", () => {
  it("pairs an objective table's Indicatore and Target columns", () => {
    const plan = normalizePlan(
      doc([
        line("SINTESI OBIETTIVI"),
        line("SERVIZI DEMOGRAFICI"),
        line("RESPONSABILE Dott.ssa Anna Verdi"),
        table([
          ["N.", "Peso", "Obiettivo", "Indicatore", "Target"],
          ["1", "60", "Anagrafe digitale", "Certificati online\nPratiche AIRE digitalizzate", "80%\n100%"],
          ["2", "40", "Elezioni", "Tessere consegnate\nSeggi allestiti", "Entro il 31/03"],
        ]),
      ]),
      { file: "test.html" },
    );
    expect(plan.units[0]!.objectives.map((o) => o.summary!.indicators)).toEqual([
      [ind("Certificati online", { target: "80%" }), ind("Pratiche AIRE digitalizzate", { target: "100%" })],
      [ind("Tessere consegnate"), ind("Seggi allestiti", { target: "Entro il 31/03" })],
    ]);
  });

  // docs/families.md (as of 4ff8338): "Risultato atteso: …" as a sheet line is the description, in words;
  // as a column or a label cell of a key–value sheet it is a target.
  it("reads a sheet's 'Risultato atteso:' line as the description, not an indicator", () => {
    const plan = normalizePlan(
      doc([
        line("Scheda obiettivo 2026"),
        line("Settore: Affari generali"),
        line("Responsabile: Dott. Ugo Neri"),
        line("Peso dell'obiettivo: 30%"),
        line("Obiettivo operativo 1: Revisione del regolamento degli uffici"),
        line("Risultato atteso: Regolamento approvato entro il 30/06/2026"),
        line("Indicatori di risultato: Regolamento approvato"),
      ]),
      { file: "test.html" },
    );
    const d = plan.units[0]!.objectives[0]!.detail!;
    expect(d.description).toBe("Regolamento approvato entro il 30/06/2026");
    expect(d.indicators).toEqual([ind("Regolamento approvato")]);
  });

  it("reads a key-value sheet's 'Risultato atteso' label cell as a target with no indicator wording", () => {
    const plan = normalizePlan(
      doc([
        line("Scheda obiettivo 2026"),
        table([
          ["Settore", "Affari generali"],
          ["Obiettivo n.", "1"],
          ["Titolo", "Revisione del regolamento degli uffici"],
          ["Peso", "30"],
          ["Risultato atteso", "Regolamento approvato entro il 30/06/2026"],
        ]),
      ]),
      { file: "test.html" },
    );
    expect(plan.units[0]!.objectives[0]!.detail!.indicators).toEqual([ind("", { target: "Regolamento approvato entro il 30/06/2026" })]);
  });

  it("reads 'Descrizione dei risultati attesi' as the description, not a target", () => {
    const plan = normalizePlan(
      doc([
        line("Scheda obiettivo 2026"),
        line("Settore: Affari generali"),
        line("Peso dell'obiettivo: 30%"),
        line("Obiettivo operativo 1: Revisione del regolamento degli uffici"),
        line("Descrizione dei risultati attesi: Un regolamento aggiornato alle nuove norme."),
        line("Indicatori di risultato: Regolamento approvato"),
      ]),
      { file: "test.html" },
    );
    const d = plan.units[0]!.objectives[0]!.detail!;
    expect(d.description).toBe("Un regolamento aggiornato alle nuove norme.");
    expect(d.indicators).toEqual([ind("Regolamento approvato")]);
  });

  it("reads a key-value sheet's Indicatore, Formula, Baseline and Target lines into one indicator", () => {
    const plan = normalizePlan(
      doc([
        line("Scheda obiettivo 2026"),
        line("Settore: Servizi finanziari"),
        line("Peso: 25%"),
        line("Obiettivo operativo 2: Pagamenti digitali"),
        line("Indicatore: Quota di incassi tramite PagoPA"),
        line("Formula: incassi PagoPA / incassi totali"),
        line("Baseline (2024): 40%"),
        line("Target 2026: ≥ 70%"),
      ]),
      { file: "test.html" },
    );
    expect(plan.units[0]!.objectives[0]!.detail!.indicators).toEqual([
      ind("Quota di incassi tramite PagoPA", { formula: "incassi PagoPA / incassi totali", baseline: "40%", target: "≥ 70%" }),
    ]);
  });
});
