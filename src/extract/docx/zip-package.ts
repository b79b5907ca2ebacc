/**
 * The ZIP container of a DOCX (an OPC package), read from its central
 * directory with node's zlib: entry names, methods and sizes are public here,
 * so the package's cost is known before any part is inflated, and every
 * inflation is capped (zlib `maxOutputLength`), so a part whose header lies
 * about its size cannot blow up either.
 *
 * On opening, every entry is inflated once and measured against the limits
 * (maxPartBytes, maxUnzippedBytes, maxZipRatio): a package that unpacks to
 * gigabytes is refused as a whole, even where the bomb sits in a part the reader
 * would never open, and a directory that understates sizes gains nothing.
 * Stored (0) and deflated (8) entries are read; ZIP64 sizes and offsets are
 * understood; encrypted entries and other methods make the part unreadable.
 */
import { constants, crc32, inflateRawSync } from "node:zlib";
import type { ReaderLimits } from "../settings.js";
import { LimitError, checkLimit } from "../common/limits.js";

export class ZipFormatError extends Error {
  override readonly name = "ZipFormatError";
}

export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  /** As declared by the central directory (measured on opening: see openZipPackage). */
  size: number;
  localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** Below this, an unpacked package is small whatever its ratio (a short document compresses well). */
const RATIO_FLOOR_BYTES = 1024 * 1024;

type ZipLimits = Pick<ReaderLimits, "maxPartBytes" | "maxUnzippedBytes" | "maxZipRatio">;

export class ZipPackage {
  private readonly byName = new Map<string, ZipEntry>();

  private constructor(
    private readonly bytes: Uint8Array,
    readonly entries: ZipEntry[],
    private readonly limits: ZipLimits,
  ) {
    for (const e of entries) this.byName.set(e.name, e);
  }

