/**
 * The words of plans, in one place: for each concept a recogniser looks for
 * (a column of an objective table, an objective heading, a unit heading, a
 * responsible line, a kind of plan), the variants real bodies print. Patterns
 * match a label key (`labelKey`: lower case, no accents, punctuation as
 * spaces) unless they say otherwise. To teach the reader a new wording, add it
 * here and a case to tests/normalize/vocabulary.test.ts (docs/families.md).
 */

/** What a column of an objective table (summary sheet, PIAO table, PEG table) holds. */
export type ColumnRole =
  | "number"
  | "weight"
  | "title"
  | "indicators"
  | "target"
  | "formula"
  | "baseline"
  | "notes"
  | "status"
  | "unit"
  | "manager"
  | "mission"
  | "programme"
  | "missionProgramme"
  | "strategic"
  | "publicValue"
  | "timing"
  | "other";

/** Header label key → column role, tried in order (first match wins). */
export const COLUMN_LABELS: ReadonlyArray<readonly [RegExp, ColumnRole]> = [
  // "Peso indicatore" weighs an indicator, not the objective.
  [/\bpeso\b.*\bindicator/, "other"],
  [/^(?:unita di misura|fonte(?: dei dati)?|tipologia|tipo(?: obiettivo)?|polarita|assessor[ei]|stakeholder|portatori)\b/, "other"],
  [/^(?:peso|pesatura|punti|punteggio|ponderazione|grado di priorita|priorita|rilevanza)\b|\bpeso\b/, "weight"],
  [/^missione\s*(?:e\s*)?programma\b|^missione programma\b|^miss(?:ione)? prog/, "missionProgramme"],
  [/^missione\b/, "mission"],
  [/^programma\b/, "programme"],
  [/^valore pubblico\b|^(?:dimensione|ambito) (?:del )?valore pubblico/, "publicValue"],
  [/^(?:obiettivo|linea|indirizzo|area|ambito|priorita) strategic[ao]\b|^obiettivi strategici\b|^linee? (?:di mandato|programmatic)/, "strategic"],
  [/^(?:formula|algoritmo|modalita di calcolo|metodo di calcolo|calcolo)\b/, "formula"],
  // "Valore 2024" beside "Target 2025": a value with a year and no target word is the starting value.
  [
    /^(?:baseline|valore (?:di partenza|storico|iniziale|di riferimento)|situazione (?:di partenza|iniziale)|dato (?:storico|di partenza)|storico)\b|^(?:valore|dato) (?:19|20)\d{2}$/,
    "baseline",
  ],
  [/^(?:target|valore (?:atteso|obiettivo|target)|risultat[oi] attes[oi]|obiettivo atteso|traguardo)\b/, "target"],
  [/^(?:n|nr|num|numero|cod|codice|id)\b|^obiettivo n\b|^n obiett/, "number"],
  [/indicator|misurator/, "indicators"],
  [/^note\b|osservazion/, "notes"],
  [/^(?:tempistica|tempi|scadenza|termine|data (?:fine|di conclusione|scadenza)|entro)\b/, "timing"],
  // A responsible-structure column: one table for every unit (PEG, PIAO).
  [
    /^(?:settore|area|servizio|struttura|unita organizzativa|unita operativa(?: complessa| semplice)?|u o (?:c|s|sd)?|uo|uoc|uos|uosd|cdr|centro di (?:responsabilita|costo)|direzione|ufficio|dipartimento|distretto)(?: (?:responsabile|competente|organizzativa|coinvolt[ao]|di riferimento|referente|titolare|capofila))*$|^(?:struttura|settore|servizio|ufficio|unita organizzativa|area) (?:responsabile|competente|organizzativa)\b/,
    "unit",
  ],
  [
    /^(?:responsabile|dirigente|direttore|direttrice|p o|e q|referente)(?: (?:responsabile|referente|incaricat[oa]|(?:del |dell |della )?(?:obiettivo|settore|servizio|area|struttura)))?$/,
    "manager",
  ],
  [/stato di attuazione|giugno|settembre|dicembre|^3[01] (?:06|09|12)\b|monitoraggio|consuntivo|grado di raggiungimento|rendicontazione/, "status"],
  [/descrizione|titolo|obiettiv|denominazione|oggetto|azione strategica|progett/, "title"],
];

