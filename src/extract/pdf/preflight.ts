/**
 * A look at a PDF's raw bytes before pdf.js opens it: how much its compressed
 * (FlateDecode) streams inflate to. pdf.js inflates a stream whole when it is
 * used, so a small stream that inflates to gigabytes (a decompression bomb)
 * would take the process's memory; here each stream is inflated by node's
 * zlib with `maxOutputLength`, which stops at the limit instead of
 * materialising the bomb, and refused past `maxStreamBytes` (one stream) or
 * `maxInflatedBytes` (all of them).
 *
 * The scan is linear: every `stream` keyword, its dictionary's /Filter and
 * /Length (a direct /Length when it lands on `endstream`, else the next
 * `endstream`). Only streams whose first filter is FlateDecode are measured
 * (what every PDF writer uses); encrypted streams fail to inflate and are not
 * counted (pdf.js decrypts them: a known gap, see docs/reliability.md).
 * When no stream could inflate past the limits — deflate expands at most
 * 1032 times — nothing is inflated at all.
 */
import { constants, inflateSync } from "node:zlib";
import type { ReaderLimits } from "../settings.js";
import { LimitError } from "../common/limits.js";

/** Deflate's best case: 1032 output bytes per input byte (RFC 1951 maximal-length runs). */
const MAX_DEFLATE_RATIO = 1032;
/** How far before `stream` its dictionary is sought. */
const DICT_WINDOW = 4096;

export interface FlateStream {
  start: number;
  end: number;
}

export function preflightPdf(bytes: Uint8Array, limits: Pick<ReaderLimits, "maxStreamBytes" | "maxInflatedBytes">): void {
  const streams = flateStreams(bytes);
  const bound = (s: FlateStream): number => (s.end - s.start) * MAX_DEFLATE_RATIO + 1024;
  let totalBound = 0;
  for (const s of streams) totalBound += bound(s);
  if (totalBound <= limits.maxInflatedBytes && streams.every((s) => bound(s) <= limits.maxStreamBytes)) return;
  let total = 0;
  for (const s of streams) {
    const cap = Math.min(limits.maxStreamBytes, limits.maxInflatedBytes - total);
    total += inflatedSize(bytes, s, cap, limits, total);
  }
}

/** The stream's inflated size; LimitError past `cap`; 0 when it does not inflate (damaged, encrypted). */
function inflatedSize(
  bytes: Uint8Array,
  s: FlateStream,
  cap: number,
  limits: Pick<ReaderLimits, "maxStreamBytes" | "maxInflatedBytes">,
  total: number,
): number {
  try {
    return inflateSync(bytes.subarray(s.start, s.end), { maxOutputLength: Math.max(1, cap + 1), finishFlush: constants.Z_SYNC_FLUSH }).length;
  } catch (e) {
    if ((e as { code?: string }).code !== "ERR_BUFFER_TOO_LARGE") return 0;
    if (cap >= limits.maxStreamBytes) {
      throw new LimitError(
        "maxStreamBytes",
        limits.maxStreamBytes,
        `a compressed stream (at byte ${s.start}) inflating to more than ${limits.maxStreamBytes} bytes`,
      );
    }
    throw new LimitError(
      "maxInflatedBytes",
      limits.maxInflatedBytes,
      `compressed streams inflating to more than ${limits.maxInflatedBytes} bytes in all (${total} before the stream at byte ${s.start})`,
    );
  }
}

/** Where the data of each FlateDecode stream lies. */
export function flateStreams(bytes: Uint8Array): FlateStream[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: FlateStream[] = [];
  let pos = 0;
  for (;;) {
    const at = buf.indexOf("stream", pos, "latin1");
    if (at < 0) break;
    pos = at + 6;
    if (at >= 3 && buf.toString("latin1", at - 3, at) === "end") continue;
    let start = at + 6;
    if (buf[start] === 0x0d) start++;
    if (buf[start] === 0x0a) start++;
    else if (buf[start - 1] !== 0x0d) continue; // "stream" inside other text
    const dict = lastDictionary(buf.toString("latin1", Math.max(0, at - DICT_WINDOW), at));
    const end = streamEnd(buf, start, dict);
    pos = Math.max(pos, end);
    if (/\/Filter\s*\[?\s*\/(FlateDecode|Fl)\b/.test(dict)) out.push({ start, end });
  }
  return out;
}

/** The text from the stream's own object header ("N G obj") on. */
function lastDictionary(before: string): string {
  const obj = before.lastIndexOf("obj");
  return obj < 0 ? before : before.slice(obj);
}

function streamEnd(buf: Buffer, start: number, dict: string): number {
  const m = /\/Length\s+(\d{1,12})(?!\s+\d+\s+R)/.exec(dict);
  if (m) {
    const end = start + Number(m[1]);
    if (end <= buf.length && /^\s*endstream/.test(buf.toString("latin1", end, Math.min(buf.length, end + 16)))) return end;
  }
  const found = buf.indexOf("endstream", start, "latin1");
  return found < 0 ? buf.length : found;
}
