/**
 * The report in Italian (the default): the words a nucleo di valutazione / OIV
 * uses. The finding messages are the normaliser's and the advisory checks' own
 * wording, placeholder for placeholder (finding-variants.ts).
 */
import type { Catalogue } from "./catalogue.js";

const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

export const it: Catalogue = {
  lang: "it",
  decimal: ",",
  months: ["gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic"],
  date: (d, m, y) => `${String(d).padStart(2, "0")}/${String(m).padStart(2, "0")}/${y}`,
  severity: {
    error: { one: "errore", many: "errori" },
    warning: { one: "avviso", many: "avvisi" },
    info: { one: "nota", many: "note" },
  },
  severityTag: { error: "ERRORE", warning: "AVVISO", info: "NOTA" },
  noun: {
    plan: { one: "piano", many: "piani" },
    unit: { one: "unità", many: "unità" },
    objective: { one: "obiettivo", many: "obiettivi" },
    page: { one: "pagina", many: "pagine" },
    file: { one: "file", many: "file" },
  },
  pageRef: (page) => `p. ${page}`,
  place: { table: (id) => `tabella ${id}`, row: (n) => `riga ${n}`, column: (n) => `colonna ${n}` },
  kind: {
    pdo: "PDO (Piano dettagliato degli obiettivi)",
    "piano-performance": "Piano della performance",
    piao: "PIAO (Piano integrato di attività e organizzazione)",
    peg: "PEG (Piano esecutivo di gestione)",
    other: "altro tipo di piano",
  },
  kindUnknown: "tipo non indicato",
  periodUnknown: "periodo non indicato",
  unknownBody: "Ente non indicato",
  yearUnknown: "anno non indicato",
  planTitle: (org, years) => `${org}, piano ${years}`,
  planOfUnknownYear: (org) => `${org}, piano di anno non indicato`,
  reportTitle: "piao check: verifica di coerenza",
  reportTitleOne: (org, years) => `Verifica di coerenza: ${org} ${years}`.trim(),
  reportTitleMany: (plans) => `Verifica di coerenza: ${plans}`,
  generatedBy: (v) => `Generato da piao check (versione del rapporto ${v}).`,
  head: {
    source: "Fonte",
    plan: "Piano",
    contents: "Contenuto",
    findings: "Rilievi",
    advisory: "Controlli",
    databasePlan: "Piano nel database",
    databasePlanNote: (id) => ` (piano ${id} del database)`,
    contentsValue: (units, objectives, flagged) => `${units}, ${objectives} (${flagged} con rilievi)`,
    advisoryNote: "(regole di dominio, non nell'export)",
  },
  summary: {
    title: "Riepilogo",
    unitsTitle: "Unità organizzative e pesi",
    findingsTitle: "Rilievi per gravità",
    yearTitle: "Cronoprogramma dell'anno per unità",
    yearNote:
      "Ogni riga è un obiettivo: i mesi segnati dalle sue fasi (più scuri dove più fasi cadono nello stesso mese) e le scadenze (◆). " +
      "La riga Carico conta le fasi attive per mese; un trimestre senza attività è evidenziato.",
    exportFindings: "Rilievi del piano",
    advisoryFindings: "Controlli aggiuntivi",
    load: "Carico",
    emptyQuarter: "trimestre vuoto",
    quarter: (q) => `${["I", "II", "III", "IV"][q - 1]} trim.`,
    noPhases: "Nessuna fase con mesi o scadenze in questa unità.",
  },
  overview: {
    title: "Riepilogo per unità",
    unit: "Unità organizzativa",
    manager: "Responsabile",
    objectives: "Obiettivi",
    objectivesShort: "Ob.",
    flagged: "Con rilievi",
    errorsShort: "Err.",
    warningsShort: "Avv.",
    infoShort: "Note",
    errors: "Errori",
    warnings: "Avvisi",
    info: "Note",
    summaryTotal: "Totale sintesi",
    sheetTotal: "Totale schede",
    summaryShort: "Sintesi",
    sheetShort: "Schede",
    offNote: "! = il totale differisce da quello atteso",
  },
  findings: {
    title: "Rilievi per unità e obiettivo",
    none: "Nessuno.",
    noneHtml: "Nessun rilievo.",
    wholeDocument: "Intero documento",
    manager: (name) => `resp. ${name}`,
    noManager: "nessun responsabile indicato",
  },
  advisory: {
    title: "Controlli aggiuntivi (regole di dominio, non nell'export)",
    note: "Regole candidate delle note di dominio (R4, R6, R8, R9, R17), calcolate dal rapporto; --fail-on le conta solo con --fail-on-advisory.",
    noteHtml:
      "Regole candidate delle note di dominio (R4, R6, R8, R9, R17), calcolate dal rapporto sul piano; non sono rilievi dell'export. " +
      "<code>--fail-on</code> le conta solo con <code>--fail-on-advisory</code>.",
    none: "Nessun controllo aggiuntivo da segnalare.",
  },
  weights: {
    title: "Pesi: scheda sintetica e scheda obiettivo (* = obiettivo con rilievi)",
    sectionHtml: "Pesi e cronoprogrammi per unità",
    number: "N.",
    objective: "Obiettivo",
    summary: "Sintesi",
    sheet: "Scheda",
    check: "Verifica",
    pages: "Pagine",
    total: "Totale",
    asWritten: "come scritto",
    status: { match: "ok", mismatch: "difforme", "no-sheet": "senza scheda", "no-summary": "senza riga di sintesi", "no-weight": "peso mancante" },
    statusText: { match: "ok", mismatch: "DIFFORME", "no-sheet": "senza scheda", "no-summary": "senza sintesi", "no-weight": "peso mancante" },
    declaredRow: (t) => `riga TOTALE ${t}`,
    expected: (t) => `atteso ${t}`,
    summaryStatus: { ok: "sintesi ok", off: "sintesi NON QUADRA", none: "nessun peso in sintesi" },
    sheetStatus: { ok: "schede ok", off: "schede NON QUADRANO", incomplete: "schede incomplete", none: "nessun peso nelle schede" },
    noUnits: "Nessuna unità.",
    noWeights: "Nessun peso in questa unità: niente da rappresentare.",
    chartCaption: (unit) => `Pesi di ${unit}: scheda sintetica e scheda obiettivo`,
    keySummary: "scheda sintetica",
    keySheet: "scheda obiettivo",
    barsNoSheet: "senza scheda",
    barsNoWeight: "senza peso",
    scale: (max) => `scala 0–${max}`,
    expectedMark: (declared, total, scale) => `${declared ? "TOTALE" : "atteso"} ${total} · scala 0–${scale}`,
    barTitle: (o, s, sh) => `${o}: sintesi ${s}, scheda ${sh}`,
    intersectoral: "INTERSETTORIALE",
  },
  timeline: {
    title: "Cronoprogramma",
    noSheets: "Nessuna scheda obiettivo, quindi nessun cronoprogramma.",
    noPhases: "Nessuna fase nella scheda.",
    caption: (o) => `Cronoprogramma dell'obiettivo ${o}`,
    weight: "peso",
    from: (d) => `dal ${d}`,
    deadline: (d) => `scadenza ${d}`,
    noMonthMarked: "nessun mese segnato",
    noMonthOrDate: "nessun mese né data",
  },
  changes: {
    sinceYear: (y) => `Variazioni rispetto al ${y}`,
    sincePrevious: "Variazioni rispetto al piano precedente",
    sinceVersion: "Variazioni rispetto alla versione precedente di questo piano",
    comparedWith: (s) => `Confronto con ${s}`,
    counts: (c) =>
      `${n(c.added, "aggiunto", "aggiunti")}, ${n(c.dropped, "eliminato", "eliminati")}, ${n(c.reweighted, "con peso cambiato", "con peso cambiato")}, ` +
      `${n(c.retitled, "con titolo cambiato", "con titolo cambiato")}, ${n(c.renumbered, "rinumerato", "rinumerati")}, ` +
      `${n(c.indicatorsChanged, "con indicatori cambiati", "con indicatori cambiati")}, ${n(c.unchanged, "invariato", "invariati")}`,
    added: "aggiunto",
    dropped: "eliminato",
    changed: "modificato",
    weight: (w) => `peso ${w}`,
    renumbered: (was) => `rinumerato: era ${was}`,
    reweighted: (from, to) => `peso cambiato: ${from} → ${to}`,
    retitled: "titolo cambiato: era",
    indicatorAdded: "indicatore aggiunto",
    indicatorRemoved: "indicatore tolto",
    newUnit: "nuova unità",
    goneUnit: "unità non più nel piano",
    was: (name) => `era ${name}`,
  },
  unreadable: { title: "File non leggibili" },
  totals: {
    line: (plans, unreadable, findings) =>
      `${n(plans, "piano verificato", "piani verificati")}, ${n(unreadable, "file non leggibile", "file non leggibili")}: ${findings}.`,
    advisoryLine: (c) => `Controlli aggiuntivi (non negli export): ${c}.`,
    unreadableFiles: (f) => `${f} non leggibili`,
    advisoryHead: (c) => `controlli aggiuntivi: ${c}`,
    weightsExpected: (t) => `pesi attesi a totale ${t} salvo diversa riga TOTALE`,
    noPlans: "Nessun piano da verificare.",
  },
  sign: { title: "Per il Nucleo di valutazione / OIV", place: "Luogo e data", signature: "Firma" },
  codes: {
    WEIGHT_MISMATCH: "peso diverso tra scheda sintetica e scheda obiettivo",
    WEIGHT_TOTAL: "i pesi della scheda sintetica non sommano al totale",
    MISSING_DETAIL: "riga della scheda sintetica senza scheda obiettivo",
    ORPHAN_DETAIL: "scheda obiettivo senza riga nella scheda sintetica",
    DUPLICATE_NUMBER: "due obiettivi con lo stesso numero",
    TITLE_MISMATCH: "titoli molto diversi tra scheda sintetica e scheda obiettivo",
    UNIT_MISMATCH: "la scheda obiettivo indica un'altra unità o un altro responsabile",
    PHASE_NO_MONTHS: "fase senza mesi segnati nel cronoprogramma",
    NO_INDICATORS: "obiettivo senza indicatori di risultato",
    PAYMENT_TIMES_WEIGHT: "obiettivo sui tempi di pagamento con peso inferiore a 30",
    INTERSECTORAL_DRIFT: "obiettivo intersettoriale formulato diversamente tra le unità",
    UNREADABLE: "parte del documento non leggibile",
    DUPLICATE_OBJECTIVE: "obiettivo che ne ripete un altro della stessa unità",
    NUMBERING: "numerazione che salta o torna indietro",
    PHASE_WEIGHT_TOTAL: "i pesi delle fasi non sommano a 100",
    DEADLINE_OUT_OF_PERIOD: "scadenza o anno di conclusione fuori dal periodo del piano",
    WEIGHTS_ABSENT: "nessun peso nell'unità",
    SUMMARY_ONLY: "obiettivi elencati senza alcuna scheda obiettivo",
    indicator_qualitative: "indicatori senza target misurabile",
    phase_out_of_year: "fasi di un obiettivo annuale fuori dall'anno del piano",
    payment_times_missing: "unità senza obiettivo sui tempi di pagamento",
    payment_times_indicator: "obiettivo sui tempi di pagamento senza l'indicatore di legge",
    indicator_weight_total: "i pesi degli indicatori non sommano a 100",
  },
  messages: {
    WEIGHT_MISMATCH: "{unit}, obiettivo {objective}: peso {summary} nella scheda sintetica ma {sheet} nella scheda obiettivo.",
    "WEIGHT_TOTAL.declared.blanks":
      "{unit}: i pesi della scheda sintetica sommano a {sum} ({blanks} obiettivi senza peso) anziché al TOTALE dichiarato ({declared}).",
    "WEIGHT_TOTAL.declared": "{unit}: i pesi della scheda sintetica sommano a {sum} anziché al TOTALE dichiarato ({declared}).",
    "WEIGHT_TOTAL.expected.blanks": "{unit}: i pesi della scheda sintetica sommano a {sum} ({blanks} obiettivi senza peso) anziché a {expected}.",
    "WEIGHT_TOTAL.expected": "{unit}: i pesi della scheda sintetica sommano a {sum} anziché a {expected}.",
    MISSING_DETAIL: "{unit}: l'obiettivo {objective} ('{title}') della scheda sintetica non ha una scheda obiettivo.",
    ORPHAN_DETAIL: "{unit}, obiettivo {objective}: la scheda obiettivo ('{title}') non corrisponde a nessuna riga della scheda sintetica.",
    DUPLICATE_NUMBER: "{unit}: il numero {number} è usato da più obiettivi ('{first}' e '{second}'); numerare gli obiettivi in modo univoco.",
    TITLE_MISMATCH:
      "{unit}, obiettivo {objective}: il titolo della scheda obiettivo ('{sheetTitle}') è molto diverso da quello della scheda sintetica ('{summaryTitle}').",
    "UNIT_MISMATCH.both":
      "{unit}, obiettivo {objective}: la scheda obiettivo indica l'area '{sheetUnit}' e il responsabile '{sheetManager}', diversi da quelli della scheda sintetica ({summary}).",
    "UNIT_MISMATCH.area":
      "{unit}, obiettivo {objective}: la scheda obiettivo indica l'area '{sheetUnit}', diversa da quella della scheda sintetica ({summary}).",
    "UNIT_MISMATCH.manager":
      "{unit}, obiettivo {objective}: la scheda obiettivo indica il responsabile '{sheetManager}', diverso da quello della scheda sintetica ({summary}).",
    "UNIT_MISMATCH.printed":
      "{unit}, obiettivo {objective}: la scheda obiettivo è stampata tra le schede di '{printedUnder}' ma corrisponde (numero, titolo e peso) alla scheda sintetica di questa unità.",
    PHASE_NO_MONTHS: "{unit}, obiettivo {objective}: la fase {phase} ('{description}') non ha alcun mese segnato nel cronoprogramma.",
    NO_INDICATORS:
      "{unit}, obiettivo {objective}: nessun indicatore di risultato, né nella scheda sintetica né nella scheda obiettivo; indicare almeno un indicatore misurabile.",
    PAYMENT_TIMES_WEIGHT:
      "{unit}, obiettivo {objective}: l'obiettivo sui tempi di pagamento delle fatture commerciali pesa {weight}, meno del minimo di {min} (art. 4-bis D.L. 13/2023).",
    "INTERSECTORAL_DRIFT.noMajority":
      "{unit}, obiettivo {objective}: l'obiettivo intersettoriale '{title}' ha titolo o indicatori diversi tra le unità (nessuna formulazione è condivisa dalla maggior parte delle unità).",
    "INTERSECTORAL_DRIFT.differs":
      "{unit}, obiettivo {objective}: l'obiettivo intersettoriale '{title}' ha titolo o indicatori diversi tra le unità (differisce dalla formulazione condivisa dalle altre unità).",
    "UNREADABLE.pdfImage": "pagina {page}: solo immagine, nessun testo leggibile (scansione?)",
    "UNREADABLE.pageImage": "Pagina {page}: la pagina è un'immagine senza testo (scansione), non leggibile senza OCR.",
    "UNREADABLE.tableNoText": "Pagina {page}: la tabella non ha testo (scansione?): non letta.",
    "UNREADABLE.table": "{reason} (tabella {table})",
    "UNREADABLE.reason": "{reason}",
    DUPLICATE_OBJECTIVE: "{unit}: l'obiettivo {objective} ripete l'obiettivo {earlier} ('{title}').",
    "NUMBERING.objective.skips": "{unit}: l'obiettivo {objective} segue l'obiettivo {previous} (numerazione con un salto).",
    "NUMBERING.objective.back": "{unit}: l'obiettivo {objective} segue l'obiettivo {previous} (numerazione che torna indietro).",
    "NUMBERING.unit.skips": "L'unità {number} ({unit}) segue l'unità {previous}: la numerazione delle unità salta.",
    "NUMBERING.unit.back": "L'unità {number} ({unit}) segue l'unità {previous}: la numerazione delle unità torna indietro.",
    PHASE_WEIGHT_TOTAL: "{unit}, obiettivo {objective}: i pesi delle fasi sommano a {sum} invece di {expected}.",
    "DEADLINE_OUT_OF_PERIOD.phase": "{unit}, obiettivo {objective}: la fase '{phase}' scade il {deadline}, fuori dal periodo del piano ({range}).",
    "DEADLINE_OUT_OF_PERIOD.endYear.notMultiYear":
      "{unit}, obiettivo {objective}: anno di conclusione {end} fuori dal periodo del piano ({range}) e l'obiettivo non è dichiarato pluriennale.",
    "DEADLINE_OUT_OF_PERIOD.endYear": "{unit}, obiettivo {objective}: anno di conclusione {end} fuori dal periodo del piano ({range}).",
    WEIGHTS_ABSENT: "{unit}: nessun obiettivo ha un peso, né nella sintesi né nelle schede; i controlli sui pesi non si applicano.",
    SUMMARY_ONLY: "Il documento elenca {count} obiettivi ma nessuna scheda obiettivo: pesi, fasi e indicatori delle schede non sono verificabili.",
    "indicator_qualitative.one":
      "{unit}, obiettivo {objective}: l'indicatore {indicators} non ha un target misurabile " +
      `(valore, soglia, percentuale, data o scadenza "entro", sì/no): indicare il valore atteso (art. 5 c.2 lett. b d.lgs. 150/2009).`,
    "indicator_qualitative.many":
      "{unit}, obiettivo {objective}: {count} indicatori {indicators} non hanno un target misurabile " +
      `(valore, soglia, percentuale, data o scadenza "entro", sì/no): indicare il valore atteso (art. 5 c.2 lett. b d.lgs. 150/2009).`,
    "phase_out_of_year.endYear":
      "{unit}, obiettivo {objective}: l'anno di prevista conclusione ({end}) precede l'anno del piano ({year}): aggiornare la scheda o togliere l'obiettivo se già concluso.",
    "phase_out_of_year.phases":
      "{unit}, obiettivo {objective}: l'obiettivo è annuale ma ha fasi fuori dal {year} ({phases}): ricondurre il cronoprogramma all'anno o dichiarare l'obiettivo pluriennale con il target annuale (art. 5 c.2 lett. d d.lgs. 150/2009).",
    "payment_times_missing.one":
      "{unit}: nessun obiettivo sui tempi di pagamento delle fatture commerciali, che invece ha l'unità {names}: " +
      "se il responsabile liquida fatture, assegnargli l'obiettivo (art. 4-bis c.2 D.L. 13/2023; Circ. RGS-DFP 1/2024).",
    "payment_times_missing.many":
      "{unit}: nessun obiettivo sui tempi di pagamento delle fatture commerciali, che invece hanno le unità {names}: " +
      "se il responsabile liquida fatture, assegnargli l'obiettivo (art. 4-bis c.2 D.L. 13/2023; Circ. RGS-DFP 1/2024).",
    "payment_times_indicator.none":
      "{unit}, obiettivo {objective}: l'obiettivo sui tempi di pagamento non ha un indicatore sull'indicatore annuale di ritardo (≤ 0) né sul tempo medio di pagamento (≤ {days} giorni): aggiungerlo (L. 145/2018 c.859; Circ. RGS-DFP 1/2024).",
    "payment_times_indicator.tooMany":
      "{unit}, obiettivo {objective}: il tempo medio di pagamento atteso ({found} giorni) supera i {days} giorni di legge: portare il target a ≤ {days} giorni o usare l'indicatore di ritardo ≤ 0 (L. 145/2018 c.859).",
    "indicator_weight_total.one":
      "{unit}, obiettivo {objective}: i pesi degli indicatori sommano a {sum} (1 indicatore è senza peso) anziché a {total}: correggere i pesi o indicare quelli mancanti.",
    "indicator_weight_total.many":
      "{unit}, obiettivo {objective}: i pesi degli indicatori sommano a {sum} ({count} indicatori sono senza peso) anziché a {total}: correggere i pesi o indicare quelli mancanti.",
    indicator_weight_total:
      "{unit}, obiettivo {objective}: i pesi degli indicatori sommano a {sum} anziché a {total}: correggere i pesi o indicare quelli mancanti.",
  },
  unreadMessage: (_where, _meaning, stored) => stored,
  where: (unit, objective) => [unit, objective === null ? null : `obiettivo ${objective}`].filter((s) => s !== null).join(", "),
  listWords: { phase: "fase", deadline: "scadenza", andOthers: (k) => ` e altre ${k}` },
};
