/** OOXML parts: WordprocessingML is known by its namespace URI, wherever the prefix is declared. */
import { describe, expect, it } from "vitest";
import { Names, parseXmlPart } from "../../../src/extract/docx/ooxml.js";

const WML = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

describe("parseXmlPart", () => {
  it("takes the prefixes the root binds to WordprocessingML, whatever they are", () => {
    const part = parseXmlPart(`<ns0:document xmlns:ns0="${WML}"><ns0:body><ns0:p/></ns0:body></ns0:document>`);
    expect([...part.w]).toEqual(["ns0"]);
  });

  it("also takes prefixes declared below the root (a fragment that declares its own)", () => {
    const xml =
      `<w:document xmlns:w="${WML}"><w:body>` +
      `<x:p xmlns:x="${WML}"><x:r><x:t>testo</x:t></x:r></x:p>` +
      `<w:p><w:r><w:t>altro</w:t></w:r></w:p></w:body></w:document>`;
    const part = parseXmlPart(xml);
    expect([...part.w].sort()).toEqual(["w", "x"]);
    const names = new Names(part.w);
    const body = names.child(part.root!, "body")!;
    expect(names.children(body, "p")).toHaveLength(2);
  });
});
