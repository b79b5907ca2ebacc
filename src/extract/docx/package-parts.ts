/**
 * The parts of a DOCX package by path: bytes, text or parsed XML, every
 * inflation capped by the reader limits (zip-package.ts) and every XML part's
 * nesting measured before it is parsed (markup-depth.ts). Damage becomes a
 * DocumentError naming the part; a limit passes through as LimitError.
 */
import type { ReaderLimits } from "../settings.js";
import { DocumentError, reasonOf } from "../../shared/errors.js";
import { checkMarkupDepth } from "../common/markup-depth.js";
import { checkLimit } from "../common/limits.js";
import { parseXmlPart, type XmlPart } from "./ooxml.js";
import { ZipFormatError, ZipPackage } from "./zip-package.js";

export class PackageParts {
  private constructor(
    private readonly zip: ZipPackage,
    private readonly file: string,
    private readonly limits: ReaderLimits,
  ) {}

  static open(bytes: Uint8Array, file: string, limits: ReaderLimits): PackageParts {
    try {
      return new PackageParts(ZipPackage.open(bytes, limits), file, limits);
    } catch (e) {
      if (e instanceof ZipFormatError) throw new DocumentError("corrupt", file, `is not a readable DOCX (damaged ZIP: ${e.message})`);
      throw e;
    }
  }

  text(path: string): string | null {
    const bytes = this.bytes(path);
    return bytes === null ? null : new TextDecoder("utf-8").decode(bytes).replace(/^\uFEFF/, "");
  }

  bytes(path: string): Uint8Array | null {
    try {
      return this.zip.read(path.replace(/^\/+/, ""));
    } catch (e) {
      if (!(e instanceof ZipFormatError)) throw e;
      throw new DocumentError("corrupt", this.file, `is not a readable DOCX (${reasonOf(e)})`);
    }
  }

  /** An XML part, parsed once its nesting is known to be within maxNestingDepth. */
  xml(path: string): XmlPart | null {
    const text = this.text(path);
    return text === null ? null : this.parse(text);
  }

  parse(text: string): XmlPart {
    checkLimit(this.limits, "maxMarkupChars", text.length, () => `an XML part of ${text.length} characters`);
    checkMarkupDepth(text, "xml", this.limits.maxNestingDepth);
    return parseXmlPart(text);
  }
}
