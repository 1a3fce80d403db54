// `matrix-doc diff A B`: what changed between two revisions (or release versions,
// or one of them and the working tree). Exit codes: 0 done; 1 when a side cannot
// be built, or with `--fail-on breaking` when there is a breaking change; 2 on
// usage errors (unknown revision, bad option).
import { relative } from "node:path";
import type { Command } from "commander";
import { type CommandSpec, rootFolder } from "../command.ts";

export const diffCommand: CommandSpec = {
  name: "diff",
  description: "Build two revisions and write what changed, API first then text, to gen/diff/<A>..<B>/index.html.",
  configure(cmd: Command) {
    cmd.argument("<from>", "the older side: a git revision, a release version (v0.1.0), or worktree");
    cmd.argument("<to>", "the newer side, likewise");
    cmd.option("--out <dir>", "output folder (default: <root>/gen)");
    cmd.option("--format <format>", "text (a summary), or json (the API report, for CI)", "text");
    cmd.option("--fail-on <what>", "exit 1 when there is a change of this kind: breaking");
    cmd.option("--tag-pattern <glob>", "tags naming releases", "v*");
  },
  async run(options, args) {
    const root = rootFolder(options, "diff");
    if (!root) return 2;
    const format = String(options.format ?? "text");
    if (format !== "text" && format !== "json") {
      process.stderr.write(`matrix-doc diff: --format is text or json, not "${format}".\n`);
      return 2;
    }
    if (options.failOn !== undefined && options.failOn !== "breaking") {
      process.stderr.write(`matrix-doc diff: --fail-on only knows "breaking", not "${options.failOn}".\n`);
      return 2;
    }
    const { resolve } = await import("node:path");
    const { runDiff, jsonReport } = await import("./run-diff.ts");
    const { describeChange } = await import("./report-page.ts");
    const { formatText } = await import("../report.ts");
    const started = performance.now();
    const result = await runDiff({ root, from: args[0], to: args[1], out: options.out ? resolve(String(options.out)) : undefined, tagPattern: String(options.tagPattern ?? "v*"), debug: Boolean(options.debug) });
    if (result.diagnostics.length) process.stderr.write(formatText(result.diagnostics, { root, color: Boolean(process.stderr.isTTY) }) + "\n\n");
    const report = result.report;
    if (!report) {
      const usage = result.diagnostics.some((d) => d.code.startsWith("diff-unknown") || d.code === "rev-unknown" || d.code === "diff-no-repository");
      process.stderr.write(`matrix-doc diff: no report was written.\n`);
      return usage ? 2 : 1;
    }
    if (format === "json") {
      process.stdout.write(JSON.stringify(jsonReport(report), null, 2) + "\n");
    } else {
      for (const c of report.api) process.stdout.write(`${c.breaking ? "BREAKING" : "        "} ${describeChange(c)}\n`);
      const n = (s: string) => report.sections.filter((x) => x.status === s).length;
      process.stdout.write(`${report.api.length} API change${report.api.length === 1 ? "" : "s"} (${report.breaking} breaking); sections: ${n("changed")} changed, ${n("added")} added, ${n("removed")} removed\n`);
      const ms = Math.round(performance.now() - started);
      process.stdout.write(`report: ${relative(process.cwd(), result.page!) || result.page} (built ${report.from.name} in ${Math.round(result.timings.from)} ms, ${report.to.name} in ${Math.round(result.timings.to)} ms, compared in ${Math.round(result.timings.compare)} ms; ${ms} ms in all)\n`);
    }
    return options.failOn === "breaking" && report.breaking > 0 ? 1 : 0;
  },
};
