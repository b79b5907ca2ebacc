#!/usr/bin/env node
/**
 * `npm run fuzz [-- --count N --seed S --limit-s SECONDS --out DIR --keep]` (`--summarize DIR`: the summary of an earlier or stopped run):
 * hostile and broken inputs made from the fixtures (fixtures/ and
 * ../shared/samples/) by deterministic mutations (seeded PRNG), each run
 * through `node bin/piao extract FILE` with the CLI's own limits, one at a
 * time. For each input: exit code, wall time, peak RSS, the first stderr line.
 *
 * A run fails on: a crash (exit 3, any exit other than 0 and 2, or a signal),
 * a stack trace or an internal reason ("Maximum call stack", "internal error")
 * in the output, a refusal of more than one line, a run over the time limit
 * (killed), or a peak RSS over --max-rss-mb (600). Not part of `npm test`.
 *
 * Peak RSS: the child is started with `--import scripts/fuzz-rss.mjs`, which
 * writes process.resourceUsage().maxRSS to a file on exit; /proc/PID/status
 * VmHWM is also polled, for a child that dies before it can write.
 *
 * Results: DIR/results.jsonl (one line per input) and a summary on stdout.
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { constants, crc32, deflateRawSync, deflateSync } from "node:zlib";
import JSZip from "jszip";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const { values } = parseArgs({
  options: {
    count: { type: "string", default: "1000" },
    seed: { type: "string", default: "1" },
    "limit-s": { type: "string", default: "60" },
    "max-rss-mb": { type: "string", default: "600" },
    out: { type: "string", default: path.join(ROOT, "fuzz-out") },
    keep: { type: "boolean", default: false },
    only: { type: "string" },
    summarize: { type: "string" },
  },
});
const COUNT = Number(values.count);
const LIMIT_MS = Number(values["limit-s"]) * 1000;
const MAX_RSS_KB = Number(values["max-rss-mb"]) * 1024;
const OUT = path.resolve(values.out);
const INPUTS = path.join(OUT, "inputs");
mkdirSync(INPUTS, { recursive: true });

// ---------- deterministic randomness ----------
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = mulberry32(Number(values.seed));
const int = (n) => Math.floor(rand() * n);
const pick = (xs) => xs[int(xs.length)];

// ---------- the fixtures ----------
function listFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? listFiles(p) : [p];
  });
}
const bases = [...listFiles(path.join(ROOT, "fixtures")), ...listFiles(path.resolve(ROOT, "../shared/samples"))].filter(
  (f) => /\.(pdf|docx|html?|txt)$/i.test(f) && statSync(f).size < 4e6 && !/expected/.test(f),
);
const byFormat = (re) => bases.filter((f) => re.test(f));
const PDFS = byFormat(/\.pdf$/i);
const DOCXS = byFormat(/\.docx$/i).filter((f) => !/not-a-docx/.test(f));
const HTMLS = byFormat(/\.html?$/i);
const TEXTS = byFormat(/\.txt$/i);
const read = (f) => new Uint8Array(readFileSync(f));

// ---------- building blocks ----------
function flipBytes(bytes, n) {
  const b = bytes.slice();
  for (let i = 0; i < n; i++) b[int(b.length)] = int(256);
  return b;
}
function insertAt(bytes, at, extra) {
  const out = new Uint8Array(bytes.length + extra.length);
  out.set(bytes.subarray(0, at));
  out.set(extra, at);
  out.set(bytes.subarray(at), at + extra.length);
  return out;
}
const enc = (s) => new TextEncoder().encode(s);
const latin1 = (b) => Buffer.from(b).toString("latin1");
const fromLatin1 = (s) => new Uint8Array(Buffer.from(s, "latin1"));

/** Deflated runs of one byte, cached: {raw (deflate-raw), zlib, size, crc}. */
const bombCache = new Map();
function bomb(size) {
  if (bombCache.has(size)) return bombCache.get(size);
  const chunk = Buffer.alloc(Math.min(size, 64 * 1024 * 1024), 0x20);
  // Deflate in pieces with a streaming-equivalent: full blocks of the same chunk compress to the same bytes,
  // so one chunk's deflate-raw (without final block) repeated is a valid stream. Built honestly instead:
  const parts = [];
  let left = size;
  let crc = 0;
  while (left > 0) {
    const k = Math.min(left, chunk.length);
    parts.push(chunk.subarray(0, k));
    crc = crc32(chunk.subarray(0, k), crc);
    left -= k;
  }
  const raw = deflateRawChunks(parts);
  const zlibHeader = Buffer.from([0x78, 0xda]);
  const value = { raw, zlib: Buffer.concat([zlibHeader, raw]), size, crc: crc >>> 0 };
  bombCache.set(size, value);
  return value;
}
/** Deflate-raw of the concatenation of `parts` without holding it (sync flush between parts). */
function deflateRawChunks(parts) {
  const out = [];
  parts.forEach((p, i) => {
    const last = i === parts.length - 1;
    out.push(deflateRawSync(p, { level: 9, finishFlush: last ? constants.Z_FINISH : constants.Z_SYNC_FLUSH }));
  });
  return Buffer.concat(out);
}

