import { parseArgs } from "node:util";
import type { ExplainStep } from "../normalize/recognize-document.js";
import type { PlanExport } from "../normalize/plan-schema.js";
import { extractPlanInWorker, failureLine } from "../pipeline/read-file.js";
import { CliUsageError, workerLimits } from "./cli-errors.js";
import { EXTRACT_OPTIONS } from "./command-options.js";
import { limitSettings } from "./limit-options.js";

export async function runExtract(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: EXTRACT_OPTIONS,
  });
  if (positionals.length !== 1) throw new CliUsageError("expects exactly one FILE");
  const file = positionals[0]!;
  const expectedTotal = values["expected-total"] !== undefined ? Number(values["expected-total"]) : undefined;
  if (expectedTotal !== undefined && !(expectedTotal > 0))
    throw new CliUsageError(`--expected-total must be a positive number, not '${values["expected-total"]}'`);
  const limits = workerLimits(values);
  const read = await extractPlanInWorker(file, {
    normalize: expectedTotal ? { expectedTotal } : {},
    limits,
    reader: limitSettings(values.limit),
    explain: values.explain === true,
  });
  if (!read.ok) {
    if (values.explain && read.failure.explain) process.stdout.write(renderExplain(read.failure.explain, null));
    process.stderr.write(failureLine(read.failure) + "\n");
    return 2;
  }
  const { plan, explain } = read.value;
  if (values.explain) process.stdout.write(renderExplain(explain, plan));
  else process.stdout.write(JSON.stringify(plan, null, 1) + "\n");
  return 0;
}

/** The recogniser's reasoning, block by block, then what it found. */
export function renderExplain(steps: ReadonlyArray<ExplainStep>, plan: PlanExport | null): string {
  const out: string[] = ["# blocks in reading order: class [evidence] → what it became", ""];
  steps.forEach((s, i) => {
    const evidence = s.evidence.length ? ` [${s.evidence.join("; ")}]` : "";
    out.push(`${String(i + 1).padStart(4)}  ${s.cls.padEnd(15)} ${s.block}${evidence}`);
    out.push(`${" ".repeat(22)}→ ${s.became}`);
  });
  out.push("");
  if (!plan) {
    out.push("# no objective found");
    return out.join("\n") + "\n";
  }
  out.push(`# plan: ${plan.organization ?? "?"}, ${plan.kind ?? "kind ?"}, ${plan.period ? `${plan.period.from}-${plan.period.to}` : "period ?"}`);
  for (const u of plan.units) {
    out.push(`unit ${u.number !== null ? `${u.number} ` : ""}'${u.name}' (${u.manager ?? "no manager"}): ${u.objectives.length} objectives`);
    for (const o of u.objectives) {
      const parts = [o.summary ? "summary" : null, o.detail ? `sheet${o.detail.page !== null ? ` p. ${o.detail.page}` : ""}` : null]
        .filter(Boolean)
        .join(" + ");
      out.push(`  ${String(o.number).padStart(3)}. ${o.title.slice(0, 70)} (${parts})`);
    }
  }
  out.push(`# ${plan.anomalies.length} findings: ${[...new Set(plan.anomalies.map((a) => a.code))].join(", ") || "none"}`);
  return out.join("\n") + "\n";
}
