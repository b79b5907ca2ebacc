/**
 * mammoth as an independent reading of the same body: its raw text is
 * compared with ours and a shortfall becomes a warning, so content in an
 * element this reader does not know is reported instead of silently lost.
 * When mammoth itself fails, the check could not be made: that is a warning
 * too (our own reading stands; it is no reason to reject the file).
 */
import mammoth from "mammoth";
import type { Block, ReaderMessage } from "../layout.js";
import type { ReaderSettings } from "../settings.js";
import { reasonOf } from "../../shared/errors.js";
import { readerMessage } from "../common/pageless-document.js";

const SOURCE = "docx-reader";

/** Words of three or more letters/digits, lower-cased, with their counts. */
function wordCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of text.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? []) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

/** mammoth keeps hidden runs; we leave them out on purpose, so they count as read. */
export async function coverageCheck(bytes: Uint8Array, blocks: Block[], hidden: string[], opts: ReaderSettings): Promise<ReaderMessage[]> {
  let raw: string;
  try {
    raw = (await mammoth.extractRawText({ buffer: Buffer.from(bytes) })).value;
  } catch (e) {
    return [
      readerMessage(
        SOURCE,
        "DOCX_CROSS_CHECK_FAILED",
        "warning",
        `the cross-check of the body's words with mammoth could not be made (${reasonOf(e).slice(0, 120)}); content this reader does not know may be missing unnoticed`,
      ),
    ];
  }
  const ours = wordCounts([...blocks.map((b) => (b.kind === "line" ? b.text : b.cells.map((c) => c.text).join("\n"))), ...hidden].join("\n"));
  const theirs = wordCounts(raw);
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
