/**
 * Writes tiny real PDFs by hand (PDF 1.4 syntax, correct xref) so tests run
 * pdf.js on known geometry without LibreOffice. Coordinates are PDF user
 * space (origin bottom-left).
 */
export interface PageSpec {
  width?: number;
  height?: number;
  rotate?: number;
  content: string;
  /** Form XObjects the content can paint by name (`/Fm1 Do`), with the page's fonts. */
  forms?: Record<string, { bbox: [number, number, number, number]; matrix?: number[]; content: string }>;
}

export interface BuildOptions {
  /** Adds a Standard security handler whose empty user password does not open the file. */
  encrypted?: boolean;
}

export function buildPdf(pages: PageSpec[], opts: BuildOptions = {}): Uint8Array {
  const objs: string[] = [];
  const kids: number[] = [];
  // 1 catalog, 2 pages, 3 Helvetica, 4 Helvetica-Bold, then page + content pairs
  objs[3] = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";
  objs[4] = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>";
  let n = 5;
  const fonts = "/Font << /F1 3 0 R /F2 4 0 R >>";
  for (const p of pages) {
    const pageId = n++,
      contentId = n++;
    kids.push(pageId);
    const w = p.width ?? 595,
      h = p.height ?? 842;
    let xobjects = "";
    for (const [name, f] of Object.entries(p.forms ?? {})) {
      const id = n++;
      objs[id] =
        `<< /Type /XObject /Subtype /Form /BBox [${f.bbox.join(" ")}]` +
        (f.matrix ? ` /Matrix [${f.matrix.join(" ")}]` : "") +
        ` /Resources << ${fonts} >> /Length ${Buffer.byteLength(f.content, "latin1")} >>\nstream\n${f.content}\nendstream`;
      xobjects += ` /${name} ${id} 0 R`;
    }
    objs[pageId] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${w} ${h}]` +
      (p.rotate ? ` /Rotate ${p.rotate}` : "") +
      ` /Resources << ${fonts}${xobjects ? ` /XObject <<${xobjects} >>` : ""} >> /Contents ${contentId} 0 R >>`;
    objs[contentId] = `<< /Length ${Buffer.byteLength(p.content, "latin1")} >>\nstream\n${p.content}\nendstream`;
  }
  objs[1] = "<< /Type /Catalog /Pages 2 0 R >>";
  objs[2] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(" ")}] /Count ${kids.length} >>`;
  let encryptRef = "";
  if (opts.encrypted) {
    const id = n++;
    const hex32 = (seed: number) => Array.from({ length: 32 }, (_, i) => ((i * 37 + seed) % 256).toString(16).padStart(2, "0")).join("");
    objs[id] = `<< /Filter /Standard /V 1 /R 2 /O <${hex32(11)}> /U <${hex32(5)}> /P -44 >>`;
    encryptRef = ` /Encrypt ${id} 0 R /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>]`;
  }
  let out = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n";
  const offsets: number[] = [];
  for (let i = 1; i < n; i++) {
    offsets[i] = Buffer.byteLength(out, "latin1");
    out += `${i} 0 obj\n${objs[i]}\nendobj\n`;
  }
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${n}\n0000000000 65535 f \n`;
  for (let i = 1; i < n; i++) out += `${String(offsets[i]).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${n} /Root 1 0 R${encryptRef} >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, "latin1"));
}

function round3(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/** Content-stream helpers. */
export const draw = {
  text(x: number, y: number, size: number, s: string, bold = false): string {
    const esc = s.replace(/([()\\])/g, "\\$1");
    return `BT /${bold ? "F2" : "F1"} ${size} Tf ${x} ${y} Td (${esc}) Tj ET\n`;
  },
  line(x0: number, y0: number, x1: number, y1: number, width = 0.5): string {
    return `${width} w ${x0} ${y0} m ${x1} ${y1} l S\n`;
  },
  fillRect(x: number, y: number, w: number, h: number, rgb: [number, number, number]): string {
    return `${rgb.join(" ")} rg ${x} ${y} ${w} ${h} re f 0 0 0 rg\n`;
  },
  /**
   * A ruled grid as Word 365 exports it: every cell edge a thin filled
   * rectangle (`t` thick) and every corner a small square, each its own `re f*`.
   * `ys` top to bottom; `omitH` lists indices into `ys` whose horizontal rule is
   * not drawn (a row the page break split, or a border given to the row below).
   */
  wordGrid(xs: number[], ys: number[], opts: { omitH?: number[]; t?: number } = {}): string {
    const t = opts.t ?? 0.48;
    const omit = new Set(opts.omitH ?? []);
    let s = "0 0 0 rg\n";
    ys.forEach((y, i) => {
      if (omit.has(i)) return;
      xs.forEach((x, k) => {
        s += `${x} ${y} ${t} ${t} re f*\n`;
        if (k + 1 < xs.length) s += `${x + t} ${y} ${round3(xs[k + 1]! - x - t)} ${t} re f*\n`;
      });
    });
    for (let i = 0; i + 1 < ys.length; i++) for (const x of xs) s += `${x} ${ys[i + 1]! + t} ${t} ${round3(ys[i]! - ys[i + 1]! - t)} re f*\n`;
    return s;
  },
  /** `content` drawn under a rectangular clip (`re W n`, or `re W* n` with evenOdd), inside q … Q. */
  clipped(x: number, y: number, w: number, h: number, content: string, evenOdd = false): string {
    return `q ${x} ${y} ${w} ${h} re W${evenOdd ? "*" : ""} n\n${content}Q\n`;
  },
  /** A grey inline image filling the box (a scanned sheet). */
  image(x: number, y: number, w: number, h: number): string {
    return `q ${w} 0 0 ${h} ${x} ${y} cm BI /W 2 /H 2 /CS /G /BPC 8 ID \x80\x40\x20\x10 EI Q\n`;
  },
  /** Full grid of stroked rulings over column xs and row ys (ys top to bottom or any order). */
  grid(xs: number[], ys: number[], width = 0.5): string {
    const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
    const [y0, y1] = [Math.min(...ys), Math.max(...ys)];
    let s = "";
    for (const y of ys) s += draw.line(x0, y, x1, y, width);
    for (const x of xs) s += draw.line(x, y0, x, y1, width);
    return s;
  },
};
