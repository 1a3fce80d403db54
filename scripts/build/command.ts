// `matrix-doc build`: render a target of the specification into
// `<out>/<version>/`, update `<out>/latest/` and `<out>/index.html`.
// Exit 0 when built, 1 when a stage reported an error (nothing is written then),
// 2 on usage errors.
import { relative } from "node:path";
import type { Command } from "commander";
import { type CommandSpec, outFolder, rootFolder } from "../command.ts";

export const buildCommand: CommandSpec = {
  name: "build",
  description: "Build the specification's HTML pages into gen/<version>/ (and gen/latest/, gen/index.html).",
  configure(cmd: Command) {
    cmd.option("--target <name>", "the target of specification/targets.yaml to build (default: main, or every target when there is no main)");
    cmd.option("--out <dir>", "output folder (default: <root>/gen)");
    cmd.option("--keep-intermediates", "also write the assembled and the templated RST beside the pages");
    cmd.option("--verbose", "print the time each stage took");
    cmd.option("--strict", "treat every warning as an error");
    cmd.option("--allow-raw", "allow the raw directive (as `raw: true` in specification/targets.yaml does)");
  },
  async run(options) {
    const started = performance.now();
    const root = rootFolder(options, "build");
    if (!root) return 2;
    const out = outFolder(options, "build", root);
    if (!out) return 2;
    const { runBuild } = await import("./build.ts");
    const { formatText } = await import("../report.ts");
    const result = await runBuild({
      root,
      out: options.out ? out : undefined,
      target: options.target === undefined ? undefined : String(options.target),
      keepIntermediates: Boolean(options.keepIntermediates),
      allowRaw: Boolean(options.allowRaw),
      strict: Boolean(options.strict),
      debug: Boolean(options.debug),
    });
    const color = Boolean(process.stderr.isTTY);
    if (result.diagnostics.length) process.stderr.write(formatText(result.diagnostics, { root: result.root, color }) + "\n\n");
    if (options.verbose) {
      for (const t of result.timings) process.stdout.write(`  ${t.stage.padEnd(11)} ${t.ms.toFixed(0).padStart(6)} ms\n`);
    }
    const ms = Math.round(performance.now() - started);
    if (!result.ok) {
      // An unknown --target is a usage error; everything else is a finding in the sources.
      if (result.diagnostics.some((d) => d.code === "unknown-target")) return 2;
      const errors = result.diagnostics.filter((d) => d.severity === "error").length;
      process.stderr.write(`build failed: ${errors} error${errors === 1 ? "" : "s"}; nothing was written (${ms} ms)\n`);
      return 1;
    }
    const shown = relative(process.cwd(), result.outDir) || ".";
    process.stdout.write(`built ${result.version} into ${shown}/${result.version}/ (${result.written.filter((f) => f.endsWith(".html")).join(", ")}); versions: ${result.versions.join(", ")} (${ms} ms)\n`);
    return 0;
  },
};
