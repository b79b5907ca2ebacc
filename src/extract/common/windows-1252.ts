/**
 * Windows-1252 decoding. Node 20's TextDecoder("windows-1252") decodes bytes
 * 0x80–0x9F as C1 controls (ISO-8859-1) instead of the curly quotes, dashes
 * and € that Word's "Save as HTML" writes there, so those 32 bytes are mapped
 * here by the WHATWG table.
 */
const HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d,
  0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

export function decodeWindows1252(bytes: Uint8Array): string {
  let out = "";
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const codes = Array.from(bytes.subarray(i, i + CHUNK), (b) => (b >= 0x80 && b <= 0x9f ? (HIGH[b - 0x80] as number) : b));
    out += String.fromCharCode(...codes);
  }
  return out;
}
