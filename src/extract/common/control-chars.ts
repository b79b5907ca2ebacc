/**
 * Control characters (C0 except tab and newline, DEL, C1) in a document's text
 * are replaced at the readers' edge, so that no plan text can drive the
 * terminal of whoever reads a report (ESC ] 0 ; … BEL sets the window title,
 * ESC [ 2 J clears the screen) or carry invisible bytes into the export and
 * the database. Carriage returns, vertical tabs and form feeds become line
 * breaks (they are line ends of other systems); every other one becomes
 * U+FFFD, so where text was changed stays visible, and a warning counts them.
 */
import type { Cell, LayoutDocument, ReaderMessage, Table } from "../layout.js";
import { type CellPlace, placeOf } from "../reader-message.js";
import { readerMessage } from "./pageless-document.js";

/** C0 controls other than tab (09) and newline (0A), DEL (7F) and C1 (80–9F). */
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
const LINE_ENDS = /\r\n?|[\u000B\u000C]/g;

export interface Cleaned {
  text: string;
  /** Characters replaced by U+FFFD (line ends turned into "\n" not counted). */
  replaced: number;
}

/** `text` without control characters (the one function every reader's output goes through). */
export function replaceControlChars(text: string): Cleaned {
  CONTROL.lastIndex = 0;
  if (!CONTROL.test(text)) return { text, replaced: 0 };
  let replaced = 0;
  const out = text.replace(LINE_ENDS, "\n").replace(CONTROL, () => {
    replaced++;
    return "\uFFFD";
  });
  return { text: out, replaced };
}

/**
 * Cleans every text of a layout in place (lines, cells and their lines,
 * running headers and footers) and appends warnings with the counts: one per
 * page for its text outside tables, and one per table, placed at the row and
 * column of the cells changed where they share one (reader-message.ts `placeOf`).
 */
export function cleanLayoutText(layout: LayoutDocument, source: string): void {
  const messages: ReaderMessage[] = [];
  const warn = (replaced: number, page: number | null, table: string | null, place: CellPlace = {}): void => {
    const where = table === null ? "in the text" : "in the table's cells";
    const reason = `${replaced} control character(s) ${where} (terminal escape codes or binary bytes) were replaced by U+FFFD`;
    messages.push(readerMessage(source, "CONTROL_CHARACTERS", "warning", reason, table, page, place));
  };
  for (const page of layout.pages) {
    let replaced = 0;
    const clean = (s: string): string => {
      const c = replaceControlChars(s);
      replaced += c.replaced;
      return c.text;
    };
    page.header = page.header.map(clean);
    page.footer = page.footer.map(clean);
    const tables: { table: Table; replaced: number; cells: Cell[] }[] = [];
    for (const block of page.blocks) {
      if (block.kind === "line") {
        block.text = clean(block.text);
        continue;
      }
      const changed: Cell[] = [];
      let inTable = 0;
      for (const cell of block.cells) {
        const before = replaced;
        cell.text = clean(cell.text);
        // A cell's lines repeat its text: cleaned the same, counted once (with the text).
        for (const line of cell.lines ?? []) line.text = replaceControlChars(line.text).text;
        if (replaced === before) continue;
        changed.push(cell);
        inTable += replaced - before;
        replaced = before;
      }
      if (inTable > 0) tables.push({ table: block, replaced: inTable, cells: changed });
    }
    if (replaced > 0) warn(replaced, page.number, null);
    for (const t of tables) warn(t.replaced, pageOf(t.cells, page.number), t.table.id, placeOf(t.cells));
  }
  layout.messages.push(...messages);
}

/** The page of the changed cells when they all lie on one (a table may run over several), else the table's. */
function pageOf(cells: readonly Cell[], fallback: number | null): number | null {
  const pages = new Set(cells.map((c) => c.page));
  return pages.size === 1 ? ([...pages][0] ?? fallback) : fallback;
}
