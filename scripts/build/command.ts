// `matrix-doc build`: render a target of the specification into
// `<out>/<version>/`, update `<out>/latest/` and `<out>/index.html`.
// Exit 0 when built, 1 when a stage reported an error (nothing is written then),
// 2 on usage errors. `--format json` reports on standard output as one JSON
// document (the same shape as `check --format json`, plus what was written).
import { relative } from "node:path";
import { Option, type Command } from "commander";
import { realpathSync } from "node:fs";
import { type CommandSpec, outFolder, rootFolder } from "../command.ts";
import type { StageTiming } from "../pipeline/timing.ts";
import { DEFAULT_CACHE_DIR } from "../toolchain-paths.ts";
import type { KeptBuild } from "./kept-build.ts";

export const buildCommand: CommandSpec = {
  name: "build",
  description: "Build the specification's HTML pages into gen/<version>/ (and gen/latest/, gen/index.html).",
  configure(cmd: Command) {
    cmd.option("--target <name>", "the target of specification/targets.yaml to build (default: main, or every target when there is no main)");
    cmd.option("--out <dir>", "output folder (default: <root>/gen)");
    cmd.option("--keep-intermediates", "also write the assembled and the templated RST beside the pages");
    cmd.option("--verbose", "print the time each stage took");
    cmd.addOption(new Option("--format <format>", "how problems and the result are reported").choices(["text", "json"]).default("text"));
    cmd.option("--strict", "treat every warning as an error");
    cmd.option("--allow-raw", "allow the raw directive (as `raw: true` in specification/targets.yaml does)");
    cmd.option("--no-cache", "compute everything afresh instead of reusing the results kept in node_modules/.cache/matrix-doc");
  },
  async run(options) {
    const started = performance.now();
    const root = rootFolder(options, "build");
    if (!root) return 2;
    const out = outFolder(options, "build", root);
    if (!out) return 2;
    const { formatJson, formatText } = await import("../report.ts");
    const { useColor, plural } = await import("../color.ts");
    const settings = {
      target: options.target === undefined ? undefined : String(options.target),
      keepIntermediates: Boolean(options.keepIntermediates),
      allowRaw: Boolean(options.allowRaw),
      strict: Boolean(options.strict),
    };
    // Nothing changed since an earlier build into this folder: its output is already there.
    const keeping = options.cache !== false && !options.debug ? await import("./kept-build.ts") : undefined;
    const key = keeping?.buildKey(realpathSync(root), { ...settings, out });
    const kept = key ? keeping!.keptBuild(DEFAULT_CACHE_DIR, key, out) : undefined;
    let result: KeptBuild & { ok: boolean; timings: StageTiming[] };
    if (kept) result = { ...kept, ok: true, timings: [] };
    else {
      const { runBuild } = await import("./build.ts");
      result = await runBuild({ ...settings, root, out: options.out ? out : undefined, debug: Boolean(options.debug), noCache: options.cache === false, memo: options.cache !== false });
      if (key && result.ok) keeping!.keepBuild(DEFAULT_CACHE_DIR, key, result);
    }
    const ms = Math.round(performance.now() - started);
    const usage = !result.ok && result.diagnostics.some((d) => d.code === "unknown-target");
    if (options.format === "json") {
      // One JSON document on standard output: the counts, what was written, every diagnostic.
      const counts = { errors: result.diagnostics.filter((d) => d.severity === "error").length, warnings: result.diagnostics.filter((d) => d.severity !== "error").length };
      const summary = { ok: result.ok ? 1 : 0, ...counts, ms };
      const report = JSON.parse(formatJson(summary, result.diagnostics)) as Record<string, unknown>;
      const built = result.ok ? { version: result.version, outDir: result.outDir, written: result.written, versions: result.versions } : {};
      process.stdout.write(JSON.stringify({ ...report, ...built, timings: result.timings }, null, 2) + "\n");
      return result.ok ? 0 : usage ? 2 : 1;
    }
    const color = useColor(process.stderr);
    if (result.diagnostics.length) process.stderr.write(formatText(result.diagnostics, { root: result.root, color }) + "\n\n");
    if (options.verbose) {
      for (const t of result.timings) process.stdout.write(`  ${t.stage.padEnd(11)} ${t.ms.toFixed(0).padStart(6)} ms\n`);
      if (kept) process.stdout.write("  (nothing changed since an earlier build into this folder: its output stands)\n");
    }
    if (!result.ok) {
      // An unknown --target is a usage error; everything else is a finding in the sources.
      if (usage) return 2;
      const errors = result.diagnostics.filter((d) => d.severity === "error").length;
      process.stderr.write(`build failed: ${plural(errors, "error")}; nothing was written (${ms} ms)\n`);
      return 1;
    }
    const shown = relative(process.cwd(), result.outDir) || ".";
    process.stdout.write(`${kept ? "up to date:" : "built"} ${result.version} ${kept ? "in" : "into"} ${shown}/${result.version}/ (${result.written.filter((f) => f.endsWith(".html")).join(", ")}); versions: ${result.versions.join(", ")} (${ms} ms)\n`);
    return 0;
  },
};
