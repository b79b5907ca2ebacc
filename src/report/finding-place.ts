/**
 * Where a finding sits, in the catalogue's words, for every renderer (the text and
 * HTML reports, the served plan page): its page, then the layout table a reader's
 * finding names (as `piao tables` lists it) and the row and column within it, 1-based
 * as the export carries them. Only the parts the finding has: "p. 3, tabella p3-t1, riga 2".
 */
import type { Catalogue } from "./i18n/catalogue.js";

export interface Place {
  page: number | null;
  table?: string | null;
  row?: number | null;
  column?: number | null;
}

/** The table, row and column ("tabella p3-t1, riga 2, colonna 4"), or "" for a finding that names no table. */
export function tableRef(t: Catalogue, f: Omit<Place, "page">): string {
  if (f.table == null) return "";
  return [t.place.table(f.table), f.row != null ? t.place.row(f.row) : "", f.column != null ? t.place.column(f.column) : ""].filter((s) => s !== "").join(", ");
}

/** The whole place, page first ("p. 3, tabella p3-t1, riga 2"), or "" for a finding about the whole document. */
export function placeRef(t: Catalogue, f: Place): string {
  return [f.page === null ? "" : t.pageRef(f.page), tableRef(t, f)].filter((s) => s !== "").join(", ");
}
