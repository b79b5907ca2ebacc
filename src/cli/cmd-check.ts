/**
 * `piao check FILE…` / `piao check --db FILE [--organization O] [--year Y]`:
 * the consistency report (src/report) as text, JSON or one HTML file.
 * FILE is a plan document or a plan export (*.json, as `piao extract` prints).
 * With FILE… and --db together, each file's plan is compared with the same
 * body's previous year stored in the database.
 *
 * Exit codes: 2 when an input cannot be read (one line `piao: FILE: reason`
 * each; the readable ones are still reported), else 1 when findings at or
 * above --fail-on exist (advisory findings count only with --fail-on-advisory), else 0.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { FileReader } from "../pipeline/read-file.js";
import type { WorkerLimits } from "../pipeline/bounded-worker.js";
import { reasonOf } from "../shared/errors.js";
import { PlanExport } from "../normalize/plan-schema.js";
import { buildReport, type PlanInput } from "../report/build-report.js";
import { failLevelReached, FailOn } from "../report/fail-level.js";
import { openReadOnly, plansFromDb, previousFromDb, storedVersionFromDb } from "../report/plans-from-db.js";
import type { Report, Unreadable } from "../report/report-model.js";
import { reportSettings } from "../report/report-settings.js";
import { Lang } from "../report/i18n/lang.js";
import { renderHtml } from "../report/render-html.js";
import { renderJson } from "../report/render-json.js";
import { renderText } from "../report/render-text.js";
import { sourceHref } from "../report/source-href.js";
import { upgradeExport, type Db } from "../store/index.js";
import { regularFileProblem, statErrorProblem } from "../extract/regular-file.js";
import { CliUsageError, LIMIT_OPTION, LIMIT_OPTIONS, workerLimits } from "./cli-errors.js";
import { limitSettings } from "./limit-options.js";
import type { ReaderLimits } from "../extract/settings.js";
import { writeFileAtomic } from "./write-atomic.js";

const FORMATS = ["text", "json", "html"] as const;
type Format = (typeof FORMATS)[number];

interface CheckArgs {
  files: string[];
  db: string | undefined;
  organization: string | undefined;
  year: number | undefined;
  format: Format;
  failOn: FailOn | undefined;
  out: string | undefined;
  expectedTotal: number | undefined;
  advisory: boolean;
  failOnAdvisory: boolean;
  limits: Partial<WorkerLimits>;
  readerLimits: Partial<ReaderLimits>;
  lang: Lang;
}

export const CHECK_HELP = `usage: piao check FILE… [--db FILE] [options]
       piao check --db FILE [--organization O] [--year Y] [options]

The consistency report: findings by unit and objective with pages, advisory
checks (domain rules the export does not have), summary vs sheet weights per
unit, and what changed since the body's previous plan.
FILE is a plan document (pdf, docx, html, txt) or a plan export (*.json).
With --db alone, the current plans in the database are checked; with FILE…
and --db, each file is compared with the previous year stored there and with
the stored version of the same year it would replace.

options:
  --format text|json|html   text (default), the Report as JSON, or one HTML file
  --out FILE                write the report to FILE (page links are relative to it);
                            FILE.html or FILE.json also chooses the format
  --fail-on error|warning   exit 1 when findings at or above that level exist
                            (the plan export's findings; advisory ones only with:)
  --fail-on-advisory        let --fail-on count the advisory findings too
  --no-advisory             leave out the advisory checks (domain rules R4, R6,
                            R8, R9, R17 that the export does not have; docs/report.md)
  --organization O          only plans of this body (case and accents ignored)
  --year Y                  only plans of this year
  --expected-total N        the total a unit's weights must reach without a TOTALE row (100)
  --timeout SECONDS         give up on one document after this long (default 120)
  --max-memory MB           heap limit of the worker reading a document (default 1024)
  --limit NAME=VALUE        raise a reader limit (repeatable; docs/settings.md)
  --lang it|en              the report's language: labels, severities, numbers, dates
                            and finding messages (it, the default, or en)

exit: 0 ok, 1 findings at --fail-on level, 2 unreadable input or bad arguments, 3 internal error`;

function parseCheckArgs(argv: string[]): CheckArgs | "help" {
  // parseArgs' own errors (unknown option, missing value) are turned into one line by main.
  const parsed = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      db: { type: "string" },
      organization: { type: "string" },
      year: { type: "string" },
      format: { type: "string" },
      "fail-on": { type: "string" },
      out: { type: "string", short: "o" },
      "expected-total": { type: "string" },
      lang: { type: "string" },
      "no-advisory": { type: "boolean" },
      "fail-on-advisory": { type: "boolean" },
      help: { type: "boolean", short: "h" },
      ...LIMIT_OPTIONS,
      ...LIMIT_OPTION,
    },
  });
  const { values, positionals } = parsed;
  if (values.help) return "help";
  // Without --format, `--out report.html` or `--out report.json` says which.
  const fromOut = values.out?.match(/\.(html?|json)$/i)?.[1]?.toLowerCase();
  const format = (values.format ?? (fromOut === undefined ? "text" : fromOut.startsWith("htm") ? "html" : "json")) as Format;
  if (!FORMATS.includes(format)) throw new CliUsageError(`--format must be text, json or html, not '${values.format}'`);
  const failOn = values["fail-on"];
  if (failOn !== undefined && !FailOn.safeParse(failOn).success) throw new CliUsageError(`--fail-on must be error or warning, not '${failOn}'`);
  if (values["fail-on-advisory"] && failOn === undefined) throw new CliUsageError("--fail-on-advisory needs --fail-on error|warning");
  if (values["fail-on-advisory"] && values["no-advisory"]) throw new CliUsageError("--fail-on-advisory and --no-advisory exclude each other");
  if (!values.db && positionals.length === 0) throw new CliUsageError("expects FILE… or --db FILE");
  if (positionals.length > 0 && (values.organization !== undefined || values.year !== undefined))
    throw new CliUsageError("--organization and --year select plans in --db; they do not apply to FILE arguments");
  let year: number | undefined;
  if (values.year !== undefined) {
    year = Number(values.year);
    if (!/^\d{4}$/.test(values.year)) throw new CliUsageError(`--year must be a year such as 2024, not '${values.year}'`);
  }
  let expectedTotal: number | undefined;
  if (values["expected-total"] !== undefined) {
    expectedTotal = Number(values["expected-total"]);
    if (!(expectedTotal > 0)) throw new CliUsageError(`--expected-total must be a positive number, not '${values["expected-total"]}'`);
  }
  const limits = workerLimits(values);
  const lang = Lang.safeParse(values.lang ?? "it");
  if (!lang.success) throw new CliUsageError(`--lang must be it or en, not '${values.lang}'`);
  return {
    files: positionals,
    db: values.db,
    organization: values.organization,
    year,
    format,
    failOn: failOn as FailOn | undefined,
    out: values.out,
    expectedTotal,
    advisory: values["no-advisory"] !== true,
    failOnAdvisory: values["fail-on-advisory"] === true,
    limits,
    readerLimits: limitSettings(values.limit),
    lang: lang.data,
  };
}

interface Gathered {
  inputs: PlanInput[];
  /** The file each plan was read from, for links (database plans: their stored path). */
  sources: { path: string; bases: string[] }[];
  unreadable: Unreadable[];
}

