import path from "node:path";
import { expect, it } from "vitest";
import { readDocument } from "../../../src/extract/read-document.js";
import { DocumentError } from "../../../src/shared/errors.js";
import { repoRoot } from "../common/golden.js";

it("refuses the bad HTML and DOCX fixtures with the expected kinds", async () => {
  for (const [file, kind] of [
    ["empty.html", "empty"],
    ["not-a-docx.docx", "unsupported"],
    ["random.bin", "unsupported"],
  ] as const) {
    const err = await readDocument(path.resolve(repoRoot, "fixtures/bad", file)).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(DocumentError);
    expect((err as DocumentError).kind).toBe(kind);
  }
});
