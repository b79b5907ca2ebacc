/**
 * Control characters (C0 except tab and newline, DEL, C1) in a document's text
 * are replaced at the readers' edge, so that no plan text can drive the
 * terminal of whoever reads a report (ESC ] 0 ; … BEL sets the window title,
 * ESC [ 2 J clears the screen) or carry invisible bytes into the export and
 * the database. Carriage returns, vertical tabs and form feeds become line
 * breaks (they are line ends of other systems); every other one becomes
 * U+FFFD, so where text was changed stays visible, and a warning counts them.
 */
import type { LayoutDocument, ReaderMessage } from "../layout.js";
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
 * running headers and footers) and appends a warning per page where text was
 * changed, with the count.
 */
export function cleanLayoutText(layout: LayoutDocument, source: string): void {
  const messages: ReaderMessage[] = [];
  for (const page of layout.pages) {
    let replaced = 0;
    const clean = (s: string): string => {
      const c = replaceControlChars(s);
      replaced += c.replaced;
      return c.text;
    };
    page.header = page.header.map(clean);
    page.footer = page.footer.map(clean);
    for (const block of page.blocks) {
      if (block.kind === "line") {
        block.text = clean(block.text);
        continue;
      }
      for (const cell of block.cells) {
        cell.text = clean(cell.text);
        for (const line of cell.lines ?? []) line.text = clean(line.text);
      }
    }
    if (replaced > 0) {
      messages.push(
        readerMessage(
          source,
          "CONTROL_CHARACTERS",
          "warning",
          `${replaced} control character(s) in the text (terminal escape codes or binary bytes) were replaced by U+FFFD`,
          null,
          page.number,
        ),
      );
    }
  }
  layout.messages.push(...messages);
}
