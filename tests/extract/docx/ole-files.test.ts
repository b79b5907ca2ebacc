import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readDocument } from "../../../src/extract/read-document.js";
import { DocumentError } from "../../../src/shared/errors.js";

const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function cfbFile(name: string, streamNames: string[]): string {
  const header = Buffer.alloc(512);
  Buffer.from(CFB).copy(header);
  const dir = Buffer.concat(streamNames.map((s) => Buffer.concat([Buffer.from(s, "utf16le"), Buffer.alloc(128 - s.length * 2)])));
  const file = path.join(mkdtempSync(path.join(tmpdir(), "piao-ole-")), name);
  writeFileSync(file, Buffer.concat([header, Buffer.alloc(1024, 0xff), dir]));
  return file;
}

async function errorOf(file: string): Promise<DocumentError> {
  try {
    await readDocument(file);
  } catch (e) {
    if (e instanceof DocumentError) return e;
    throw e;
  }
  throw new Error("no error");
}

describe("OLE (Compound File) input", () => {
  it("reports a password-protected DOCX as encrypted", async () => {
    const e = await errorOf(cfbFile("piano.docx", ["Root Entry", "EncryptionInfo", "EncryptedPackage"]));
    expect(e.kind).toBe("encrypted");
    expect(e.message).toMatch(/password-protected Office document/);
  });

  it("reports an old .doc as unsupported, with what to do", async () => {
    const e = await errorOf(cfbFile("piano.doc", ["Root Entry", "WordDocument", "1Table"]));
    expect(e.kind).toBe("unsupported");
    expect(e.message).toMatch(/old Word \.doc/);
  });
});