/** The database opened read-only, or the reason it cannot be used. */
function openDb(file: string): Db | Unreadable {
  if (!existsSync(file)) return { file, reason: "cannot open database: no such file" };
  try {
    return openReadOnly(file);
  } catch (e) {
    // StoreError messages start with the file name and say "cannot open database" already.
    const reason = reasonOf(e).replace(`${file}: `, "");
    return { file, reason: reason.startsWith("cannot open database") ? reason : `cannot open database: ${reason}` };
  }
}

function fromDb(db: Db, dbFile: string, args: CheckArgs, g: Gathered): void {
  try {
    g.inputs = plansFromDb(db, { organization: args.organization, year: args.year });
  } catch (e) {
    g.unreadable.push({ file: dbFile, reason: `not a piao database: ${reasonOf(e)}` });
    return;
  }
  // Stored paths are relative to where `piao import` ran: here, or beside the database.
  const bases = [process.cwd(), path.dirname(path.resolve(dbFile))];
  g.sources = g.inputs.map((i) => ({ path: i.plan.source.path, bases }));
  if (g.inputs.length === 0) process.stderr.write(`piao check: no current plan in ${dbFile} matches ${describeFilter(args)}\n`);
}

async function fromFile(file: string, db: Db | undefined, args: CheckArgs, g: Gathered, reader: FileReader): Promise<void> {
  const isExport = file.toLowerCase().endsWith(".json");
  let plan: PlanExport;
  if (isExport) {
    const read = readPlanExport(file);
    if ("reason" in read) {
      g.unreadable.push(read);
      return;
    }
    plan = read;
  } else {
    const normalize = args.expectedTotal ? { expectedTotal: args.expectedTotal } : {};
    const read = await reader.plan(file, { normalize, reader: args.readerLimits });
    if (!read.ok) {
      g.unreadable.push({ file: read.failure.file, reason: read.failure.reason });
      return;
    }
    plan = read.value.plan;
  }
  let previous: PlanInput["previous"] = null;
  let superseded: PlanInput["superseded"] = null;
  if (db) {
    try {
      previous = previousFromDb(db, plan);
      superseded = storedVersionFromDb(db, plan);
    } catch (e) {
      g.unreadable.push({ file: args.db!, reason: `not a piao database: ${reasonOf(e)}` });
    }
  }
  g.inputs.push({ plan, previous, superseded });
  // An export names its source relative to itself (as `piao extract x.pdf > x.json` beside it would).
  g.sources.push(isExport ? { path: plan.source.path, bases: [path.dirname(path.resolve(file)), process.cwd()] } : { path: file, bases: [process.cwd()] });
}

