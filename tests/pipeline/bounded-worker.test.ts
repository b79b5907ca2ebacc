/** The reasons a worker's failure is shown with: the document's problem, never V8's text. */
import { describe, expect, it } from "vitest";
import { documentReason, internalReason, tooSlow } from "../../src/pipeline/bounded-worker.js";

describe("documentReason", () => {
  it("keeps a reader's own reason (a DocumentError, which has a kind)", () => {
    expect(documentReason({ name: "DocumentError", message: "is empty (0 bytes)", kind: "empty" })).toBe("is empty (0 bytes)");
  });
  it("keeps a third-party parser's message about the file", () => {
    expect(documentReason({ name: "Error", message: "Invalid PDF structure.\nmore", kind: undefined })).toBe("Invalid PDF structure.");
  });
  it("maps engine limits and programming errors to what they mean for the user", () => {
    expect(documentReason({ name: "RangeError", message: "Maximum call stack size exceeded", kind: undefined })).toBe(
      "could not be read: internal limit reached",
    );
    expect(documentReason({ name: "RangeError", message: "Invalid string length", kind: undefined })).toBe("could not be read: internal limit reached");
    expect(documentReason({ name: "TypeError", message: "Cannot read properties of undefined (reading 'x')", kind: undefined })).toBe(
      "could not be read: internal error in the reader; please report it",
    );
    expect(internalReason("Error", "Array buffer allocation failed")).toBe("internal limit reached");
  });
  it("says how long the limit was", () => {
    expect(tooSlow(120_000)).toBe("too slow: over 120 s");
    expect(tooSlow(500)).toBe("too slow: over 0.5 s");
  });
});
