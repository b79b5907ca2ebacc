/** Builds small DOCX packages in memory for reader tests (unit tests build XML in code, as mammoth's do). */
import JSZip from "jszip";

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";

export interface DocxParts {
  body: string;
  styles?: string;
  header?: string;
  footer?: string;
  /** Namespace prefix for WordprocessingML (generators do not all use "w"). */
  prefix?: string;
}

export async function makeDocx(parts: DocxParts): Promise<Uint8Array> {
  const p = parts.prefix ?? "w";
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`,
  );
  zip.file(
    "_rels/.rels",
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
  );
  const rels: string[] = [];
  let sect = "";
  if (parts.styles) {
    zip.file("word/styles.xml", `<${p}:styles xmlns:${p}="${W}">${parts.styles}</${p}:styles>`);
    rels.push(`<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>`);
  }
  if (parts.header) {
    zip.file("word/header1.xml", `<${p}:hdr xmlns:${p}="${W}">${parts.header}</${p}:hdr>`);
    rels.push(`<Relationship Id="rIdH" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/>`);
    sect += `<${p}:headerReference ${p}:type="default" r:id="rIdH"/>`;
  }
  if (parts.footer) {
    zip.file("word/footer1.xml", `<${p}:ftr xmlns:${p}="${W}">${parts.footer}</${p}:ftr>`);
    rels.push(`<Relationship Id="rIdF" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="/word/footer1.xml"/>`);
    sect += `<${p}:footerReference ${p}:type="default" r:id="rIdF"/>`;
  }
  zip.file(
    "word/_rels/document.xml.rels",
    `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>`,
  );
  zip.file(
    "word/document.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><${p}:document xmlns:${p}="${W}" xmlns:r="${R}" xmlns:mc="${MC}"><${p}:body>${parts.body}<${p}:sectPr>${sect}</${p}:sectPr></${p}:body></${p}:document>`,
  );
  return new Uint8Array(await zip.generateAsync({ type: "uint8array" }));
}

/** A paragraph with one plain run. */
export const para = (text: string, rPr = ""): string => `<w:p><w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ""}<w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

/** A table cell; `props` goes into w:tcPr. */
export const tc = (content: string, props = ""): string => `<w:tc><w:tcPr>${props}</w:tcPr>${content || "<w:p/>"}</w:tc>`;
export const tr = (cells: string, trPr = ""): string => `<w:tr>${trPr ? `<w:trPr>${trPr}</w:trPr>` : ""}${cells}</w:tr>`;
export const tbl = (rows: string): string => `<w:tbl><w:tblPr/>${rows}</w:tbl>`;
