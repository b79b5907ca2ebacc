/**
 * The labels of an objective sheet, as a dispatch table. Text is split at every
 * label it contains: what follows a label, up to the next label, is that
 * label's value. "line" labels count only at the start of a line (so a phrase
 * inside a description is not taken for a field); "inline" labels count
 * anywhere ("Nome obiettivo: … Annuale/Plurienn.: annuale ; Anno di prev.
 * conclusione: 2024").
 */
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

interface LabelRule {
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
  { field: "baseline", re: /(?:baseline|valore\s+(?:di\s+partenza|storico|iniziale)|dato\s+di\s+partenza)(?:\s*\(?\s*(?:anno\s*)?(?:19|20)\d{2}\s*\)?)?\s*:/iu, scope: "line" },
  { field: "number", re: /numero\s+(?:obiettivo\s*)?:?\s*(?=\d)/iu, scope: "line" },
  { field: "title", re: /(?:nome|titolo|denominazione|descrizione\s+sintetica)\s+(?:dell['’]\s*)?obiettivo\s*[:.]?/iu, scope: "inline" },
  { field: "title", re: /obiettivo(?:\s+(?:operativo|gestionale|di\s+gestione|esecutivo|specifico|individuale))?\s*:/iu, scope: "line" },
  { field: "weight", re: /peso\s+(?:dell['’]\s*|del\s+)?obiettivo\s*(?:\(?%\)?)?\s*:?|pesatura\s*:?|peso\s*(?:\(?%\)?)?\s*:|grado\s+di\s+priorit[aà]\s*:?|priorit[aà]\s*:|punteggio\s*:/iu, scope: "line" },
  // A conversion may run header fields together on one line: with their colon they count anywhere.
  { field: "weight", re: /peso\s+dell['’]\s*obiettivo\s*:/iu, scope: "inline" },
  { field: "manager", re: /responsabile\s*:/iu, scope: "inline" },
  { field: "area", re: /(?:area|settore|servizi?|ufficio|u\.\s?o\.|direzione|dipartimento|struttura|centro\s+di\s+responsabilit[aà]|cdr|unit[aà]\s+organizzativa)(?:\s+(?:responsabile|competente|organizzativa|di\s+riferimento))?\s*:/iu, scope: "line" },
  { field: "resources", re: /risorse\s*:/iu, scope: "inline" },
  // "Responsabile del servizio:", "Resp. Servizio:", "Dirigente di settore:".
  { field: "manager", re: /(?:responsabile|resp\.|dirigente|direttore|direttrice|p\.\s?o\.|e\.\s?q\.)\s*(?:(?:del(?:l['’]\s*|\s+)|di\s+|d['’]\s*)?(?:servizio|settore|area|ufficio))?\s*:/iu, scope: "line" },
  { field: "projectManager", re: /project\s+manager\s*:?/iu, scope: "inline" },
  { field: "duration", re: /annuale\s*\/\s*plurienn(?:\.|ale)?\s*:?|durata\s*:/iu, scope: "inline" },
  { field: "endYear", re: /(?:anno\s+di\s+)?prev(?:\.|isione|isto|ista)?\s*(?:(?:19|20)\d{2}\s*)?(?:di\s+)?conclusione\s*:?/iu, scope: "inline" },
  // "Anno di prev." | "conclusione: 2024" split across cells or lines.
  { field: "endYear", re: /conclusione\s*:/iu, scope: "line" },
  { field: "ignored", re: /anno\s+di(?:\s+prev(?:\.|isione|isto|ista)?)?\s*$/iu, scope: "inline" },
  { field: "intersectoral", re: /obiettivo\s+(?:intersettoriale|trasversale)/iu, scope: "inline" },
  { field: "description", re: /descrizione\s+(?:dei\s+|del\s+)?risultat[oi]\s+attes[oi]\s*[:.]?|risultat[oi]\s+attes[oi]\s*:|descrizione\s+(?:dell['’]\s*)?obiettivo\s*[:.]?|descrizione\s*:/iu, scope: "line" },
  // A label has a colon, a qualifier or a line of its own: "Indicatore annuale di ritardo…" is an item.
  { field: "indicators", re: /indicator[ei](?:\s+di\s+(?:risultato|performance|attivit[aà]))?\s*:|indicator[ei]\s+di\s+(?:risultato|performance)|indicator[ei]\s*(?=\n|$)/iu, scope: "line" },
  { field: "criticalities", re: /criticit[aà](?:\s+(?:riscontrate|rilevate|previste))?\s*:|criticit[aà](?:\s+(?:riscontrate|rilevate|previste))?\s*(?=\n|$)/iu, scope: "line" },
  // Key-value tables: a cell holding only the label, its value in the next cell.
  { field: "area", re: /^\s*(?:area|settore|servizio|struttura|ufficio|unit[aà] organizzativa|centro di responsabilit[aà]|cdr)(?:\s+(?:responsabile|competente|organizzativa|di\s+riferimento))?\s*:?\s*$/iu, scope: "whole" },
  { field: "manager", re: /^\s*(?:responsabile|dirigente|direttore|direttrice)(?:\s+(?:responsabile|(?:del(?:l['’]\s*|\s+)|di\s+)(?:settore|servizio|area|ufficio)))?\s*:?\s*$/iu, scope: "whole" },
  { field: "weight", re: /^\s*peso(?:\s+(?:dell['’]\s*)?obiettivo)?\s*(?:\(?%\)?)?\s*:?\s*$/iu, scope: "whole" },
  { field: "title", re: /^\s*(?:nome|titolo|denominazione)?\s*(?:dell['’]\s*)?obiettivo\s*:?\s*$/iu, scope: "whole" },
  { field: "title", re: /^\s*(?:nome|titolo|denominazione)\s*:?\s*$/iu, scope: "whole" },
  { field: "description", re: /^\s*descrizione\s*:?\s*$/iu, scope: "whole" },
  // "N.", "Numero obiettivo", "Obiettivo n." as a label cell.
  { field: "number", re: /^\s*(?:obiettivo\s+)?(?:n|nr|num|numero)\s*[.°º]*\s*(?:obiettivo)?\s*:?\s*$/iu, scope: "whole" },
  // A target or expected value (its own row of a key-value sheet) is the target of the indicators it measures.
  { field: "target", re: /^\s*(?:target|valore\s+(?:atteso|obiettivo)|risultat[oi]\s+attes[oi])(?:\s*(?:anno\s*)?\(?\s*(?:19|20)\d{2}\s*\)?)?\s*:?\s*$/iu, scope: "whole" },
  { field: "formula", re: /^\s*(?:formula|algoritmo(?:\s+di\s+calcolo)?|modalit[aà]\s+di\s+calcolo|metodo\s+di\s+calcolo)\s*:?\s*$/iu, scope: "whole" },
  { field: "baseline", re: /^\s*(?:baseline|valore\s+(?:di\s+partenza|storico|iniziale))(?:\s*\(?\s*(?:anno\s*)?(?:19|20)\d{2}\s*\)?)?\s*:?\s*$/iu, scope: "whole" },
  { field: "strategic", re: /^\s*(?:obiettivo|linea|indirizzo|area|ambito)\s+strategic[oa]\s*:?\s*$/iu, scope: "whole" },
  { field: "mission", re: /^\s*missione(?:\s*\/\s*programma)?\s*:?\s*$/iu, scope: "whole" },
  { field: "programme", re: /^\s*programma\s*:?\s*$/iu, scope: "whole" },
  { field: "publicValue", re: /^\s*valore\s+pubblico(?:\s+atteso)?\s*:?\s*$/iu, scope: "whole" },
  { field: "indicators", re: /^\s*indicator[ei](?:\s+di\s+(?:risultato|performance))?\s*:?\s*$/iu, scope: "whole" },
  { field: "weight", re: /^\s*(?:grado\s+di\s+priorit[aà]|priorit[aà]|pesatura|punteggio)\s*:?\s*$/iu, scope: "whole" },
  { field: "title", re: /^\s*obiettivo\s+(?:operativo|gestionale|di\s+gestione|esecutivo|specifico)\s*:?\s*$/iu, scope: "whole" },
  // Rows of a key-value sheet the export has no field for; their value is not another field's.
  { field: "ignored", re: /^\s*(?:tipologia|tipo)(?:\s+(?:di\s+|dell['’]\s*)?obiettivo)?\s*(?::[^\n]*)?$|^\s*(?:unit[aà]\s+di\s+misura|fonte(?:\s+dei\s+dati)?|polarit[aà])\s*:?\s*$/iu, scope: "whole" },
  // The line above a phases table: it starts no field's value.
  { field: "ignored", re: /^\s*(?:(?:fasi|attivit[aà]|azioni|interventi|tempi)(?:\s+(?:e|ed)\s+(?:tempi|cronoprogramma|tempistica|scadenze|termini|fasi))?(?:\s+di\s+(?:attuazione|realizzazione))?|cronoprogramma(?:\s+(?:delle|degli)\s+(?:attivit[aà]|fasi|azioni|interventi))?|tempistica|piano\s+delle\s+attivit[aà])\s*:?\s*$/iu, scope: "whole" },
  {
    field: "ignored",
    re: /livello\s+di\s+attuazione\s*:?|consuntivo\s*:?|stato\s+di\s+attuazione\s*:?|(?:\d\s*[°º]\s*)?monitoraggio\s+(?:semestrale|conclusivo|intermedio|finale)\s*:?|note\s*:|valutazione\s*:?/iu,
    scope: "line",
  },
];

export interface LabelledPart {
  field: SheetField | null;
  /** The label as printed ("" for text before the first label). */
  label: string;
  value: string;
}

interface Hit {
  field: SheetField;
  start: number;
  end: number;
}

function isLineStart(text: string, i: number): boolean {
  const before = text.slice(0, i);
  const lineBefore = before.slice(before.lastIndexOf("\n") + 1).replace(/<[^>]*>/g, "");
  return /^[\s*•\-–"“]*$/.test(lineBefore);
}

/** The rules' patterns made global once (matchAll copies a regex before using it, so sharing is safe). */
const GLOBAL_RULES = SHEET_LABELS.map((rule) => ({
  rule,
  re: new RegExp(rule.re.source, rule.re.flags.includes("g") ? rule.re.flags : rule.re.flags + "g"),
}));

/**
 * The recognisers ask again about the same cell texts (is this a sheet? then read
 * it): remember recent answers. Bounded, and cleared when full.
 */
const MEMO_LIMIT = 1024;
const memo = new Map<string, ReadonlyArray<LabelledPart>>();

/** Split a fragment of sheet text at its labels. Text before the first label has field null. */
export function splitByLabels(text: string): LabelledPart[] {
  let parts = memo.get(text);
  if (parts === undefined) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    parts = split(text);
    memo.set(text, parts);
  }
  // Fresh objects: callers own what they get.
  return parts.map((p) => ({ ...p }));
}

function split(text: string): LabelledPart[] {
  const hits: Hit[] = [];
  for (const { rule, re } of GLOBAL_RULES) {
    for (const m of text.matchAll(re)) {
      const start = m.index ?? 0;
      if (rule.scope === "line" && !isLineStart(text, start)) continue;
      if (rule.scope === "whole" && (start !== 0 || m[0].length !== text.length)) continue;
      if (!startsWord(text, start)) continue;
      hits.push({ field: rule.field, start, end: start + m[0].length });
    }
  }
  hits.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const chosen: Hit[] = [];
  for (const h of hits) {
    const last = chosen[chosen.length - 1];
    if (last && h.start < last.end) continue;
    chosen.push(h);
  }
  const parts: LabelledPart[] = [];
  const head = text.slice(0, chosen[0]?.start ?? text.length);
  if (head.trim() !== "" || chosen.length === 0) parts.push({ field: null, label: "", value: head });
  chosen.forEach((h, i) => {
    const next = chosen[i + 1];
    parts.push({ field: h.field, label: text.slice(h.start, h.end), value: text.slice(h.end, next ? next.start : text.length) });
  });
  return parts;
}

function startsWord(text: string, i: number): boolean {
  return i === 0 || !/[\p{L}\d]/u.test(text[i - 1] ?? "");
}