async function gather(args: CheckArgs): Promise<Gathered> {
  const g: Gathered = { inputs: [], sources: [], unreadable: [] };
  let db: Db | undefined;
  if (args.db) {
    const opened = openDb(args.db);
    if ("reason" in opened) g.unreadable.push(opened);
    else db = opened;
  }
  try {
    if (args.files.length === 0) {
      if (db) fromDb(db, args.db!, args, g);
    } else {
      // Without the database the files are still reported, only without the previous year.
      const reader = new FileReader(args.limits);
      try {
        for (const file of args.files) await fromFile(file, db, args, g, reader);
      } finally {
        await reader.close();
      }
    }
  } finally {
    db?.close();
  }
  // One line per unusable input, even if it failed for several plans.
  g.unreadable = g.unreadable.filter((u, i) => g.unreadable.findIndex((v) => v.file === u.file && v.reason === u.reason) === i);
  return g;
}

/**
 * A plan export (`piao extract` output, *.expected.json) checked as it is:
 * the report works on exports, so a saved extraction needs no re-reading.
 * One saved by an earlier piao (schemaVersion 1) is read forward, as the
 * database reads its plans (new fields null).
 */
function readPlanExport(file: string): PlanExport | Unreadable {
  const problem = regularFileProblem(file);
  if (problem) return { file, reason: problem.reason };
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code === "ENOENT" ? statErrorProblem(e).reason : `not valid JSON: ${reasonOf(e)}`;
    return { file, reason };
  }
  const parsed = PlanExport.safeParse(upgradeExport(data));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { file, reason: `not a plan export: ${issue ? `${issue.path.join(".") || "(root)"}: ${issue.message}` : "invalid"}` };
  }
  return parsed.data;
}

function describeFilter(args: CheckArgs): string {
  const parts = [];
  if (args.organization !== undefined) parts.push(`--organization '${args.organization}'`);
  if (args.year !== undefined) parts.push(`--year ${args.year}`);
  return parts.length ? parts.join(" ") : "(the database holds no plans)";
}

function render(report: Report, args: CheckArgs, g: Gathered): string {
  if (args.format === "json") return renderJson(report);
  const outDir = args.out ? path.dirname(path.resolve(args.out)) : process.cwd();
  if (args.format === "html")
    return renderHtml(report, {
      sourceHref: (_p, i) => {
        const s = g.sources[i];
        return s ? sourceHref(s.path, { outDir, bases: s.bases }) : null;
      },
    });
  const tty = !args.out && process.stdout.isTTY === true;
  const color = tty && !process.env["NO_COLOR"];
  // A terminal's own width, kept within 80-100 columns; files get the default.
  const width = tty && process.stdout.columns ? Math.min(100, Math.max(80, process.stdout.columns)) : undefined;
  return renderText(report, width ? { color, width } : { color });
}

export async function runCheck(argv: string[]): Promise<number> {
  const args = parseCheckArgs(argv);
  if (args === "help") {
    process.stdout.write(CHECK_HELP + "\n");
    return 0;
  }
  const settings = reportSettings({ ...(args.expectedTotal ? { expectedTotal: args.expectedTotal } : {}), advisory: args.advisory, lang: args.lang });
  const g = await gather(args);
  for (const u of g.unreadable) process.stderr.write(`piao: ${u.file}: ${u.reason}\n`);
  const report = buildReport(g.inputs, settings, g.unreadable);
  const text = render(report, args, g);
  if (args.out) {
    try {
      writeFileAtomic(args.out, text);
    } catch (e) {
      process.stderr.write(`piao: ${args.out}: cannot write the report: ${reasonOf(e)}\n`);
      return 2;
    }
  } else process.stdout.write(text);
  if (g.unreadable.length > 0) return 2;
  return args.failOn && failLevelReached(report, args.failOn, { advisory: args.failOnAdvisory }) ? 1 : 0;
}
