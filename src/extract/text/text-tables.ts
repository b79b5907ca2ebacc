/**
 * What both kinds of text conversion (tab-separated and space-aligned) do with
 * the tables they rebuild: join a table that runs over a page break, drop the
 * header rows a converter printed again after the break, and turn the rows into
 * a layout table with its id and row pages.
 */
import type { ReaderMessage, Table } from "../layout.js";
import { type TableLimits, buildGrid, type GridCellInput } from "../common/grid.js";
import { readerMessage } from "../common/pageless-document.js";
import { placeOf } from "../reader-message.js";

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

/** Dropped-header notes waiting for their table's id and final rows, per table being built. */
const droppedAt = new WeakMap<object, { message: ReaderMessage; at: object }[]>();

/**
 * The note that header rows (or lines) repeated after a page break were dropped
 * from `table`, where its rows from that page begin with the row `at`. The table's
 * id and that row's number are not known yet: `placeDropped` fills them in.
 */
export function droppedHeaderMessage(count: number, what: "row" | "line", page: number | null, table: object, at: object): ReaderMessage {
  const message = readerMessage(
    SOURCE,
    "REPEATED_HEADER_DROPPED",
    "info",
    `${count} header ${what}(s) repeated at the top of page ${page} were dropped from the continued table`,
    null,
    page,
  );
  droppedAt.set(table, [...(droppedAt.get(table) ?? []), { message, at }]);
  return message;
}

/**
 * Places the dropped-header notes of `table` once it is built: its id, and the row
 * (1-based) that now stands where the header was, counted among the rows `kept`
 * (a row left out, an empty one, passes the place on to the next kept row).
 */
export function placeDropped<R extends object>(table: object, id: string, rows: readonly R[], kept: (row: R) => boolean = () => true): void {
  const notes = droppedAt.get(table);
  if (!notes) return;
  // One pass: how many kept rows come before each row (a long table may have a note per page).
  const before = new Map<object, number>();
  let count = 0;
  for (const r of rows) {
    before.set(r, count);
    if (kept(r)) count++;
  }
  for (const { message, at } of notes) {
    message.table = id;
    const n = before.get(at);
    if (n !== undefined && n < count) message.row = n + 1;
  }
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
    // The page of the shortened cells' row where they share one (a table runs over pages), else the table's.
    const place = placeOf(grid.clipped);
    const page = place.row != null ? (rowPages[place.row - 1] ?? pageNumber) : pageNumber;
    messages.push(readerMessage(SOURCE, "TABLE_SPANS_OVERLAP", "warning", "cell spans overlapped and were shortened", id, page, place));
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
