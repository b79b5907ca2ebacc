/**
 * Decides a document's format from its bytes, not its name: offices rename
 * files freely (".pdf" that is really HTML, ".doc" that is DOCX).
 */
import { closeSync, openSync, readSync } from "node:fs";
import type { SourceFormat } from "./layout.js";

export type Sniffed = SourceFormat | "zip" | "encrypted-office" | "ole" | "binary";

/** OLE2 / Compound File Binary magic: old .doc/.xls and password-protected OOXML. */
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/**
 * Whether a file sniffs as a PDF (its first 1024 bytes, as the reader will sniff them), to
 * preload pdf.js for it. A file that cannot be read is not one: the reader reports it.
 */
export function sniffsAsPdf(file: string): boolean {
  const head = Buffer.alloc(1024);
  let fd: number;
  try {
    fd = openSync(file, "r");
  } catch {
    return false;
  }
  try {
    return sniffFormat(head.subarray(0, readSync(fd, head, 0, head.length, 0))) === "pdf";
  } catch {
    return false;
  } finally {
    closeSync(fd);
  }
}

export function sniffFormat(bytes: Uint8Array): Sniffed {
  const head = Buffer.from(bytes.subarray(0, 1024));
  // %PDF may be preceded by a little junk (the spec tolerates 1024 bytes).
  if (head.includes("%PDF-")) return "pdf";
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) {
    return Buffer.from(bytes).includes("word/document.xml") ? "docx" : "zip";
  }
  if (CFB_MAGIC.every((b, i) => head[i] === b)) {
    // An encrypted DOCX is a CFB file holding an "EncryptedPackage" stream (MS-OFFCRYPTO 2.3.4.4);
    // directory names are UTF-16LE.
    return Buffer.from(bytes).includes(Buffer.from("EncryptedPackage", "utf16le")) ? "encrypted-office" : "ole";
  }
  const utf16 = head[0] === 0xff && head[1] === 0xfe ? "utf-16le" : head[0] === 0xfe && head[1] === 0xff ? "utf-16be" : null;
  if (!utf16 && looksBinary(head)) return "binary";
  const text = (utf16 ? new TextDecoder(utf16).decode(head.subarray(2)) : head.toString("utf8"))
    .replace(/^\uFEFF/, "")
    .trimStart()
    .slice(0, 512)
    .toLowerCase();
  if (/^<!doctype html|^<html|^<\?xml[^>]*>\s*<html|<html[\s>]|<body[\s>]|<table[\s>]/.test(text)) return "html";
  return "text";
}

function looksBinary(head: Buffer): boolean {
  let control = 0;
  for (const b of head) {
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20)) control++;
  }
  return control > head.length * 0.05;
}
