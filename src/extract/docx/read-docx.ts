/**
 * DOCX reader. The tables and paragraphs come from the WordprocessingML itself
 * (word/document.xml, unzipped by zip-package.ts, parsed by htmlparser2 in XML mode: common/markup-dom.ts), not from
 * a converter's HTML: mammoth's, for one, drops cell shading (w:shd, a common way to mark
 * Gantt months), loses some vertical merges and ignores header/footer parts, which are
 * exactly the things a plan's tables depend on. Every word of the body's text elements,
 * counted without regard to structure, is checked against the layout afterwards
 * (coverage-check.ts), so content in an element this reader does not know is reported
 * instead of silently lost.
 *
 * DOCX has no pages: one LayoutPage numbered null; the running header/footer
 * parts referenced by the section properties go to page.header/footer.
 *
 * The jobs around the body live beside this file: the package and its limits
 * (zip-package.ts, package-parts.ts), relationships (relationships.ts),
 * embedded chunks (alt-chunks.ts), headers and footers (header-footer.ts)
 * and the word-coverage check (coverage-check.ts).
 */
import type { Element } from "domhandler";
import type { Block, LayoutDocument, ReaderMessage } from "../layout.js";
import type { ReaderSettings } from "../settings.js";
import { DocumentError } from "../../shared/errors.js";
import { buildGrid, flowTable, type TableLimits } from "../common/grid.js";
import { asDocumentError } from "../common/limits.js";
import { pagelessDocument, readerMessage } from "../common/pageless-document.js";
import { type GridPosition, placeOf } from "../reader-message.js";
import { readAltChunks } from "./alt-chunks.js";
import { coverageCheck } from "./coverage-check.js";
import { chunkOfNote, ORPHAN_MERGE, readBlocks, readTableRows, type DocxContext } from "./docx-blocks.js";
import { DocxStyles } from "./docx-styles.js";
import { regionLines } from "./header-footer.js";
import { Names } from "./ooxml.js";
import { PackageParts } from "./package-parts.js";
import { scannedPageImages } from "./page-images.js";
import { mainDocumentPath, relationships, relTargets } from "./relationships.js";

const SOURCE = "docx-reader";

/** An embedded DOCX (w:altChunk) is read with this reader; one embedded in that one no further. */
const MAX_CHUNK_DEPTH = 2;

export async function readDocx(bytes: Uint8Array, file: string, opts: ReaderSettings, depth = 0): Promise<LayoutDocument> {
  try {
    return await readPackage(bytes, file, opts, depth);
  } catch (e) {
    throw asDocumentError(e, file);
  }
}

async function readPackage(bytes: Uint8Array, file: string, opts: ReaderSettings, depth: number): Promise<LayoutDocument> {
  const parts = PackageParts.open(bytes, file, opts);
  const mainPath = mainDocumentPath(parts) ?? "word/document.xml";
  const doc = parts.xml(mainPath);
  if (doc === null) throw new DocumentError("corrupt", file, `is not a readable DOCX (no ${mainPath} in the package)`);
  const rels = relationships(parts, mainPath);
  const stylesPath = relTargets(rels, "styles")[0] ?? "word/styles.xml";
  const styles = DocxStyles.parse(parts.xml(stylesPath));

  const ctx: DocxContext = { w: new Names(doc.w), mc: new Names(doc.mc), styles, hidden: [] };
  const body = ctx.w.child(doc.root ?? undefined, "body");
  if (!body) throw new DocumentError("corrupt", file, "is not a readable DOCX (the document part has no body)");

  const inner = depth < MAX_CHUNK_DEPTH ? (b: Uint8Array, f: string) => readDocx(b, f, opts, depth + 1) : null;
  const chunks = await readAltChunks(parts, rels, ctx, body, file, opts, inner, SOURCE);
  ctx.chunks = chunks.read;
  const out = new DocxBodyReader(ctx, opts);
  out.messages.push(...chunks.messages);
  // The nesting of the part was bounded before parsing (maxNestingDepth), which bounds this walk's recursion.
  out.read(body);
  for (const [relId, m] of chunks.unread) out.placeUnreadChunk(relId, m);
  for (const [relId, said] of chunks.said) out.messages.push(...said.map((m) => out.placeChunkMessage(relId, m)));
  const header = regionLines(parts, rels, body, ctx, "header");
  const footer = regionLines(parts, rels, body, ctx, "footer");
  const messages = [...out.messages, ...scannedPageImages(ctx, body, opts.docx, SOURCE), ...coverageCheck(ctx, body, out.blocks, ctx.hidden, opts)];
  return pagelessDocument("docx", file, out.blocks, header, footer, messages);
}

