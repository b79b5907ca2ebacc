/**
 * What both kinds of text conversion (tab-separated and space-aligned) do with
 * the tables they rebuild: join a table that runs over a page break, drop the
 * header rows a converter printed again after the break, and turn the rows into
 * a layout table with its id and row pages.
 */
import type { ReaderMessage, Table } from "../layout.js";
import { type TableLimits, buildGrid, type GridCellInput } from "../common/grid.js";
import { readerMessage } from "../common/pageless-document.js";

const SOURCE = "text-reader";

/**
 * Appends each page's opening table to the table that ended the page before,
 * when `join` accepts it (and does the joining). A page with nothing on it (a
 * blank page, or one whose content the conversion lost) ends any open table.
 */
export function stitchPages<B, T extends B>(perPage: B[][], isTable: (b: B) => b is T, join: (open: T, head: T, pageIndex: number) => boolean): void {
  let open: T | null = null;
  perPage.forEach((blocks, i) => {
    if (blocks.length === 0) {
      open = null;
      return;
    }
    const head = blocks[0]!;
    if (open && isTable(head) && join(open, head, i)) {
      blocks.shift();
      if (blocks.length === 0) return; // the table fills this page: still open
    }
    const last = blocks[blocks.length - 1]!;
    open = isTable(last) ? last : null;
  });
}

/**
 * How many opening items of the continuation repeat, in order, a run of items
 * of the table so far (header rows printed again after the break; they need not
 * be the table's very first rows when several blocks share one table). At least
 * one item of the continuation is always kept.
 */
export function repeatedRun<T>(soFar: ReadonlyArray<T>, next: ReadonlyArray<T>, same: (a: T, b: T) => boolean): number {
  let best = 0;
  for (let start = 0; start < soFar.length; start++) {
    let n = 0;
    while (n < next.length - 1 && start + n < soFar.length && same(soFar[start + n]!, next[n]!)) n++;
    best = Math.max(best, n);
  }
  return best;
}

/** The note that header rows (or lines) repeated after a page break were dropped. */
export function droppedHeaderMessage(count: number, what: "row" | "line", page: number | null): ReaderMessage {
  return readerMessage(
    SOURCE,
    "REPEATED_HEADER_DROPPED",
    "info",
    `${count} header ${what}(s) repeated at the top of page ${page} were dropped from the continued table`,
    null,
    page,
  );
}

/** Rows of cells → a layout table (method "text"), with a warning where spans had to be shortened. */
export function textTable(
  id: string,
  pageNumber: number,
  input: GridCellInput[][],
  rowPages: number[],
  pages: number[],
  messages: ReaderMessage[],
  limits: TableLimits,
  cols?: number,
): Table {
  const grid = buildGrid(input, rowPages, cols, limits);
  if (grid.clippedSpans > 0) {
    messages.push(readerMessage(SOURCE, "TABLE_SPANS_OVERLAP", "warning", "cell spans overlapped and were shortened", id, pageNumber));
  }
  return {
    kind: "table",
    id,
    method: "text",
    page: pageNumber,
    pages,
    bbox: null,
    rows: grid.rows,
    cols: grid.cols,
    rowPages,
    cells: grid.cells,
  };
}