/** What a column of a phases (activities) table holds. */
export type PhaseColumnRole = "number" | "description" | "responsible" | "output" | "deadline" | "start" | "weight";

/** Dispatch table: a header cell's label key → the column's role. */
export const PHASE_COLUMN_LABELS: ReadonlyArray<readonly [RegExp, PhaseColumnRole]> = [
  [/^(?:n|nr|num|numero)(?: (?:fase|attivita|azione))?$/, "number"],
  [/^(?:data (?:di )?)?(?:inizio|avvio)\b/, "start"],
  [
    /^(?:scadenz[ae]|termine|termini|data (?:di )?(?:fine|conclusione|scadenza|chiusura)|fine|entro|conclusione|tempistica|tempi(?: di (?:realizzazione|attuazione|esecuzione))?|periodo(?: di realizzazione)?|quando)\b/,
    "deadline",
  ],
  [/^(?:peso|pesatura|incidenza|ponderazione)\b/, "weight"],
  [/^(?:descrizione )?(?:delle |della |dell )?(?:fasi|fase|attivita|azioni|azione|step)\b|^descrizione$/, "description"],
  [/responsabil|referent|soggett/, "responsible"],
  [/prodott|output|risultato intermedio/, "output"],
];

/** A header cell of a phases or activities table (not an objective table). */
export const PHASE_HEADER =
  /^(?:n |nr |num )?(?:descrizione )?(?:delle |della |dell )?(?:fasi|fase|attivita|azioni|azione|step)\b|tempificazione|cronoprogramma/;

/**
 * A responsible line: "RESPONSABILE Dott. Mario Rossi" (no colon), "Dirigente: …",
 * "Resp. Servizio: …", "Responsabile del settore – …". Group 1 is the person.
 */
export const RESPONSIBLE_LINE =
  /^\s*(?:responsabile|resp\.|dirigente|direttore|direttrice|p\.\s?o\.|e\.\s?q\.|titolare\s+(?:di\s+)?(?:p\.?\s?o\.?|e\.?\s?q\.?|posizione\s+organizzativa)|incaricat[oa]\s+di\s+e\.?\s?q\.?)\s*(?:(?:del(?:l['’]\s*|\s+|la\s+)|di\s+|d['’]\s*)?(?:servizio|settore|area|ufficio|struttura|direzione|u\.?\s?o\.?\s?c?\.?))?\s*[:\-–]?\s*(.*)$/iu;

/**
 * A numbered unit heading: "1 - SERVIZI FINANZIARI", "3. Settore tecnico",
 * "SETTORE 2 – POLIZIA LOCALE", "AREA III – Servizi", "2° Settore – Lavori pubblici".
 * Groups: the number (digits or Roman), then the name.
 */
export const NUMBERED_UNIT_HEADING = [
  /^\s*(\d{1,2})\s*[°º]?\s*[-–—.)]\s*((?:area|settore|servizio|servizi|direzione|dipartimento|ufficio|u\.?\s?o\.?\s?c?\.?)?\s*\S[^\n]*)$/iu,
  /^\s*(?:area|settore|servizio|direzione|dipartimento|ufficio|u\.?\s?o\.?\s?c?\.?|unit[aà]\s+organizzativa)\s*(?:n\.?\s*)?(\d{1,2}|[ivx]{1,5})\s*[-–—:.)]\s*(\S[^\n]*)$/iu,
  /^\s*(\d{1,2})\s*[°º^]\s*((?:area|settore|servizio|direzione|dipartimento)\s*[-–—:.]?\s*\S[^\n]*)$/iu,
];

/** A labelled unit heading ("Area: X", "Settore Servizi finanziari" is not: it needs a colon or a number). */
export const LABELLED_UNIT_HEADING =
  /^\s*(?:area|settore|servizio|servizi|ufficio|direzione|dipartimento|struttura(?:\s+responsabile)?|centro\s+di\s+responsabilit[aà]|cdr|u\.?\s?o\.?\s?c?\.?|unit[aà]\s+organizzativa)\s*:\s*(.+)$/iu;