/** A minimal one-page PDF whose content streams are the given (already encoded) streams. */
function pdfWith(streams, extraDict = "/Filter /FlateDecode") {
  const objs = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents [${streams.map((_, i) => `${4 + i} 0 R`).join(" ")}] >>`,
  ];
  const chunks = [Buffer.from("%PDF-1.5\n")];
  let len = chunks[0].length;
  const offs = [];
  const push = (b) => {
    chunks.push(b);
    len += b.length;
  };
  objs.forEach((o, i) => {
    offs.push(len);
    push(Buffer.from(`${i + 1} 0 obj\n${o}\nendobj\n`));
  });
  streams.forEach((data, i) => {
    offs.push(len);
    push(Buffer.from(`${4 + i} 0 obj\n<< /Length ${data.length} ${extraDict} >>\nstream\n`));
    push(data);
    push(Buffer.from("\nendstream\nendobj\n"));
  });
  const xref = len;
  push(
    Buffer.from(
      `xref\n0 ${offs.length + 1}\n0000000000 65535 f \n${offs.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}trailer\n<< /Size ${offs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`,
    ),
  );
  return new Uint8Array(Buffer.concat(chunks));
}

/** A ZIP from entries {name, data (deflate-raw) , size, crc, declared?}: sizes may lie. */
function zipRaw(entries) {
  const chunks = [];
  const central = [];
  let off = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(Math.min(e.declared ?? e.size, 0xfffffffe), 22);
    local.writeUInt16LE(name.length, 26);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(8, 10);
    c.writeUInt32LE(e.crc >>> 0, 16);
    c.writeUInt32LE(e.data.length, 20);
    c.writeUInt32LE(Math.min(e.declared ?? e.size, 0xfffffffe), 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(off, 42);
    central.push(Buffer.concat([c, name]));
    chunks.push(local, name, e.data);
    off += 30 + name.length + e.data.length;
  }
  const cd = Buffer.concat(central);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cd.length, 12);
  eocd.writeUInt32LE(off, 16);
  return new Uint8Array(Buffer.concat([...chunks, cd, eocd]));
}
function zipEntry(name, text) {
  const data = Buffer.from(text);
  return { name, data: deflateRawSync(data), size: data.length, crc: crc32(data) >>> 0 };
}
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const CT = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;
const docXml = (body) => `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`;
const para = (t) => `<w:p><w:r><w:t xml:space="preserve">${t}</w:t></w:r></w:p>`;
function docxOf(body) {
  return zipRaw([zipEntry("[Content_Types].xml", CT), zipEntry("_rels/.rels", RELS), zipEntry("word/document.xml", docXml(body))]);
}

async function mutateDocx(file, fn) {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const xml = await zip.file("word/document.xml")?.async("string");
  if (xml === undefined) return read(file);
  await fn(zip, xml);
  return new Uint8Array(await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }));
}

// ---------- the mutations ----------
const WORDS = ["obiettivo", "indicatore", "target", "peso", "2024", "servizio", "ufficio", "valore", "fase", "gen", "dic", "responsabile"];
const word = () => `${pick(WORDS)}${int(1000)}`;
const TITLE = "\u001b]0;pwned\u0007\u001b[2J\u001b[31m";
const MUTATIONS = {
  "pdf-byte-flips": () => flipBytes(read(pick(PDFS)), 1 + int(40)),
  "pdf-truncated": () => {
    const b = read(pick(PDFS));
    return b.subarray(0, int(b.length));
  },
  "pdf-xref-damage": () => {
    let s = latin1(read(pick(PDFS)));
    s = s
      .replace(/startxref\s+(\d+)/g, () => `startxref\n${int(1e6)}`)
      .replace(/(\d{10}) 00000 n/g, (m) => (rand() < 0.3 ? `${String(int(1e9)).padStart(10, "0")} 00000 n` : m));
    return fromLatin1(s);
  },
  "pdf-stream-lengths": () =>
    fromLatin1(latin1(read(pick(PDFS))).replace(/\/Length (\d+)/g, (m, n) => (rand() < 0.5 ? `/Length ${Math.max(0, Number(n) + int(2001) - 1000)}` : m))),
  "pdf-deflate-damage": () => {
    const b = read(pick(PDFS));
    const s = latin1(b);
    const out = b.slice();
    for (const m of s.matchAll(/stream\r?\n/g))
      if (rand() < 0.3) for (let k = 0; k < 1 + int(6); k++) out[Math.min(out.length - 1, m.index + m[0].length + int(200))] = int(256);
    return out;
  },
  "pdf-bomb-stream": () => pdfWith([bomb(pick([1, 2, 4]) * 1024 ** 3).zlib]),
  "pdf-bomb-many": () => pdfWith(Array.from({ length: 8 }, () => bomb(100 * 1024 * 1024).zlib)),
  "pdf-bomb-damaged-length": () => fromLatin1(latin1(pdfWith([bomb(1024 ** 3).zlib])).replace(/\/Length \d+/, `/Length ${int(100)}`)),
  "pdf-control-text": () => pdfWith([deflateSync(Buffer.from(`BT /F1 12 Tf 72 720 Td (Obiettivo ${TITLE} 1) Tj ET`))]),
  "docx-byte-flips": () => flipBytes(read(pick(DOCXS)), 1 + int(30)),
  "docx-truncated": () => {
    const b = read(pick(DOCXS));
    return b.subarray(0, int(b.length));
  },
  "docx-mutated-xml": () =>
    mutateDocx(pick(DOCXS), (zip, xml) => {
      let s = xml;
      for (let k = 0; k < 1 + int(10); k++) {
        const at = int(s.length);
        const op = int(4);
        if (op === 0) s = s.slice(0, at) + s.slice(at + int(200));
        else if (op === 1) s = s.slice(0, at) + s.slice(at, at + int(400)) + s.slice(at);
        else if (op === 2)
          s =
            s.slice(0, at) +
            pick([
              "<w:tbl>",
              "</w:tc>",
              "<w:tr>",
              '<w:gridSpan w:val="99999"/>',
              "<w:vMerge/>",
              '<w:altChunk r:id="rId9"/>',
              "\u0000",
              "&#0;",
              "<w:sdt><w:sdtContent>",
            ]) +
            s.slice(at);
        else s = s.replace(/w:val="\d+"/, `w:val="${int(2 ** 31)}"`);
      }
      zip.file("word/document.xml", s);
    }),
  "docx-damaged-rels": () =>
    mutateDocx(pick(DOCXS), (zip) => {
      zip.file(
        "word/_rels/document.xml.rels",
        pick([
          "garbage",
          "<Relationships>" + '<Relationship Id="rId1" Target="../../../../etc/passwd" Type="x/styles"/>'.repeat(1 + int(5000)),
          '<Relationships><Relationship Id="rId1" Type="x/header" Target="document.xml"/></Relationships>',
          "<".repeat(100000),
        ]),
      );
    }),
  "docx-zip-bomb": () => {
    const b = bomb(pick([1, 2, 4]) * 1024 ** 3);
    return zipRaw([zipEntry("[Content_Types].xml", CT), zipEntry("_rels/.rels", RELS), { name: "word/document.xml", data: b.raw, size: b.size, crc: b.crc }]);
  },
  "docx-zip-bomb-lying": () => {
    const b = bomb(1024 ** 3);
    return zipRaw([
      zipEntry("[Content_Types].xml", CT),
      zipEntry("_rels/.rels", RELS),
      zipEntry("word/document.xml", docXml(para("x"))),
      { name: "word/footnotes.xml", data: b.raw, size: b.size, crc: b.crc, declared: 1000 },
    ]);
  },
  // Cell texts vary (a word and a number) so that the package does not compress like a bomb and the table itself is what gets measured.
  "docx-wide-table": () =>
    docxOf(
      `<w:tbl>${Array.from({ length: 1 + int(20) }, () => `<w:tr>${Array.from({ length: 10000 }, () => `<w:tc><w:p><w:r><w:t>${word()}</w:t></w:r></w:p></w:tc>`).join("")}</w:tr>`).join("")}</w:tbl>`,
    ),
  "docx-nested-5000": () =>
    docxOf(
      pick([
        "<w:tbl><w:tr><w:tc>".repeat(5000) + para("x") + "</w:tc></w:tr></w:tbl>".repeat(5000),
        "<w:sdt><w:sdtContent>".repeat(5000) + para("x") + "</w:sdtContent></w:sdt>".repeat(5000),
        "<w:p>" + "<w:hyperlink>".repeat(5000) + "<w:r><w:t>x</w:t></w:r>" + "</w:hyperlink>".repeat(5000) + "</w:p>",
      ]),
    ),
  "docx-long-line": () => docxOf(para("Obiettivo " + Array.from({ length: 500000 }, word).join(" "))),
  "docx-control-text": () => docxOf(para(`Obiettivo 1 ${TITLE.replace(/\u0007/, "&#x7;")} fine`)),
  "html-byte-flips": () => flipBytes(read(pick(HTMLS)), 1 + int(60)),
  "html-truncated": () => {
    const b = read(pick(HTMLS));
    return b.subarray(0, int(b.length));
  },
  "html-wide-table": () =>
    enc(
      `<html><body><table>${Array.from({ length: 1 + int(20) }, () => `<tr>${Array.from({ length: 10000 }, () => `<td>${word()}</td>`).join("")}</tr>`).join("")}</table></body></html>`,
    ),
  "html-nested-5000": () => enc("<html><body>" + pick(["<div>", "<table><tr><td>", "<ul><li>", "<b>", "<blockquote>"]).repeat(5000) + "x</body></html>"),
  "html-nested-200000": () => enc("<html><body>" + "<div>".repeat(200000) + "x</body></html>"),
  "html-long-line": () => enc("<html><body><p>" + "Obiettivo strategico ".repeat(250000) + "</p></body></html>"),
  "html-nul-bytes": () => {
    const b = read(pick(HTMLS));
    let out = b;
    for (let k = 0; k < 1 + int(20); k++) out = insertAt(out, int(out.length), new Uint8Array([0]));
    return out;
  },
  "html-invalid-utf8": () => {
    let out = read(pick(HTMLS));
    for (let k = 0; k < 1 + int(20); k++)
      out = insertAt(out, int(out.length), new Uint8Array(pick([[0xc3, 0x28], [0xff], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80]])));
    return out;
  },
  "html-control-text": () =>
    enc(`<html><body><p>Obiettivo 1 ${TITLE} fine</p><table><tr><td>a${TITLE}</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table></body></html>`),
  "text-byte-flips": () => flipBytes(read(pick(TEXTS)), 1 + int(60)),
  "text-truncated": () => {
    const b = read(pick(TEXTS));
    return b.subarray(0, int(b.length));
  },
  "text-wide-rows": () => enc(Array.from({ length: 2 + int(30) }, (_, r) => Array.from({ length: 10000 }, (_, c) => `r${r}c${c}`).join("\t")).join("\n")),
  "text-long-tab-line": () => enc("Obiettivo\tIndicatore\n" + "x\t".repeat(2_500_000) + "\n"),
  "text-long-line": () => enc("Piano della performance\n" + "Obiettivo ".repeat(500_000) + "\n"),
  "text-nested-5000": () => enc("Obiettivo\tIndicatore\n" + "a\t" + "<ul><li>".repeat(5000) + "x\n"),
  "text-nul-bytes": () => {
    let out = read(pick(TEXTS));
    for (let k = 0; k < 1 + int(20); k++) out = insertAt(out, int(out.length), new Uint8Array([0]));
    return out;
  },
  "text-invalid-utf8": () => {
    let out = read(pick(TEXTS));
    for (let k = 0; k < 1 + int(20); k++) out = insertAt(out, int(out.length), new Uint8Array(pick([[0xc3, 0x28], [0xff], [0x80]])));
    return out;
  },
  "text-control-text": () => {
    const s = readFileSync(pick(TEXTS), "utf8");
    const at = int(s.length);
    return enc(s.slice(0, at) + TITLE + s.slice(at));
  },
};
const EXT = (kind) => (kind.startsWith("pdf") ? ".pdf" : kind.startsWith("docx") ? ".docx" : kind.startsWith("html") ? ".html" : ".txt");
/** Heavy generators (gigabyte bombs) are rarer than cheap ones. */
const WEIGHT = (kind) => (/bomb|nested-200000/.test(kind) ? 0.4 : 1);

// ---------- running one input ----------
const RSS_HOOK = path.join(ROOT, "scripts", "fuzz-rss.mjs");
function runOne(file) {
  return new Promise((resolve) => {
    const rssFile = `${file}.rss`;
    rmSync(rssFile, { force: true });
    const started = performance.now();
    const child = spawn(process.execPath, ["--import", RSS_HOOK, path.join(ROOT, "bin", "piao"), "extract", file], {
      env: { ...process.env, PIAO_FUZZ_RSS_FILE: rssFile },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdoutBytes = 0;
    let stdoutTail = "";
    let controlInExport = false;
    let stderr = "";
    child.stdout.on("data", (d) => {
      stdoutBytes += d.length;
      const text = d.toString("utf8");
      // JSON escapes C0 as \u00XX (or \b \f \r) and writes DEL and C1 as they are.
      if (/\\u00[01][0-9a-fA-F]|\\u007[fF]|\\u00[89][0-9a-fA-F]|[\u007f-\u009f]|(?<!\\)\\[bfr]/.test(text)) controlInExport = true;
      stdoutTail = (stdoutTail + text).slice(-4000);
    });
    child.stderr.on("data", (d) => {
      if (stderr.length < 20000) stderr += d.toString("utf8");
    });
    let polledKb = 0;
    const poll = setInterval(() => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"));
        if (m) polledKb = Math.max(polledKb, Number(m[1]));
      } catch {
        /* gone */
      }
    }, 50);
    let killed = false;
    const timer = setTimeout(() => {
      killed = true;
      child.kill("SIGKILL");
    }, LIMIT_MS);
    child.on("close", (code, signal) => {
      clearInterval(poll);
      clearTimeout(timer);
      const ms = Math.round(performance.now() - started);
      let reportedKb = 0;
      try {
        reportedKb = Number(readFileSync(rssFile, "utf8"));
      } catch {
        /* killed */
      }
      rmSync(rssFile, { force: true });
      resolve({ code, signal, killed, ms, rssKb: Math.max(polledKb, reportedKb), stderr, stdoutBytes, stdoutTail, controlInExport });
    });
  });
}

function failures(r) {
  const out = [];
  if (r.killed) out.push(`over the time limit (${LIMIT_MS / 1000} s)`);
  else if (r.signal) out.push(`killed by ${r.signal}`);
  else if (r.code !== 0 && r.code !== 2) out.push(`exit ${r.code}`);
  const text = r.stderr + r.stdoutTail;
  if (/^\s+at .+:\d+:\d+\)?$/m.test(text)) out.push("stack trace in output");
  if (/internal error|Maximum call stack|heap out of memory|ENOMEM/i.test(r.stderr)) out.push(`internal reason: ${r.stderr.trim().split("\n")[0]}`);
  if (r.code === 2 && r.stderr.trim().split("\n").length > 1) out.push("refusal of more than one line");
  if (r.rssKb > MAX_RSS_KB) out.push(`peak RSS ${Math.round(r.rssKb / 1024)} MB`);
  if (r.controlInExport) out.push("control characters in the export");
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(r.stderr)) out.push("control characters on stderr");
  return out;
}

// ---------- main ----------
const kinds = Object.keys(MUTATIONS).filter((k) => (values.only ? new RegExp(values.only).test(k) : true));
const totalWeight = kinds.reduce((s, k) => s + WEIGHT(k), 0);
const chooseKind = () => {
  let x = rand() * totalWeight;
  for (const k of kinds) if ((x -= WEIGHT(k)) < 0) return k;
  return kinds[kinds.length - 1];
};
const results = [];
const jsonl = path.join(OUT, "results.jsonl");
const t0 = Date.now();
if (values.summarize) {
  // `--summarize DIR`: the summary of a run already made (or stopped), from its results.jsonl.
  for (const line of readFileSync(path.join(path.resolve(values.summarize), "results.jsonl"), "utf8").split("\n"))
    if (line.trim()) results.push(JSON.parse(line));
} else writeFileSync(jsonl, "");
for (let i = 0; i < (values.summarize ? 0 : COUNT); i++) {
  // Every kind once first (in order), then weighted picks.
  const kind = i < kinds.length ? kinds[i] : chooseKind();
  const bytes = await MUTATIONS[kind]();
  const file = path.join(INPUTS, `${String(i).padStart(4, "0")}-${kind}${EXT(kind)}`);
  writeFileSync(file, bytes);
  const r = await runOne(file);
  const fail = failures(r);
  const row = {
    i,
    kind,
    bytes: bytes.length,
    sha256: createHash("sha256").update(bytes).digest("hex").slice(0, 12),
    exit: r.code,
    signal: r.signal,
    ms: r.ms,
    rssMb: Math.round(r.rssKb / 1024),
    stderr: r.stderr.trim().split("\n")[0]?.slice(0, 300) ?? "",
    failures: fail,
  };
  results.push(row);
  writeFileSync(jsonl, JSON.stringify(row) + "\n", { flag: "a" });
  if (!values.keep && fail.length === 0) rmSync(file, { force: true });
  process.stderr.write(`[${i + 1}/${COUNT}] ${kind} exit ${r.code ?? r.signal} ${r.ms} ms ${row.rssMb} MB${fail.length ? `  FAIL: ${fail.join("; ")}` : ""}\n`);
}

// ---------- summary ----------
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0;
};
const failed = results.filter((r) => r.failures.length > 0);
const byKind = new Map();
for (const r of results) {
  const k = byKind.get(r.kind) ?? { n: 0, ok: 0, refused: 0, maxMs: 0, maxRss: 0, failed: 0 };
  k.n++;
  if (r.exit === 0) k.ok++;
  if (r.exit === 2) k.refused++;
  k.maxMs = Math.max(k.maxMs, r.ms);
  k.maxRss = Math.max(k.maxRss, r.rssMb);
  if (r.failures.length) k.failed++;
  byKind.set(r.kind, k);
}
const lines = [
  `inputs ${results.length} (seed ${values.seed}), time limit ${LIMIT_MS / 1000} s, RSS bound ${MAX_RSS_KB / 1024} MB${values.summarize ? "" : `, ${Math.round((Date.now() - t0) / 1000)} s in all`}`,
  `exit 0: ${results.filter((r) => r.exit === 0).length}, exit 2: ${results.filter((r) => r.exit === 2).length}, other/crash: ${results.filter((r) => r.exit !== 0 && r.exit !== 2).length}`,
  `failures: ${failed.length} (crashes ${failed.filter((r) => r.failures.some((f) => /^exit|killed by/.test(f))).length}, stack traces ${failed.filter((r) => r.failures.includes("stack trace in output")).length}, over time ${failed.filter((r) => r.failures.some((f) => f.startsWith("over the time"))).length}, over RSS ${failed.filter((r) => r.failures.some((f) => f.startsWith("peak RSS"))).length})`,
  `wall time ms: median ${pct(
    results.map((r) => r.ms),
    0.5,
  )}, p95 ${pct(
    results.map((r) => r.ms),
    0.95,
  )}, max ${Math.max(...results.map((r) => r.ms))}`,
  `peak RSS MB: median ${pct(
    results.map((r) => r.rssMb),
    0.5,
  )}, p95 ${pct(
    results.map((r) => r.rssMb),
    0.95,
  )}, max ${Math.max(...results.map((r) => r.rssMb))}`,
  "",
  "| mutation | inputs | exit 0 | exit 2 | max time (ms) | max RSS (MB) | failed |",
  "|---|---|---|---|---|---|---|",
  ...[...byKind].sort().map(([k, v]) => `| ${k} | ${v.n} | ${v.ok} | ${v.refused} | ${v.maxMs} | ${v.maxRss} | ${v.failed} |`),
];
process.stdout.write(lines.join("\n") + "\n");
if (failed.length) {
  process.stdout.write(`\nfailed inputs (kept in ${INPUTS}):\n${failed.map((r) => `  ${r.i} ${r.kind}: ${r.failures.join("; ")} — ${r.stderr}`).join("\n")}\n`);
}
if (!values.summarize) writeFileSync(path.join(OUT, "summary.md"), lines.join("\n") + "\n");
process.exitCode = failed.length ? 1 : 0;