class DocxBodyReader {
  blocks: Block[] = [];
  messages: ReaderMessage[] = [];
  private tableCount = 0;

  constructor(
    private readonly ctx: DocxContext,
    private readonly limits: TableLimits,
  ) {}

  read(container: Element): void {
    readBlocks(this.ctx, container, {
      line: (l) => this.blocks.push({ kind: "line", text: l.text, page: null, bbox: null, fontSize: l.fontSize, bold: l.bold }),
      table: (tbl) => this.table(tbl),
      altChunk: (id) => this.chunk(id),
    });
  }

  /** Per embedded chunk placed in the body, its tables' ids: the chunk's own → this document's (where first placed). */
  private readonly chunkTables = new Map<string, Map<string, string>>();

  /** An embedded chunk's blocks in place, its tables numbered in this document's sequence. */
  private chunk(relId: string): void {
    this.placeChunk(relId, "body");
    const ids = this.chunkTables.has(relId) ? null : new Map<string, string>();
    if (ids) this.chunkTables.set(relId, ids);
    for (const b of this.ctx.chunks?.get(relId) ?? []) {
      if (b.kind === "table") {
        const id = `t${++this.tableCount}`;
        ids?.set(b.id, id);
        this.blocks.push({ ...b, id });
      } else this.blocks.push(b);
    }
  }

  /**
   * A message the reader of an embedded chunk gave, naming this document's table: the
   * chunk's table under its number here; none (nor row or column) where the chunk's
   * tables became lines (a chunk inside a cell) or the chunk was never placed.
   */
  placeChunkMessage(relId: string, m: ReaderMessage): ReaderMessage {
    const table = m.table === null ? undefined : this.chunkTables.get(relId)?.get(m.table);
    if (table !== undefined) return { ...m, table };
    const { row: _row, column: _column, ...rest } = m;
    return { ...rest, table: null };
  }

  /** Where each embedded part was placed: the cells holding it (table id and positions), or the body. */
  private readonly chunkPlaces = new Map<string, ({ table: string; cells: GridPosition[] } | "body")[]>();

  private placeChunk(relId: string, place: { table: string; cells: GridPosition[] } | "body"): void {
    this.chunkPlaces.set(relId, [...(this.chunkPlaces.get(relId) ?? []), place]);
  }

  /** The message about a part that cannot be read, placed at the table cell holding it where it is held in one table only. */
  placeUnreadChunk(relId: string, m: ReaderMessage): void {
    const places = this.chunkPlaces.get(relId) ?? [];
    const only = places.length === 1 ? places[0] : undefined;
    if (only === undefined || only === "body") return;
    m.table = only.table;
    Object.assign(m, placeOf(only.cells));
  }

  private table(tbl: Element): void {
    const nested: Element[] = [];
    const { rows, orphanMerges, cols } = readTableRows(this.ctx, tbl, nested);
    const grid = buildGrid(rows, [], cols, this.limits);
    const block = flowTable(grid, "docx", () => `t${++this.tableCount}`);
    if (block) {
      const id = block.id;
      this.blocks.push(block);
      for (const [key, cells] of grid.noted) {
        const relId = chunkOfNote(key);
        if (relId !== null) this.placeChunk(relId, { table: id, cells });
      }
      if (grid.clippedSpans > 0 || orphanMerges > 0) {
        this.messages.push(
          readerMessage(
            SOURCE,
            "TABLE_SPANS_OVERLAP",
            "warning",
            `${grid.clippedSpans + orphanMerges} cell merge(s) do not add up (overlapping spans or a vertical merge with no start); cell merging may be incorrect`,
            id,
            null,
            placeOf([...grid.clipped, ...(grid.noted.get(ORPHAN_MERGE) ?? [])]),
          ),
        );
      }
    }
    for (const inner of nested) this.table(inner);
  }
}
