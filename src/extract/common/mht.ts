/**
 * The HTML of a MIME HTML archive (.mht / .mhtml, RFC 2557): what Word embeds
 * as an altChunk when HTML is pasted through some tools, and what "Save as
 * Single File Web Page" writes. Only the first text/html part is wanted (images
 * and CSS parts are not read); its transfer encoding and charset are undone.
 */
import { decodeWindows1252 } from "./windows-1252.js";

/** The first text/html part, decoded; null when the archive holds none. */
export function mhtHtml(archive: string): string | null {
  const head = splitHead(archive);
  const type = header(head.headers, "content-type") ?? "";
  if (/^\s*text\/html/i.test(type)) return decodeBody(head.headers, head.body);
  const boundary = /boundary\s*=\s*(?:"([^"]+)"|([^;\s]+))/i.exec(type);
  const marker = boundary?.[1] ?? boundary?.[2];
  if (!marker) return null;
  for (const part of archive.split(`--${marker}`).slice(1)) {
    if (part.startsWith("--")) break; // closing delimiter
    const p = splitHead(part.replace(/^\r?\n/, ""));
    if (/^\s*text\/html/i.test(header(p.headers, "content-type") ?? "")) return decodeBody(p.headers, p.body);
  }
  return null;
}

function splitHead(text: string): { headers: string; body: string } {
  const m = /\r?\n\r?\n/.exec(text);
  if (!m) return { headers: text, body: "" };
  return { headers: text.slice(0, m.index), body: text.slice(m.index + m[0].length) };
}

/** A header's value, folded continuation lines joined. */
function header(headers: string, name: string): string | undefined {
  const unfolded = headers.replace(/\r?\n[ \t]+/g, " ");
  for (const line of unfolded.split(/\r?\n/)) {
    const i = line.indexOf(":");
    if (i > 0 && line.slice(0, i).trim().toLowerCase() === name) return line.slice(i + 1).trim();
  }
  return undefined;
}

function decodeBody(headers: string, body: string): string {
  const encoding = (header(headers, "content-transfer-encoding") ?? "").toLowerCase();
  const charset = (/charset\s*=\s*"?([^";\s]+)/i.exec(header(headers, "content-type") ?? "")?.[1] ?? "utf-8").toLowerCase();
  let bytes: Uint8Array;
  if (encoding === "base64") bytes = new Uint8Array(Buffer.from(body.replace(/\s+/g, ""), "base64"));
  else if (encoding === "quoted-printable") bytes = quotedPrintable(body);
  else return body;
  if (charset === "windows-1252" || charset === "iso-8859-1" || charset === "us-ascii") return decodeWindows1252(bytes);
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return new TextDecoder("utf-8").decode(bytes);
  }
}

function quotedPrintable(body: string): Uint8Array {
  const text = body.replace(/=\r?\n/g, ""); // soft line breaks
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === "=" && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      out.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      const code = ch.charCodeAt(0);
      if (code < 0x100) out.push(code);
      else out.push(...Buffer.from(ch, "utf-8"));
    }
  }
  return Uint8Array.from(out);
}
