/**
 * A structure-blind count of the body's words, as a check on the reader: every
 * WordprocessingML text element (w:t) under the body, wherever it sits, is
 * counted, whatever element holds it. The reader walks the structure and reads
 * only the elements it knows (docx-blocks.ts); text inside one it does not know
 * would be lost silently, and this check makes the shortfall a warning.
 *
 * Left out of the count, as the reader leaves them out on purpose: tracked
 * deletions and moves-from (w:del, w:moveFrom; Word writes their text as
 * w:delText, some generators as w:t), rows and cells deleted with changes
 * tracked, and the alternatives of mc:AlternateContent the reader does not take
 * (the fallback repeats the choice's text). Hidden runs and placeholder prompts
 * are read and set aside by the reader (`hidden`): they count as read.
 *
 * It replaces a second reading of the whole package by mammoth, which cost about
 * as much CPU as the reading itself, and saw less: mammoth too skips elements it
 * does not know, so text in those was missed by both.
 */
import type { AnyNode, Element } from "domhandler";
import type { Block, ReaderMessage } from "../layout.js";
import type { ReaderSettings } from "../settings.js";
import { readerMessage } from "../common/pageless-document.js";
import { deletedRowOrCell, firstChoice, textOf } from "./docx-blocks.js";
import type { Names } from "./ooxml.js";

const SOURCE = "docx-reader";

/** The matchers of the part the body comes from (a DocxContext has them). */
export interface BodyNames {
  w: Names;
  mc: Names;
}

/** Words of three or more letters/digits, lower-cased, with their counts. */
function wordCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of text.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? []) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

/** The text of every w:t under `body` the reader is meant to read, in document order. */
export function bodyText(names: BodyNames, body: Element): string {
  const { w, mc } = names;
  const out: string[] = [];
  // Iterative: the part's nesting is bounded (maxNestingDepth), but a stack costs nothing here.
  const stack: AnyNode[] = [body];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.type !== "tag") continue;
    const local = w.local(node);
    if (local === "t") {
      out.push(textOf(node));
      continue;
    }
    if (local === "del" || local === "moveFrom" || deletedRowOrCell(w, node)) continue;
    let children: AnyNode[] = node.children;
    if (mc.is(node, "AlternateContent")) {
      const taken = firstChoice(names, node);
      children = taken ? [taken] : [];
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as AnyNode);
  }
  return out.join(" ");
}

/** A warning when fewer than `minWordCoverage` of the body's words are in the layout (or set aside as hidden). */
export function coverageCheck(names: BodyNames, body: Element, blocks: Block[], hidden: string[], opts: ReaderSettings): ReaderMessage[] {
  const ours = wordCounts([...blocks.map((b) => (b.kind === "line" ? b.text : b.cells.map((c) => c.text).join("\n"))), ...hidden].join("\n"));
  const theirs = wordCounts(bodyText(names, body));
  let total = 0;
  let missing = 0;
  const examples: string[] = [];
  for (const [word, n] of theirs) {
    total += n;
    const lack = n - (ours.get(word) ?? 0);
    if (lack > 0) {
      missing += lack;
      if (examples.length < 5) examples.push(word);
    }
  }
  if (total === 0 || (total - missing) / total >= opts.docx.minWordCoverage) return [];
  return [
    readerMessage(
      SOURCE,
      "DOCX_TEXT_DROPPED",
      "warning",
      `${missing} of ${total} words of the body were not read into the layout (e.g. ${examples.join(", ")}); some content may be missing`,
    ),
  ];
}