/** A line a summary sheet opens with ("SCHEDA SINTETICA OBIETTIVI", "Sintesi degli obiettivi"). */
export const SUMMARY_HEADING =
  /^(?:obiettivi\s+di\s+gestione(?:\s+(?:19|20)\d{2})?\s*$|scheda\s+sintetica|schema\s+(?:degli\s+)?obiettivi|sintesi\s+(?:degli\s+)?obiettivi|quadro\s+sinottico|riepilogo\s+(?:degli\s+)?obiettivi|elenco\s+(?:degli\s+)?obiettivi|scheda\s+di\s+budget|obiettivi\s+assegnati)/i;

/** Section headings of a PIAO or a report that look like numbered units but are not. */
export const DOCUMENT_SECTION =
  /^(?:sezione|sottosezione|premessa|introduzione|allegat|indice|sommario|analisi|contesto|valore\s+pubblico|performance|piano|obiettivi|rischi|anticorruzione|trasparenza|organizzazione|capitale\s+umano|monitoraggio|struttura\s+organizzativa|organigramma|la\s+|il\s+|gli\s+|le\s+|i\s+|lo\s+|l['’])/iu;

/** Words that start a unit's name when it is a heading of its own ("SERVIZI FINANZIARI", "AREA TECNICA"). */
export const UNIT_WORDS = /^(?:area|settore|servizi?|ufficio|direzione|dipartimento|u\.?\s?o\.?\s?c?\.?|unit[aà]|polizia|corpo|segreteria|ragioneria)\b/iu;

/** What a document calls itself, first match on the first pages wins (docs/families.md). */
// Acronyms are matched in capitals only ("pro" and "peg" are words too); names in any case.
export const PLAN_KINDS: ReadonlyArray<readonly [RegExp, "piao" | "peg" | "pdo" | "piano-performance" | "other"]> = [
  [/\bP\.?I\.?A\.?O\b|[Pp]iano\s+[Ii]ntegrato\s+di\s+[Aa]ttivit[aà]\s+e\s+(?:di\s+)?[Oo]rganizzazione|PIANO\s+INTEGRATO\s+DI\s+ATTIVIT[AÀ]/u, "piao"],
  [/\bP\.?E\.?G\b|[Pp]iano\s+[Ee]secutivo\s+di\s+[Gg]estione|PIANO\s+ESECUTIVO\s+DI\s+GESTIONE/u, "peg"],
  [/\bP\.?D\.?O\b|[Pp]iano\s+[Dd]ettagliato\s+degli\s+[Oo]biettivi|PIANO\s+DETTAGLIATO\s+DEGLI\s+OBIETTIVI/u, "pdo"],
  [/piano\s+(?:triennale\s+)?(?:della|delle)\s+performance/iu, "piano-performance"],
  [
    /\bP\.?R\.?O\b|[Pp]iano\s+delle\s+[Rr]isorse\s+e\s+degli\s+[Oo]biettivi|PIANO\s+DELLE\s+RISORSE|[Oo]biettivi\s+di\s+[Gg]estione|OBIETTIVI\s+DI\s+GESTIONE/u,
    "other",
  ],
];

/** Objectives declared to run over several years: an end year past the period is expected. */
export const MULTI_YEAR = /^(?:biennale|triennale|pluriennale)$/;

/** Words of prose around a plan that a heading is not (a deliberation, a signature block). */
export const SIGNATURE_LINE =
  /^\s*(?:il|la)\s+(?:segretari[oa]|sindac[oa]|president[ea]|dirigente|direttore|responsabile)\b[^\n]{0,40}$|^\s*(?:firmato|f\.to)\b/iu;

// ── Objective sheets ───────────────────────────────────────────────────────
// The labels of an objective sheet, as a dispatch table (sheet-labels.ts splits
// text at them). "line" labels count only at the start of a line (so a phrase
// inside a description is not taken for a field); "inline" labels count
// anywhere ("Nome obiettivo: … Annuale/Plurienn.: annuale ; Anno di prev.
// conclusione: 2024"); "whole" labels are a whole cell (a label cell beside its value).

export type SheetField =
  | "heading"
  | "area"
  | "resources"
  | "manager"
  | "weight"
  | "number"
  | "title"
  | "duration"
  | "endYear"
  | "intersectoral"
  | "projectManager"
  | "description"
  | "indicators"
  | "criticalities"
  | "target"
  | "formula"
  | "baseline"
  | "strategic"
  | "mission"
  | "programme"
  | "publicValue"
  | "objectiveHeading"
  | "ignored";

export interface LabelRule {
  field: SheetField;
  re: RegExp;
  /** line: at a line start; inline: anywhere; whole: the whole fragment (a label cell beside its value cell). */
  scope: "line" | "inline" | "whole";
}

/** Order matters only among labels matching at the same position (first wins). */
export const SHEET_LABELS: ReadonlyArray<LabelRule> = [
  { field: "heading", re: /scheda\s+(?:di\s+|dell['’]\s*|del\s+|della\s+)?(?:obiettiv[oi]|progetto|peg|dettaglio)\b[^\n]*/iu, scope: "line" },
  // A box or sheet opened by its numbered heading: "DESCRIZIONE OBIETTIVO 3", "OBIETTIVO N. 2",
  // "Obiettivo operativo 1", "Obiettivo gestionale n. 4 – Titolo".
  {
    field: "objectiveHeading",
    re: /(?:descrizione\s+(?:dell['’]\s*)?)?obiettivo(?:\s+(?:operativo|gestionale|di\s+gestione|esecutivo|specifico|individuale|di\s+performance|di\s+peg))?\s*(?:n(?:r|um)?\s*[.°º]*\s*|numero\s*)?(?=\d{1,3}(?!\d)(?!\s*[./]\s*\d)(?!\s*%))/iu,
    scope: "line",
  },
  { field: "number", re: /(?:obiettivo\s+)?n(?:r|um)?\s*[.°º]+\s*(?:obiettivo\s*)?:?\s*(?=\d)/iu, scope: "line" },
  // The strategic level a sheet serves, and its budget links.
  { field: "strategic", re: /(?:obiettivo|linea|indirizzo|area|ambito)\s+strategic[oa]\s*(?:n\.?\s*\d+\s*)?[:\-–]/iu, scope: "line" },
  { field: "mission", re: /missione\s*(?:\/\s*programma)?\s*:/iu, scope: "line" },
  { field: "programme", re: /programma\s*:/iu, scope: "line" },
  { field: "publicValue", re: /valore\s+pubblico(?:\s+atteso)?\s*:/iu, scope: "line" },
  // An indicator's parts on lines of their own (key–value sheets).
  { field: "target", re: /(?:target|valore\s+(?:atteso|obiettivo))(?:\s*(?:anno\s*)?\(?\s*(?:19|20)\d{2}\s*\)?)?\s*:/iu, scope: "line" },
  { field: "formula", re: /(?:formula|algoritmo(?:\s+di\s+calcolo)?|modalit[aà]\s+di\s+calcolo|metodo\s+di\s+calcolo)\s*:/iu, scope: "line" },
  {
    field: "baseline",
    re: /(?:baseline|valore\s+(?:di\s+partenza|storico|iniziale)|dato\s+di\s+partenza)(?:\s*\(?\s*(?:anno\s*)?(?:19|20)\d{2}\s*\)?)?\s*:/iu,
    scope: "line",
  },
  { field: "number", re: /numero\s+(?:obiettivo\s*)?:?\s*(?=\d)/iu, scope: "line" },
  { field: "title", re: /(?:nome|titolo|denominazione|descrizione\s+sintetica)\s+(?:dell['’]\s*)?obiettivo\s*[:.]?/iu, scope: "inline" },
  { field: "title", re: /obiettivo(?:\s+(?:operativo|gestionale|di\s+gestione|esecutivo|specifico|individuale))?\s*:/iu, scope: "line" },
  {
    field: "weight",
    re: /peso\s+(?:dell['’]\s*|del\s+)?obiettivo\s*(?:\(?%\)?)?\s*:?|pesatura\s*:?|peso\s*(?:\(?%\)?)?\s*:|grado\s+di\s+priorit[aà]\s*:?|priorit[aà]\s*:|punteggio\s*:/iu,
    scope: "line",
  },
  // A conversion may run header fields together on one line: with their colon they count anywhere.
  { field: "weight", re: /peso\s+dell['’]\s*obiettivo\s*:/iu, scope: "inline" },
  { field: "manager", re: /responsabile\s*:/iu, scope: "inline" },
  {
    field: "area",
    re: /(?:area|settore|servizi?|ufficio|u\.\s?o\.|direzione|dipartimento|struttura|centro\s+di\s+responsabilit[aà]|cdr|unit[aà]\s+organizzativa)(?:\s+(?:responsabile|competente|organizzativa|di\s+riferimento))?\s*:/iu,
    scope: "line",
  },
  { field: "resources", re: /risorse\s*:/iu, scope: "inline" },
  // "Responsabile del servizio:", "Resp. Servizio:", "Dirigente di settore:".
  {
    field: "manager",
    re: /(?:responsabile|resp\.|dirigente|direttore|direttrice|p\.\s?o\.|e\.\s?q\.)\s*(?:(?:del(?:l['’]\s*|\s+)|di\s+|d['’]\s*)?(?:servizio|settore|area|ufficio))?\s*:/iu,
    scope: "line",
  },
  { field: "projectManager", re: /project\s+manager\s*:?/iu, scope: "inline" },
  { field: "duration", re: /annuale\s*\/\s*plurienn(?:\.|ale)?\s*:?|durata\s*:/iu, scope: "inline" },
  { field: "endYear", re: /(?:anno\s+di\s+)?prev(?:\.|isione|isto|ista)?\s*(?:(?:19|20)\d{2}\s*)?(?:di\s+)?conclusione\s*:?/iu, scope: "inline" },
  // "Anno di prev." | "conclusione: 2024" split across cells or lines.
  { field: "endYear", re: /conclusione\s*:/iu, scope: "line" },
  { field: "ignored", re: /anno\s+di(?:\s+prev(?:\.|isione|isto|ista)?)?\s*$/iu, scope: "inline" },
  { field: "intersectoral", re: /obiettivo\s+(?:intersettoriale|trasversale)/iu, scope: "inline" },
  {
    field: "description",
    re: /descrizione\s+(?:dei\s+|del\s+)?risultat[oi]\s+attes[oi]\s*[:.]?|risultat[oi]\s+attes[oi]\s*:|descrizione\s+(?:dell['’]\s*)?obiettivo\s*[:.]?|descrizione\s*:/iu,
    scope: "line",
  },
  // A label has a colon, a qualifier or a line of its own: "Indicatore annuale di ritardo…" is an item.
  {
    field: "indicators",
    re: /indicator[ei](?:\s+di\s+(?:risultato|performance|attivit[aà]))?\s*:|indicator[ei]\s+di\s+(?:risultato|performance)|indicator[ei]\s*(?=\n|$)/iu,
    scope: "line",
  },
  {
    field: "criticalities",
    re: /criticit[aà](?:\s+(?:riscontrate|rilevate|previste))?\s*:|criticit[aà](?:\s+(?:riscontrate|rilevate|previste))?\s*(?=\n|$)/iu,
    scope: "line",
  },
  // Key-value tables: a cell holding only the label, its value in the next cell.
  {
    field: "area",
    re: /^\s*(?:area|settore|servizio|struttura|ufficio|unit[aà] organizzativa|centro di responsabilit[aà]|cdr)(?:\s+(?:responsabile|competente|organizzativa|di\s+riferimento))?\s*:?\s*$/iu,
    scope: "whole",
  },
  {
    field: "manager",
    re: /^\s*(?:responsabile|dirigente|direttore|direttrice)(?:\s+(?:responsabile|(?:del(?:l['’]\s*|\s+)|di\s+)(?:settore|servizio|area|ufficio)))?\s*:?\s*$/iu,
    scope: "whole",
  },
  { field: "weight", re: /^\s*peso(?:\s+(?:dell['’]\s*)?obiettivo)?\s*(?:\(?%\)?)?\s*:?\s*$/iu, scope: "whole" },
  { field: "title", re: /^\s*(?:nome|titolo|denominazione)?\s*(?:dell['’]\s*)?obiettivo\s*:?\s*$/iu, scope: "whole" },
  { field: "title", re: /^\s*(?:nome|titolo|denominazione)\s*:?\s*$/iu, scope: "whole" },
  { field: "description", re: /^\s*descrizione\s*:?\s*$/iu, scope: "whole" },
  // "N.", "Numero obiettivo", "Obiettivo n." as a label cell.
  { field: "number", re: /^\s*(?:obiettivo\s+)?(?:n|nr|num|numero)\s*[.°º]*\s*(?:obiettivo)?\s*:?\s*$/iu, scope: "whole" },
  // A target or expected value (its own row of a key-value sheet) is the target of the indicators it measures.
  {
    field: "target",
    re: /^\s*(?:target|valore\s+(?:atteso|obiettivo)|risultat[oi]\s+attes[oi])(?:\s*(?:anno\s*)?\(?\s*(?:19|20)\d{2}\s*\)?)?\s*:?\s*$/iu,
    scope: "whole",
  },
  { field: "formula", re: /^\s*(?:formula|algoritmo(?:\s+di\s+calcolo)?|modalit[aà]\s+di\s+calcolo|metodo\s+di\s+calcolo)\s*:?\s*$/iu, scope: "whole" },
  {
    field: "baseline",
    re: /^\s*(?:baseline|valore\s+(?:di\s+partenza|storico|iniziale))(?:\s*\(?\s*(?:anno\s*)?(?:19|20)\d{2}\s*\)?)?\s*:?\s*$/iu,
    scope: "whole",
  },
  { field: "strategic", re: /^\s*(?:obiettivo|linea|indirizzo|area|ambito)\s+strategic[oa]\s*:?\s*$/iu, scope: "whole" },
  { field: "mission", re: /^\s*missione(?:\s*\/\s*programma)?\s*:?\s*$/iu, scope: "whole" },
  { field: "programme", re: /^\s*programma\s*:?\s*$/iu, scope: "whole" },
  { field: "publicValue", re: /^\s*valore\s+pubblico(?:\s+atteso)?\s*:?\s*$/iu, scope: "whole" },
  { field: "indicators", re: /^\s*indicator[ei](?:\s+di\s+(?:risultato|performance))?\s*:?\s*$/iu, scope: "whole" },
  { field: "weight", re: /^\s*(?:grado\s+di\s+priorit[aà]|priorit[aà]|pesatura|punteggio)\s*:?\s*$/iu, scope: "whole" },
  { field: "title", re: /^\s*obiettivo\s+(?:operativo|gestionale|di\s+gestione|esecutivo|specifico)\s*:?\s*$/iu, scope: "whole" },
  // Rows of a key-value sheet the export has no field for; their value is not another field's.
  {
    field: "ignored",
    re: /^\s*(?:tipologia|tipo)(?:\s+(?:di\s+|dell['’]\s*)?obiettivo)?\s*(?::[^\n]*)?$|^\s*(?:unit[aà]\s+di\s+misura|fonte(?:\s+dei\s+dati)?|polarit[aà])\s*:?\s*$/iu,
    scope: "whole",
  },
  // The line above a phases table: it starts no field's value.
  {
    field: "ignored",
    re: /^\s*(?:(?:fasi|attivit[aà]|azioni|interventi|tempi)(?:\s+(?:e|ed)\s+(?:tempi|cronoprogramma|tempistica|scadenze|termini|fasi))?(?:\s+di\s+(?:attuazione|realizzazione))?|cronoprogramma(?:\s+(?:delle|degli)\s+(?:attivit[aà]|fasi|azioni|interventi))?|tempistica|piano\s+delle\s+attivit[aà])\s*:?\s*$/iu,
    scope: "whole",
  },
  {
    field: "ignored",
    re: /livello\s+di\s+attuazione\s*:?|consuntivo\s*:?|stato\s+di\s+attuazione\s*:?|(?:\d\s*[°º]\s*)?monitoraggio\s+(?:semestrale|conclusivo|intermedio|finale)\s*:?|note\s*:|valutazione\s*:?/iu,
    scope: "line",
  },
];
