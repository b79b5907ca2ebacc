/**
 * docs/settings.md must stay true: every key of the reader settings
 * (src/extract/settings.ts) and of the normaliser settings
 * (src/normalize/settings.ts) has a row there, in the right section, and no
 * row names a key that does not exist.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "../../src/shared/zod.js";
import { describe, expect, it } from "vitest";
import { ReaderSettings } from "../../src/extract/settings.js";
import { NormalizeSettings } from "../../src/normalize/settings.js";

const DOC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../docs/settings.md");
const doc = readFileSync(DOC, "utf8");

/** The doc's two parts: reader settings, then normaliser settings. */
const [readerPart = "", normalizerPart = ""] = doc.split(/^# Normaliser settings\s*$/m);

/** Names in backticks in the first cell of a part's table rows (`a` / `b` names two keys). */
function documented(part: string): Set<string> {
  const names = new Set<string>();
  for (const line of part.split("\n")) {
    const first = /^\|([^|]*)\|/.exec(line)?.[1];
    if (first) for (const m of first.matchAll(/`([^`]+)`/g)) names.add(m[1]!);
  }
  return names;
}

/** `## ` sections of a part, keyed by their heading. */
function sections(part: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const chunk of part.split(/^## /m).slice(1)) {
    const [heading, ...rest] = chunk.split("\n");
    out.set(heading!.trim(), rest.join("\n"));
  }
  return out;
}

/** The schema under defaults, prefaults, optionals and nullables. */
function unwrap(schema: z.ZodType): z.ZodType {
  let s = schema;
  for (;;) {
    const inner = (s._zod.def as { innerType?: z.ZodType }).innerType;
    if (!inner) return s;
    s = inner;
  }
}

/** Every leaf key of an object schema, with the path of the nested objects it sits in ("pdf"). */
function leafKeys(schema: z.ZodObject, at: string[] = []): { section: string[]; key: string }[] {
  return Object.entries(schema.shape).flatMap(([key, value]) => {
    const inner = unwrap(value as z.ZodType);
    return inner instanceof z.ZodObject ? leafKeys(inner, [...at, key]) : [{ section: at, key }];
  });
}

/** The doc's section for a nested object: the one whose heading names it (`pdf.*`). */
function sectionFor(part: string, section: string[]): string | null {
  if (section.length === 0) return part;
  const tag = `\`${section.join(".")}.*\``;
  for (const [heading, body] of sections(part)) if (heading.includes(tag)) return body;
  return null;
}

function missingKeys(schema: z.ZodObject, part: string): string[] {
  const missing: string[] = [];
  for (const { section, key } of leafKeys(schema)) {
    const body = sectionFor(part, section);
    if (body === null || !documented(body).has(key)) missing.push([...section, key].join("."));
  }
  return missing;
}

describe("docs/settings.md", () => {
  it("has a reader part and a normaliser part", () => {
    expect(documented(readerPart).size).toBeGreaterThan(10);
    expect(documented(normalizerPart).size).toBeGreaterThan(10);
  });

  it("lists every reader setting in its section", () => {
    expect(leafKeys(ReaderSettings).length).toBeGreaterThan(50);
    expect(missingKeys(ReaderSettings, readerPart)).toEqual([]);
  });

  it("lists every normaliser setting", () => {
    expect(leafKeys(NormalizeSettings).length).toBeGreaterThan(20);
    expect(missingKeys(NormalizeSettings, normalizerPart)).toEqual([]);
  });

  it("lists no setting that does not exist", () => {
    const reader = new Set(leafKeys(ReaderSettings).map((k) => k.key));
    const normalizer = new Set(leafKeys(NormalizeSettings).map((k) => k.key));
    const stale = [
      ...[...documented(readerPart)].filter((k) => !reader.has(k)).map((k) => `reader: ${k}`),
      ...[...documented(normalizerPart)].filter((k) => !normalizer.has(k)).map((k) => `normaliser: ${k}`),
    ];
    expect(stale).toEqual([]);
  });
});
