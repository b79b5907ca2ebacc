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
  [/^(?:baseline|valore (?:di partenza|storico|iniziale|di riferimento)|situazione (?:di partenza|iniziale)|dato (?:storico|di partenza))\b/, "baseline"],
  [/^(?:target|valore (?:atteso|obiettivo|target)|risultat[oi] attes[oi]|obiettivo atteso|traguardo)\b/, "target"],
  [/^(?:n|nr|num|numero|cod|codice|id)\b|^obiettivo n\b|^n obiett/, "number"],
  [/indicator|misurator/, "indicators"],
  [/^note\b|osservazion/, "notes"],
  [/^(?:tempistica|tempi|scadenza|termine|data (?:fine|di conclusione|scadenza)|entro)\b/, "timing"],
  // A responsible-structure column: one table for every unit (PEG, PIAO).
  [
    /^(?:settore|area|servizio|struttura|unita organizzativa|u o c?|uo|cdr|centro di (?:responsabilita|costo)|direzione|ufficio|dipartimento)(?: (?:responsabile|competente|organizzativa|coinvolt[ao]|di riferimento|referente|titolare|capofila))*$|^(?:struttura|settore|servizio|ufficio|unita organizzativa|area) (?:responsabile|competente|organizzativa)\b/,
    "unit",
  ],
  [/^(?:responsabile|dirigente|direttore|direttrice|p o|e q|referente)(?: (?:responsabile|referente|incaricat[oa]|(?:del |dell |della )?(?:obiettivo|settore|servizio|area|struttura)))?$/, "manager"],
  [/stato di attuazione|giugno|settembre|dicembre|^3[01] (?:06|09|12)\b|monitoraggio|consuntivo|grado di raggiungimento|rendicontazione/, "status"],
  [/descrizione|titolo|obiettiv|denominazione|oggetto|azione strategica|progett/, "title"],
];

/** A header cell of a phases or activities table (not an objective table). */
export const PHASE_HEADER = /^(?:n |nr |num )?(?:descrizione )?(?:delle |della |dell )?(?:fasi|fase|attivita|azioni|azione|step)\b|tempificazione|cronoprogramma/;

/**
 * A heading that opens one objective's box or sheet, with its number:
 * "DESCRIZIONE OBIETTIVO 3", "OBIETTIVO N. 2", "Obiettivo operativo 1",
 * "Obiettivo gestionale n. 4", "Obiettivo 5:", "Scheda obiettivo n. 2".
 * Matched on the cleaned text (not a label key): the group is the number.
 */
export const OBJECTIVE_HEADING =
  /^\s*(?:scheda\s+(?:di\s+)?)?(?:descrizione\s+(?:dell['’]\s*)?)?obiettivo(?:\s+(?:operativo|gestionale|di\s+gestione|esecutivo|specifico|individuale|di\s+performance|di\s+peg|strategico))?\s*(?:n(?:r|um)?\s*[.°º]*\s*|numero\s*)?(\d{1,3})\s*(?:[.:\-–—)]\s*|$)/iu;

/** An objective label that introduces its text on the same line ("Obiettivo operativo: …"). */
export const OBJECTIVE_LINE_LABEL =
  /^\s*(?:obiettivo|descrizione\s+(?:dell['’]\s*)?obiettivo)(?:\s+(?:operativo|gestionale|di\s+gestione|esecutivo|specifico|individuale))?\s*:\s*/iu;

/** A strategic-level label on a sheet line ("Obiettivo strategico: …", "Linea strategica: …"). */
export const STRATEGIC_LINE_LABEL =
  /^\s*(?:obiettivo|linea|indirizzo|area|ambito)\s+strategic[oa]\s*(?:n\.?\s*\d+\s*)?[:\-–]\s*/iu;

export const MISSION_LINE_LABEL = /^\s*missione\s*(?:\/\s*programma)?\s*[:\-–]\s*/iu;
export const PROGRAMME_LINE_LABEL = /^\s*programma\s*[:\-–]\s*/iu;
export const PUBLIC_VALUE_LINE_LABEL = /^\s*valore\s+pubblico\s*[:\-–]\s*/iu;

/** Sheet lines that give an indicator's parts (S5 key–value sheets). */
export const TARGET_LINE_LABEL =
  /^\s*(?:target|valore\s+(?:atteso|obiettivo)|risultato\s+atteso\s+(?:al|per\s+il|nel)?\s*(?:19|20)\d{2})(?:\s*(?:anno\s*)?\(?\s*(?:19|20)\d{2}\s*\)?)?\s*[:\-–]\s*/iu;
export const BASELINE_LINE_LABEL =
  /^\s*(?:baseline|valore\s+(?:di\s+partenza|storico|iniziale)|dato\s+di\s+partenza)(?:\s*\(?\s*(?:anno\s*)?(?:19|20)\d{2}\s*\)?)?\s*[:\-–]\s*/iu;
export const FORMULA_LINE_LABEL = /^\s*(?:formula|algoritmo(?:\s+di\s+calcolo)?|modalit[aà]\s+di\s+calcolo|metodo\s+di\s+calcolo)\s*[:\-–]\s*/iu;

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

/** Words that start a unit's name when it is a heading of its own ("SERVIZI FINANZIARI", "AREA TECNICA"). */
export const UNIT_WORDS = /^(?:area|settore|servizi?|ufficio|direzione|dipartimento|u\.?\s?o\.?\s?c?\.?|unit[aà]|polizia|corpo|segreteria|ragioneria)\b/iu;

/** What a document calls itself, first match on the first pages wins (docs/families.md). */
// Acronyms are matched in capitals only ("pro" and "peg" are words too); names in any case.
export const PLAN_KINDS: ReadonlyArray<readonly [RegExp, "piao" | "peg" | "pdo" | "piano-performance" | "other"]> = [
  [/\bP\.?I\.?A\.?O\b|[Pp]iano\s+[Ii]ntegrato\s+di\s+[Aa]ttivit[aà]\s+e\s+(?:di\s+)?[Oo]rganizzazione|PIANO\s+INTEGRATO\s+DI\s+ATTIVIT[AÀ]/u, "piao"],
  [/\bP\.?E\.?G\b|[Pp]iano\s+[Ee]secutivo\s+di\s+[Gg]estione|PIANO\s+ESECUTIVO\s+DI\s+GESTIONE/u, "peg"],
  [/\bP\.?D\.?O\b|[Pp]iano\s+[Dd]ettagliato\s+degli\s+[Oo]biettivi|PIANO\s+DETTAGLIATO\s+DEGLI\s+OBIETTIVI/u, "pdo"],
  [/piano\s+(?:triennale\s+)?(?:della|delle)\s+performance/iu, "piano-performance"],
  [/\bP\.?R\.?O\b|[Pp]iano\s+delle\s+[Rr]isorse\s+e\s+degli\s+[Oo]biettivi|PIANO\s+DELLE\s+RISORSE|[Oo]biettivi\s+di\s+[Gg]estione|OBIETTIVI\s+DI\s+GESTIONE/u, "other"],
];

/** Objectives declared to run over several years: an end year past the period is expected. */
export const MULTI_YEAR = /^(?:biennale|triennale|pluriennale)$/;

/** Words of prose around a plan that a heading is not (a deliberation, a signature block). */
export const SIGNATURE_LINE = /^\s*(?:il|la)\s+(?:segretari[oa]|sindac[oa]|president[ea]|dirigente|direttore|responsabile)\b[^\n]{0,40}$|^\s*(?:firmato|f\.to)\b/iu;
