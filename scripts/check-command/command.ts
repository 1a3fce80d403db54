// `matrix-doc check`: load the spec sources and check them (Swagger validity,
// operationIds, examples against their schemas, schemas against draft-04,
// changelog titles, the RST as the build sees it, the RST that is not built).
// Exit 0 when there is no error (warnings alone pass, unless --strict), 1 on
// errors, 2 on usage errors.
import { Option, type Command } from "commander";
import { realpathSync } from "node:fs";
import { type CommandSpec, rootFolder } from "../command.ts";
import type { StageTiming } from "../pipeline/timing.ts";
import { DEFAULT_CACHE_DIR } from "../toolchain-paths.ts";
import type { KeptCheck } from "./kept-check.ts";

export const checkCommand: CommandSpec = {
  name: "check",
  description: "Check the spec sources: Swagger files, examples against their schemas, schemas, changelogs, and the RST as the build sees it.",
  configure(cmd: Command) {
    cmd.addOption(new Option("--format <format>", "output format").choices(["text", "json"]).default("text"));
    cmd.option("--no-cache", "compute everything afresh instead of reusing the results kept in node_modules/.cache/matrix-doc");
    cmd.option("--target <name>", "the target of specification/targets.yaml whose RST is checked as built (default: main, or every target when there is no main)");
    cmd.option("--strict", "treat every warning as an error");
    cmd.option("--allow-raw", "allow the raw directive (as `raw: true` in specification/targets.yaml does)");
    cmd.option("--verbose", "print the time each stage took");
    cmd.option("--list", "print what was found (Swagger files, examples, schemas, changelogs, RST files) and check nothing");
  },
  async run(options) {
    const started = performance.now();
    const root = rootFolder(options, "check");
    if (!root) return 2;
    // Loaded here rather than at the top so that `--help` stays quick.
    if (options.list) {
      const { listSources } = await import("./list.ts");
      process.stdout.write(listSources(root, options.format === "json" ? "json" : "text"));
      return 0;
    }
    const { formatJson, formatText } = await import("../report.ts");
    const { useColor, plural } = await import("../color.ts");
    const settings = { target: options.target === undefined ? undefined : String(options.target), strict: Boolean(options.strict), allowRaw: Boolean(options.allowRaw) };
    // A tree unchanged since an earlier check: its result, without loading the pipeline.
    const keeping = options.cache !== false && !options.debug ? await import("./kept-check.ts") : undefined;
    const key = keeping?.checkKey(realpathSync(root), settings);
    const kept = key ? keeping!.keptCheck(DEFAULT_CACHE_DIR, key) : undefined;
    let result: KeptCheck & { timings?: StageTiming[] };
    if (kept) result = kept;
    else {
      const { runChecks } = await import("./run.ts");
      result = runChecks(root, { ...settings, debug: Boolean(options.debug), cacheDir: options.cache === false ? null : undefined, memo: options.cache !== false });
      if (key) keeping!.keepCheck(DEFAULT_CACHE_DIR, key, result);
    }
    const { summary } = result;
    if (options.format === "json") {
      process.stdout.write(formatJson({ ...summary }, result.diagnostics) + "\n");
    } else {
      const report = formatText(result.diagnostics, { root: result.root, color: useColor(process.stdout) });
      const ms = Math.round(performance.now() - started);
      const timings = !options.verbose ? "" : result.timings ? result.timings.map((t) => `  ${t.stage.padEnd(11)} ${t.ms.toFixed(0).padStart(6)} ms\n`).join("") : "  (nothing changed since an earlier check: its result)\n";
      process.stdout.write(
        (report ? report + "\n\n" : "") +
          timings +
          `${result.breakdown}\n` +
          `checked ${plural(summary.files, "file")}, ${plural(summary.examples, "example")}: ${plural(summary.errors, "error")}, ${plural(summary.warnings, "warning")} (${ms} ms)\n`,
      );
    }
    return summary.errors > 0 ? 1 : 0;
  },
};