  /** Reads the central directory and measures every entry against the limits. */
  static open(bytes: Uint8Array, limits: ZipLimits): ZipPackage {
    const pkg = new ZipPackage(bytes, centralDirectory(bytes), limits);
    pkg.measure();
    return pkg;
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  /** The part's bytes, or null when the package has no such part. */
  read(name: string): Uint8Array | null {
    const entry = this.byName.get(name);
    if (!entry) return null;
    const out = this.inflate(entry, this.limits.maxPartBytes);
    if (crc32(out) >>> 0 !== entry.crc) throw new ZipFormatError(`${name}: CRC mismatch (damaged data)`);
    return out;
  }

  text(name: string): string | null {
    const bytes = this.read(name);
    return bytes === null ? null : new TextDecoder("utf-8").decode(bytes);
  }

  private measure(): void {
    const { maxUnzippedBytes } = this.limits;
    let total = 0;
    for (const e of this.entries) {
      checkLimit(this.limits, "maxPartBytes", e.size, () => `a part (${e.name}) of ${e.size} bytes once unpacked`);
      total += e.size;
    }
    checkLimit(this.limits, "maxUnzippedBytes", total, () => `${total} bytes once unpacked`);
    // The declared sizes may lie: inflate each entry once, capped by what is left of the budget.
    total = 0;
    for (const e of this.entries) {
      if (e.name.endsWith("/")) continue;
      let size: number;
      try {
        size = this.inflate(e, Math.min(this.limits.maxPartBytes, maxUnzippedBytes - total)).length;
      } catch (err) {
        if (err instanceof LimitError) throw err;
        continue; // a damaged entry fails when (and if) it is read
      }
      total += size;
    }
    if (total > RATIO_FLOOR_BYTES) {
      const ratio = total / this.bytes.length;
      checkLimit(this.limits, "maxZipRatio", ratio, () => `${total} bytes unpacked from ${this.bytes.length} (${Math.round(ratio)} times)`);
    }
  }

  /** The entry's data, refused past `cap` bytes (which the caller names). */
  private inflate(e: ZipEntry, cap: number): Uint8Array {
    if ((e.flags & 1) !== 0) throw new ZipFormatError(`${e.name} is encrypted`);
    const data = this.entryData(e);
    if (e.method === 0) {
      if (data.length > cap) throw this.overCap(e, cap, data.length);
      return data;
    }
    if (e.method !== 8) throw new ZipFormatError(`${e.name} uses compression method ${e.method}`);
    try {
      return inflateRawSync(data, { maxOutputLength: Math.max(1, cap + 1), finishFlush: constants.Z_SYNC_FLUSH }).subarray(0);
    } catch (err) {
      if ((err as { code?: string }).code === "ERR_BUFFER_TOO_LARGE") throw this.overCap(e, cap, cap + 1);
      throw new ZipFormatError(`${e.name}: ${(err as Error).message}`);
    }
  }

  private overCap(e: ZipEntry, cap: number, found: number): LimitError {
    const part = cap >= this.limits.maxPartBytes;
    const limit = part ? "maxPartBytes" : "maxUnzippedBytes";
    return new LimitError(
      limit,
      this.limits[limit],
      part ? `a part (${e.name}) of more than ${found - 1} bytes once unpacked` : `more than ${this.limits.maxUnzippedBytes} bytes once unpacked`,
    );
  }

  private entryData(e: ZipEntry): Uint8Array {
    const b = this.bytes;
    const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
    const at = e.localHeaderOffset;
    if (at + 30 > b.length || view.getUint32(at, true) !== LOCAL) throw new ZipFormatError(`${e.name}: no local header`);
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const end = Math.min(b.length, start + e.compressedSize);
    if (start > b.length) throw new ZipFormatError(`${e.name}: truncated`);
    return b.subarray(start, end);
  }
}

/** The entries listed by the central directory. */
function centralDirectory(b: Uint8Array): ZipEntry[] {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const u16 = (o: number): number => view.getUint16(o, true);
  const u32 = (o: number): number => view.getUint32(o, true);
  const u64 = (o: number): number => Number(view.getBigUint64(o, true));
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (u32(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipFormatError("no end of central directory (truncated?)");
  let count = u16(eocd + 10);
  let offset = u32(eocd + 16);
  if ((count === 0xffff || offset === 0xffffffff) && eocd >= 20 && u32(eocd - 20) === ZIP64_LOCATOR) {
    const z = u64(eocd - 20 + 8);
    if (z + 56 > b.length || u32(z) !== ZIP64_EOCD) throw new ZipFormatError("damaged ZIP64 directory");
    count = u64(z + 32);
    offset = u64(z + 48);
  }
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > b.length || u32(p) !== CENTRAL) throw new ZipFormatError("damaged central directory");
    const nameLen = u16(p + 28);
    const extraLen = u16(p + 30);
    const commentLen = u16(p + 32);
    if (p + 46 + nameLen + extraLen > b.length) throw new ZipFormatError("damaged central directory");
    const entry: ZipEntry = {
      name: new TextDecoder("utf-8").decode(b.subarray(p + 46, p + 46 + nameLen)),
      flags: u16(p + 8),
      method: u16(p + 10),
      crc: u32(p + 16),
      compressedSize: u32(p + 20),
      size: u32(p + 24),
      localHeaderOffset: u32(p + 42),
    };
    readZip64Extra(b.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen), entry);
    entries.push(entry);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** ZIP64 extended information (header 0x0001): the 64-bit values of the fields set to 0xFFFFFFFF, in order. */
function readZip64Extra(extra: Uint8Array, e: ZipEntry): void {
  const view = new DataView(extra.buffer, extra.byteOffset, extra.byteLength);
  for (let q = 0; q + 4 <= extra.length; ) {
    const id = view.getUint16(q, true);
    const len = view.getUint16(q + 2, true);
    if (id === 0x0001) {
      let r = q + 4;
      const next = (): number => {
        if (r + 8 > q + 4 + len || r + 8 > extra.length) return 0xffffffff;
        const v = Number(view.getBigUint64(r, true));
        r += 8;
        return v;
      };
      if (e.size === 0xffffffff) e.size = next();
      if (e.compressedSize === 0xffffffff) e.compressedSize = next();
      if (e.localHeaderOffset === 0xffffffff) e.localHeaderOffset = next();
      return;
    }
    q += 4 + len;
  }
}
