/**
 * zod is loaded through src/shared/zod.ts only, without the translations every
 * zod entry point imports (64 modules piao never uses), and still speaks English.
 */
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");

it("loads zod with English messages and none of its other locales (fresh process, dist/)", () => {
  const script = `
    import { createRequire } from "node:module";
    const { z } = await import(${JSON.stringify(pathToFileURL(path.join(ROOT, "dist/shared/zod.js")).href)});
    const r = z.object({ a: z.number() }).safeParse({ a: "x" });
    const require = createRequire(${JSON.stringify(pathToFileURL(path.join(ROOT, "package.json")).href)});
    const locales = Object.keys(require.cache).filter((k) => k.includes("/zod/") && k.includes("/locales/") && !k.endsWith("index.cjs"));
    console.log(JSON.stringify({ message: r.error.issues[0].message, locales: locales.map((k) => k.split("/").pop()) }));`;
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" });
  expect(r.status, r.stderr).toBe(0);
  const out = JSON.parse(r.stdout.trim()) as { message: string; locales: string[] };
  expect(out.message).toBe("Invalid input: expected number, received string");
  expect(out.locales).toEqual(["en.cjs"]);
});

it("imports zod only through src/shared/zod.ts (types excepted)", () => {
  const src = path.join(ROOT, "src");
  const offenders = (readdirSync(src, { recursive: true }) as string[])
    .filter((f) => f.endsWith(".ts") && f !== path.join("shared", "zod.ts"))
    .filter((f) => /^\s*(?:import|export)\s+(?!type\b)[^;]*from\s+["']zod["'/]/m.test(readFileSync(path.join(src, f), "utf8")));
  expect(offenders).toEqual([]);
});
