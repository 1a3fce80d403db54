// `matrix-doc conformance`: the RST engine against docutils' expected outputs
// (../shared/rst-conformance/cases.jsonl), per view: exact passes and mean similarity.
import { TOOLCHAIN_ROOT } from "../toolchain-paths.ts";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import type { CommandSpec } from "../command.ts";
import { type Case, compareOutputs, readCases, runCase, type ViewResult } from "../rst/testing/run-cases.ts";
import { loadEngine } from "./engine.ts";

export const FLOOR_FILE = resolve(TOOLCHAIN_ROOT, "scripts/rst/testing/conformance-floor.json");
export const DEFAULT_CASES = resolve(TOOLCHAIN_ROOT, "../shared/rst-conformance/cases.jsonl");

export type Floor = Record<string, number>;

export function readFloor(): Floor {
  return JSON.parse(readFileSync(FLOOR_FILE, "utf8")) as Floor;
}

export async function runConformance(casesPath: string, filter?: string): Promise<{ cases: Case[]; results: ViewResult[]; ms: number }> {
  const engine = await loadEngine();
  let cases = readCases(casesPath);
  if (filter) cases = cases.filter((c) => (c.origin ?? "").includes(filter) || c.id === filter);
  const started = performance.now();
  const outputs = cases.map((c) => runCase(engine, c));
  const ms = performance.now() - started;
  return { cases, results: compareOutputs(cases, outputs), ms };
}

export function summaryLine(r: ViewResult): string {
  const pct = r.total ? ((100 * r.passed) / r.total).toFixed(1) : "0.0";
  return `${r.view.padEnd(18)} ${String(r.passed).padStart(4)}/${r.total} exact (${pct}%), mean similarity of failures ${r.meanFailureSimilarity.toFixed(3)}`;
}

export const conformanceCommand: CommandSpec = {
  name: "conformance",
  description: "Compare the RST engine with docutils on the shared conformance cases",
  configure(cmd) {
    cmd
      .option("--cases <file>", "cases file (JSON lines)", DEFAULT_CASES)
      .option("--filter <text>", "only cases whose origin contains this text (or whose id is this)")
      .option("--show-failures <n>", "print the first differences of N failing cases per view", "0")
      .option("--view <view>", "with --show-failures: only this view (parser, doctree, html)")
      .option("--list-failures", "list the ids and origins of all failing cases per view")
      .option("--update-floor", "raise the committed floor to the current pass counts");
  },
  async run(options) {
    const casesPath = resolve(options.cases as string);
    if (!existsSync(casesPath)) {
      process.stdout.write(`conformance: skipped, no cases file at ${casesPath} (the shared reference material is not here)\n`);
      return 0;
    }
    const { results, cases, ms } = await runConformance(casesPath, options.filter as string | undefined);
    const show = Number(options.showFailures ?? 0);
    const viewFilter = options.view ? `${options.view}` : "";
    for (const r of results) {
      if (viewFilter && !r.view.startsWith(viewFilter)) continue;
      if (options.listFailures) {
        process.stdout.write(`--- ${r.view}: ${r.failures.length} failing\n`);
        for (const f of r.failures) process.stdout.write(`${f.id} ${f.similarity.toFixed(2)} ${f.origin}\n`);
      }
      for (const f of r.failures.slice(0, show)) {
        process.stdout.write(`\n=== ${r.view} ${f.id} ${f.origin} (similarity ${f.similarity.toFixed(2)})\n${f.diff}\n`);
      }
    }
    process.stdout.write(`\n${cases.length} cases in ${ms.toFixed(0)} ms\n`);
    for (const r of results) process.stdout.write(summaryLine(r) + "\n");
    const floor = readFloor();
    let below = false;
    if (!options.filter) {
      for (const r of results) {
        if (r.passed < (floor[r.view] ?? 0)) {
          below = true;
          process.stdout.write(`BELOW FLOOR: ${r.view} ${r.passed} < ${floor[r.view]}\n`);
        }
      }
      if (options.updateFloor && !below) {
        const next: Floor = {};
        for (const r of results) next[r.view] = Math.max(r.passed, floor[r.view] ?? 0);
        writeFileSync(FLOOR_FILE, JSON.stringify(next, null, 2) + "\n");
        process.stdout.write(`floor updated: ${JSON.stringify(next)}\n`);
      }
    }
    return below ? 1 : 0;
  },
};
