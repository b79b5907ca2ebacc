import { describe, expect, it } from "vitest";
import { NO_OBJECTIVES, normalizePlan } from "../../src/normalize/normalize-plan.js";
import { DocumentError } from "../../src/shared/errors.js";
import { doc, line, pagedDoc, sheet, summary, table } from "./layout-builder.js";

const file = "test.html";
/** An indicator as schemaVersion 2 exports it: the wording, and its parts where the plan gives them. */
const ind = (text: string, target: string | null = null) => ({ text, formula: null, baseline: null, target });
const codes = (p: ReturnType<typeof normalizePlan>) => p.anomalies.map((a) => `${a.code}:${a.unit ?? "-"}:${a.objective ?? "-"}`);

describe("normalizePlan", () => {
  it("pairs sheets with summary rows and reads organisation and year", () => {
    const plan = normalizePlan(
      doc([
        line("COMUNE DI BORGO FELICE"),
        line("PIANO DELLA PERFORMANCE 2025"),
        ...summary(
          "AREA TECNICA",
          "ING. PAOLO ROSSI",
          [
            ["1", "60%", "Manutenzione strade", "- Km asfaltati - Interventi"],
            ["2", "40%", "Illuminazione pubblica", "Punti luce sostituiti"],
          ],
          "100",
        ),
        ...sheet({
          area: "Area tecnica",
          manager: "Rossi Paolo",
          weight: "60/100",
          number: "1",
          title: "Manutenzione delle strade",
          indicators: "Km asfaltati",
          phases: [["Gara", [1, 2]]],
        }),
        ...sheet({
          area: "Area tecnica",
          manager: "Rossi Paolo",
          weight: "40/100",
          number: "2",
          title: "Illuminazione pubblica",
          indicators: "Punti luce",
          phases: [["Lavori", [6]]],
        }),
      ]),
      { file },
    );
    expect(plan.organization).toBe("Comune di Borgo Felice");
    expect(plan.year).toBe(2025);
    expect(plan.units).toHaveLength(1);
    const u = plan.units[0]!;
    expect(u).toMatchObject({ name: "Area tecnica", manager: "Paolo Rossi", declaredTotal: 100 });
    expect(u.objectives.map((o) => [o.number, o.summary?.weight, o.detail?.weight, o.detail?.phases[0]?.months])).toEqual([
      [1, 60, 60, ["2025-01", "2025-02"]],
      [2, 40, 40, ["2025-06"]],
    ]);
    expect(u.objectives[0]!.summary!.indicators).toEqual([ind("Km asfaltati"), ind("Interventi")]);
    expect(plan.anomalies).toEqual([]);
  });

  it("reports every pairing anomaly in unit, objective order", () => {
    const plan = normalizePlan(
      doc([
        ...summary("SERVIZI SOCIALI", "ANNA BIANCHI", [
          ["1", "50", "Assistenza domiciliare anziani", "Utenti seguiti"],
          ["2", "30", "Contributi affitto famiglie", "Domande istruite"],
          ["2", "10", "Centri estivi ragazzi", "Iscritti"],
          ["3", "5", "Tempi di pagamento delle fatture commerciali", "Indice di ritardo ≤ 0"],
        ]),
        ...sheet({
          area: "Servizi sociali",
          manager: "Bianchi Anna",
          weight: "40",
          number: "1",
          title: "Assistenza domiciliare agli anziani",
          indicators: "Utenti",
          phases: [["Fase senza mesi", []]],
        }),
        ...sheet({ area: "Ragioneria", manager: "Carlo Verdi", weight: "30", number: "2", title: "Contributi affitto alle famiglie", indicators: "Domande" }),
        ...sheet({ area: "Servizi sociali", manager: "Anna Bianchi", weight: "10", number: "9", title: "Sportello badanti comunale", indicators: "" }),
      ]),
      { file },
    );
    expect(codes(plan)).toEqual([
      "WEIGHT_MISMATCH:Servizi sociali:1",
      "PHASE_NO_MONTHS:Servizi sociali:1",
      "UNIT_MISMATCH:Servizi sociali:2",
      "DUPLICATE_NUMBER:Servizi sociali:2",
      "MISSING_DETAIL:Servizi sociali:2",
      "MISSING_DETAIL:Servizi sociali:3",
      "PAYMENT_TIMES_WEIGHT:Servizi sociali:3",
      "ORPHAN_DETAIL:Servizi sociali:9",
      "NO_INDICATORS:Servizi sociali:9",
      // 1, 2, 2, 3 then the orphan sheet 9: the first number out of place (the repeated 2 is DUPLICATE_NUMBER).
      "NUMBERING:Servizi sociali:9",
      "WEIGHT_TOTAL:Servizi sociali:-",
    ]);
    const m = plan.anomalies.find((a) => a.code === "WEIGHT_MISMATCH")!;
    expect(m.message).toBe("Servizi sociali, obiettivo 1: peso 50 nella scheda sintetica ma 40 nella scheda obiettivo.");
    expect(plan.anomalies.find((a) => a.code === "WEIGHT_TOTAL")!.message).toContain("sommano a 95");
    expect(plan.anomalies.find((a) => a.code === "UNIT_MISMATCH")!.message).toBe(
      "Servizi sociali, obiettivo 2: la scheda obiettivo indica l'area 'Ragioneria' e il responsabile 'Carlo Verdi', diversi da quelli della scheda sintetica (Servizi sociali, Anna Bianchi).",
    );
    const orphan = plan.units[0]!.objectives.at(-1)!;
    expect(orphan).toMatchObject({ number: 9, summary: null, title: "Sportello badanti comunale" });
  });

  it("takes sheets that name their unit where they say, when all summaries come first", () => {
    const plan = normalizePlan(
      doc([
        ...summary("AREA FINANZE", "MARIO NERI", [["1", "100", "Revisione regolamento contabilità", "Regolamento approvato"]]),
        ...summary("AREA AMBIENTE", "LUCA GIALLI", [["1", "100", "Censimento del verde urbano", "Alberi censiti"]]),
        ...sheet({
          area: "Area finanze",
          manager: "Mario Neri",
          weight: "100",
          number: "1",
          title: "Revisione del regolamento di contabilità",
          indicators: "Regolamento",
        }),
        ...sheet({ area: "Area ambiente", manager: "Luca Gialli", weight: "100", number: "1", title: "Censimento del verde urbano", indicators: "Alberi" }),
      ]),
      { file },
    );
    expect(plan.units.map((u) => u.objectives[0]!.detail?.title)).toEqual(["Revisione del regolamento di contabilità", "Censimento del verde urbano"]);
    expect(plan.anomalies).toEqual([]);
  });

  it("files a sheet printed under another unit where its number, title and weight belong", () => {
    const plan = normalizePlan(
      doc([
        ...summary("AREA FINANZE", "MARIO NERI", [["1", "100", "Revisione regolamento contabilità", "Regolamento approvato"]]),
        ...summary("AREA AMBIENTE", "LUCA GIALLI", [["1", "100", "Censimento del verde urbano", "Alberi censiti"]]),
        ...sheet({ area: "", manager: "", weight: "100", number: "1", title: "Revisione del regolamento di contabilità", indicators: "Regolamento" }),
        ...sheet({ area: "Area ambiente", manager: "Luca Gialli", weight: "100", number: "1", title: "Censimento del verde urbano", indicators: "Alberi" }),
      ]),
      { file },
    );
    expect(plan.units.map((u) => u.objectives[0]!.detail?.title)).toEqual(["Revisione del regolamento di contabilità", "Censimento del verde urbano"]);
    expect(codes(plan)).toEqual(["UNIT_MISMATCH:Area finanze:1"]);
    expect(plan.anomalies[0]!.message).toContain("stampata tra le schede di 'Area ambiente'");
  });

  it("reports a title too different from the summary row with the same number", () => {
    const plan = normalizePlan(
      doc([
        ...summary("AREA C", "PIA ROSSI", [["1", "100", "Digitalizzazione archivio storico", "Pratiche digitalizzate"]]),
        ...sheet({ area: "Area C", manager: "Pia Rossi", weight: "100", number: "1", title: "Organizzazione festa patronale", indicators: "Evento" }),
      ]),
      { file },
    );
    expect(codes(plan)).toEqual(["TITLE_MISMATCH:Area c:1"]);
  });

  it("skips WEIGHT_TOTAL for coefficients and flags intersectoral drift", () => {
    const plan = normalizePlan(
      doc([
        ...summary("SETTORE UNO", "ADA ROSSI", [
          ["1", "1,2", "Trasparenza amministrativa OBIETTIVO INTERSETTORIALE", "Verifiche svolte"],
          ["2", "1,4", "Riduzione arretrato", "Pratiche evase"],
        ]),
        ...summary("SETTORE DUE", "BIANCA NERI", [
          ["1", "50", "Trasparenza amministrativa OBIETTIVO INTERSETTORIALE", "Pubblicazioni aggiornate"],
          ["2", "50", "Nuovo sportello", "Sportello aperto"],
        ]),
      ]),
      { file },
    );
    expect(plan.units[0]!.objectives[0]!.title).toBe("Trasparenza amministrativa");
    expect(codes(plan)).toEqual([
      // Two copies worded differently, no wording shared by most: drift on every copy.
      "INTERSECTORAL_DRIFT:Settore uno:1",
      "INTERSECTORAL_DRIFT:Settore due:1",
      // No objective sheet at all: one SUMMARY_ONLY instead of a MISSING_DETAIL per row.
      "SUMMARY_ONLY:-:-",
    ]);
  });

  it("honours options.expectedTotal and passes reader UNREADABLE messages on", () => {
    const layout = pagedDoc([[...summary("AREA X", "EVA BLU", [["1", "30", "Obiettivo unico dell'area", "Indicatore"]])]]);
    const t = layout.pages[0]!.blocks.find((b) => b.kind === "table")!;
    if (t.kind === "table") Object.assign(t, { page: 1, rowPages: t.rowPages.map(() => 1) });
    layout.messages.push({
      code: "UNREADABLE",
      severity: "error",
      reason: "pagina 2: nessun testo estraibile (scansione?)",
      page: 2,
      table: null,
      source: "pdf",
    });
    const plan = normalizePlan(layout, { file, expectedTotal: 30 });
    expect(codes(plan)).toEqual(["MISSING_DETAIL:Area x:1", "UNREADABLE:-:-"]);
    expect(plan.anomalies[0]!.page).toBe(1);
  });

  it("reads a summary split into two tables and a sheet whose labels are split across cells", () => {
    const plan = normalizePlan(
      doc([
        ...summary("AREA Y", "UGO VERDI", [["1", "50", "Primo obiettivo di prova", "A"]]),
        table([["2", "50", "Secondo obiettivo di prova", "B", ""]]),
        line("Area: Area Y"),
        line("Responsabile: Ugo Verdi"),
        table([
          ["Peso obiettivo", "50 %"],
          ["N.° 02", "Nome obiettivo: Secondo obiettivo di prova OBIETTIVO INTERSETTORIALE Annuale/Plurienn.: biennale ; Anno di prev."],
          ["conclusione: 2025", ""],
          ["Indicatori di risultato:", "1. B uno 2. B due"],
          ["Criticità:", "Nessuna in particolare"],
        ]),
      ]),
      { file },
    );
    const o = plan.units[0]!.objectives;
    expect(o).toHaveLength(2);
    expect(o[1]!.detail).toMatchObject({
      number: 2,
      weight: 50,
      title: "Secondo obiettivo di prova",
      intersectoral: true,
      duration: "biennale",
      endYear: 2025,
      indicators: [ind("B uno"), ind("B due")],
      criticalities: "Nessuna in particolare",
    });
  });

  it("reads 'Obiettivo n. 3 – Titolo' cells and ignores indicator-weight columns", () => {
    const plan = normalizePlan(
      doc([
        line("SINTESI OBIETTIVI"),
        line("SETTORE CULTURA"),
        line("RESPONSABILE LIA ROSSI"),
        table([
          ["Codice", "Obiettivo", "Peso obiettivo", "Indicatore", "Peso indicatore"],
          ["C.1", "Apertura serale biblioteca", "100", "Ore di apertura", "100"],
          ["", "", "", "Utenti serali", ""],
        ]),
        line("Scheda obiettivo"),
        line("Settore: Cultura"),
        line("Peso obiettivo: 100%"),
        table([["Obiettivo n. 1 – Apertura serale della biblioteca"], ["Indicatori di risultato:\nOre di apertura"]]),
      ]),
      { file },
    );
    const o = plan.units[0]!.objectives;
    expect(o).toHaveLength(1);
    expect(o[0]!.summary).toMatchObject({ weight: 100, indicators: [ind("Ore di apertura"), ind("Utenti serali")] });
    expect(o[0]!.detail).toMatchObject({ number: 1, title: "Apertura serale della biblioteca", weight: 100 });
    expect(plan.anomalies).toEqual([]);
  });

  it("splits a PEG table whose rows name their unit, with coefficient weights", () => {
    const plan = normalizePlan(
      doc([
        line("PIANO ESECUTIVO DI GESTIONE 2024 – OBIETTIVI"),
        line("SINTESI OBIETTIVI"),
        table([
          ["SETTORE", "RESPONSABILE", "OBIETTIVO STRATEGICO", "PESATURA", "RIFERIMENTI"],
          ["Affari generali", "Dott. Ugo Neri", "Digitalizzazione del protocollo", "1,2", "AG7/D"],
          ["", "", "Revisione regolamenti", "1,0", "AG2"],
          ["Servizi tecnici", "Arch. Eva Blu", "Manutenzione scuole", "1,4", "ST1"],
        ]),
      ]),
      { file },
    );
    expect(plan.units.map((u) => [u.name, u.manager, u.objectives.map((o) => [o.number, o.summary?.weight])])).toEqual([
      [
        "Affari generali",
        "Ugo Neri",
        [
          [1, 1.2],
          [2, 1],
        ],
      ],
      ["Servizi tecnici", "Eva Blu", [[1, 1.4]]],
    ]);
    expect(plan.anomalies.map((a) => a.code)).not.toContain("WEIGHT_TOTAL");
  });

  it("reads a sheet laid out as a key-value table without colons", () => {
    const plan = normalizePlan(
      doc([
        line("Scheda obiettivo 2024"),
        table([
          ["Settore", "Polizia locale"],
          ["Responsabile", "Comm. Rita Bo"],
          ["Peso", "35%"],
          ["N.", "2"],
          ["Obiettivo", "Controlli sulla sicurezza stradale"],
          ["Indicatori di risultato", "Almeno 40 controlli"],
        ]),
      ]),
      { file },
    );
    expect(plan.units[0]!.objectives[0]!.detail).toMatchObject({
      unitName: "Polizia locale",
      weight: 35,
      number: 2,
      title: "Controlli sulla sicurezza stradale",
      indicators: [ind("Almeno 40 controlli")],
    });
  });

  it("reads back-to-back summaries headed by 'Area:' and 'Responsabile:' lines as separate units", () => {
    const head = ["N.", "Peso", "Descrizione obiettivo", "Indicatori"];
    const plan = normalizePlan(
      doc([
        line("Area: Servizi demografici"),
        line("Responsabile: Dott.ssa Anna Verdi"),
        table([head, ["1", "100", "Anagrafe digitale", "Certificati online"]]),
        line("Area: Polizia locale"),
        line("Responsabile: Ugo Bassi"),
        table([head, ["1", "100", "Sicurezza stradale", "Controlli"]]),
      ]),
      { file },
    );
    expect(plan.units.map((u) => [u.name, u.manager, u.objectives.length])).toEqual([
      ["Servizi demografici", "Anna Verdi", 1],
      ["Polizia locale", "Ugo Bassi", 1],
    ]);
  });

  it("reads a ministry-style table without objective weights", () => {
    const plan = normalizePlan(
      doc([
        line("SINTESI OBIETTIVI"),
        line("DIREZIONE GENERALE DEL PERSONALE"),
        table([
          ["Codice", "Titolo", "Tipologia", "Unità di misura", "Peso indicatore", "Target 2024"],
          ["1", "Riduzione dei tempi di assunzione", "Efficienza", "giorni", "50", "≤ 90 giorni"],
          ["2", "Formazione digitale", "Efficacia", "%", "50", "80% dei dipendenti"],
        ]),
      ]),
      { file },
    );
    const u = plan.units[0]!;
    expect(u.name).toBe("Direzione generale del personale");
    expect(u.objectives.map((o) => [o.number, o.summary?.weight, o.summary?.indicators])).toEqual([
      // A "Target 2024" column with no indicator column: one indicator per target, with text "".
      [1, null, [ind("", "≤ 90 giorni")]],
      [2, null, [ind("", "80% dei dipendenti")]],
    ]);
    expect(plan.anomalies.map((a) => a.code)).not.toContain("WEIGHT_TOTAL");
  });

  it("rejoins a PDF sheet's free-text lines into paragraphs", () => {
    const plan = normalizePlan(
      pagedDoc([
        [
          line("Scheda obiettivo esercizio 2024", 1),
          line("Area: Servizi tecnici", 1),
          line("Peso dell'obiettivo: 40/100", 1),
          line("N.° 1 Nome obiettivo: Archivio digitale delle pratiche edilizie", 1),
          line("Descrizione dei risultati attesi: Il progetto prevede la digitalizzazione di tutte le", 1),
          line("pratiche edilizie dell'archivio comunale entro la fine dell'anno in corso.", 1),
          line("Il lavoro sarà svolto con l'Unione.", 1),
          line("Indicatori di risultato:", 1),
          line("- Pratiche digitalizzate entro il 31/12 su tutto", 1),
          line("l'archivio", 1),
          line("- Relazione finale", 1),
        ],
      ]),
      { file },
    );
    expect(plan.units[0]!.objectives[0]!.detail).toMatchObject({
      number: 1,
      weight: 40,
      description:
        "Il progetto prevede la digitalizzazione di tutte le pratiche edilizie dell'archivio comunale entro la fine dell'anno in corso.\nIl lavoro sarà svolto con l'Unione.",
      indicators: [ind("Pratiche digitalizzate entro il 31/12 su tutto l'archivio"), ind("Relazione finale")],
    });
  });

  it("reads a converted row that lost an empty status cell, and no year from a missing value", () => {
    const plan = normalizePlan(
      doc([
        line("SCHEDA SINTETICA OBIETTIVI"),
        line("SERVIZI DEMOGRAFICI"),
        table([
          [
            { text: "N.", rowSpan: 2 },
            { text: "Peso", rowSpan: 2 },
            { text: "Descrizione obiettivo", rowSpan: 2 },
            { text: "Stato di attuazione", colSpan: 3 },
            { text: "Indicatori", rowSpan: 2 },
            { text: "Note", rowSpan: 2 },
          ],
          ["30 giugno", "30 settembre", "31 dicembre"],
          ["1", "50", "Anagrafe online", "", "", "", "Certificati emessi online", ""],
          ["2", "50", "Archivio AIRE", "", "", "Fascicoli digitalizzati", "Lavoro complesso", ""],
        ]),
        line("Scheda obiettivo"),
        table([
          ["N.° 2", "Nome obiettivo: Archivio AIRE", "Anno di prev. conclusione:"],
          ["Descrizione dei risultati attesi. Digitalizzare entro il 2026 i fascicoli.", "", ""],
          ["Indicatori di risultato: Fascicoli digitalizzati", "", ""],
        ]),
      ]),
      { file },
    );
    const [a, b] = plan.units[0]!.objectives;
    expect(a!.summary).toMatchObject({ indicators: [ind("Certificati emessi online")], notes: null });
    expect(b!.summary).toMatchObject({ indicators: [ind("Fascicoli digitalizzati")], notes: "Lavoro complesso" });
    expect(b!.detail).toMatchObject({ endYear: null, description: "Digitalizzare entro il 2026 i fascicoli." });
  });

  it("throws not-a-plan when there is neither a summary nor a sheet", () => {
    const layout = doc([
      line("Verbale della seduta"),
      line("Obiettivo: informare i cittadini"),
      line("Responsabile: Ada Neri"),
      table([
        ["a", "b"],
        ["c", "d"],
      ]),
    ]);
    expect(() => normalizePlan(layout, { file })).toThrowError(DocumentError);
    try {
      normalizePlan(layout, { file });
    } catch (e) {
      expect((e as DocumentError).kind).toBe("not-a-plan");
      expect((e as Error).message).toBe(NO_OBJECTIVES);
    }
  });
});
