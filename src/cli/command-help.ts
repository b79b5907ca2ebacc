/** Each command's --help text (check keeps its own, beside its options). */
export const TABLES_HELP = `usage: piao tables FILE [--json | --csv] [--pages LIST] [--debug DIR] [--timeout SECONDS]

Prints the tables the reader rebuilt from FILE (pdf, docx, html, txt), page by
page: the view to see what the reader saw before anything is interpreted.
Spanned positions show as "<" (covered from the left) and "^" (from above);
[#] marks a shaded cell, [x] a drawn mark.

options:
  --json              the whole layout model (pages, text lines, tables, cells with
                      spans, shading, page and bounding box) as JSON
  --csv               one line per cell: table,page,row,col,rowSpan,colSpan,shaded,marked,text
  --pages LIST        only these pages, e.g. 3, 3-5 or 1,4-6 (a PDF reads only them, so
                      a table running on from an unlisted page starts where the list does)
  --debug DIR         PDF: write DIR/<name>.p<N>.svg per page drawing the rulings, merged
                      segments, intersections, cells, words, text columns and the tables
                      found over the page (docs/tables.md says how to read it)
  --timeout SECONDS   give up on the file after this long (default 120)
  --max-memory MB     heap limit of the worker reading the file (default 1024)
  --limit NAME=VALUE  raise a reader limit, e.g. maxTableCells=500000 (repeatable; docs/settings.md)

exit: 0 ok, 2 unreadable input or bad arguments, 3 internal error (docs/cli.md)`;

export const EXTRACT_HELP = `usage: piao extract FILE [--explain] [--expected-total N] [--timeout SECONDS]

Prints the plan in FILE as JSON, as shared/contract/plan-export.schema.json says:
units, objectives (summary row and objective sheet side by side), weights,
phases with their months, indicators, and the anomalies found. Anomalies are
data: they do not change the exit code.

options:
  --explain           instead of the JSON, show how the document was read: every block (text
                      line, table) with its class, the evidence for it and what it became (unit
                      heading, objective table, sheet, phases …), then the units and objectives
                      found; also shown for a document refused as having no objective
  --expected-total N  the total a unit's weights must reach when it has no TOTALE row (100)
  --timeout SECONDS   give up on the file after this long (default 120)
  --max-memory MB     heap limit of the worker reading the file (default 1024)
  --limit NAME=VALUE  raise a reader limit, e.g. maxTableCells=500000 (repeatable; docs/settings.md)

exit: 0 ok, 2 unreadable input (empty, corrupt, encrypted, not a plan, too large, too slow,
      not a regular file) or bad arguments, 3 internal error (docs/cli.md)`;

export const IMPORT_HELP = `usage: piao import PATH... [--db FILE] [--jobs N] [--timeout SECONDS]

Imports plan documents (files, or folders searched recursively for .pdf .docx
.html .htm .txt) into a SQLite database (docs/schema.md). Each document is stored
in one transaction; a file already imported (same sha256) is skipped; a new file
for the same body and year becomes the current version and the old one stays.

options:
  --db FILE           the database (default ./piao.sqlite; created when missing)
  --force-db          add piao's tables to a SQLite file that holds other tables
                      (refused without it: it belongs to another application)
  --jobs N            documents parsed at once, in worker threads (default: one
                      fewer than the cores, at least 1; maximum: the cores)
  --timeout SECONDS   give up on one file after this long (default 120)
  --max-memory MB     heap limit of each worker (default 1024); past it only that
                      file fails
  --limit NAME=VALUE  raise a reader limit, e.g. maxTableCells=500000 (repeatable; docs/settings.md)

Symbolic links are followed (a folder reached twice is searched once); named
pipes, devices and other special files are skipped and listed.

exit: 0 all imported or unchanged, 1 some file failed (each is listed) or a storage
      error stopped the import, 2 bad arguments or unusable database, 3 internal error`;
