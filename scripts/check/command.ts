// `matrix-doc check`: load the spec sources and check them (Swagger validity,
// examples against their schemas, schemas against draft-04, CHANGELOG titles).
// Exit 0 when there is no error (warnings alone pass), 1 on errors, 2 on usage errors.
import { Option, type Command } from "commander";
import { type CommandSpec, rootFolder } from "../command.ts";

export const checkCommand: CommandSpec = {
  name: "check",
  description: "Check the spec sources: Swagger files, examples against their schemas, schemas, CHANGELOG.rst.",
  configure(cmd: Command) {
    cmd.addOption(new Option("--format <format>", "output format").choices(["text", "json"]).default("text"));
    cmd.option("--no-cache", "compile every schema afresh instead of reusing node_modules/.cache/matrix-doc");
  },
  async run(options) {
    const started = performance.now();
    const root = rootFolder(options, "check");
    if (!root) return 2;
    // Loaded here rather than at the top so that `--help` stays quick.
    const { runChecks } = await import("./run.ts");
    const { formatJson, formatText } = await import("../report.ts");
    const { useColor, plural } = await import("../color.ts");
    const result = runChecks(root, { debug: Boolean(options.debug), cacheDir: options.cache === false ? null : undefined });
    const { summary } = result;
    if (options.format === "json") {
      process.stdout.write(formatJson({ ...summary }, result.diagnostics) + "\n");
    } else {
      const report = formatText(result.diagnostics, { root: result.root, color: useColor(process.stdout) });
      const ms = Math.round(performance.now() - started);
      process.stdout.write(
        (report ? report + "\n\n" : "") +
          `${result.breakdown}\n` +
          `checked ${plural(summary.files, "file")}, ${plural(summary.examples, "example")}: ${plural(summary.errors, "error")}, ${plural(summary.warnings, "warning")} (${ms} ms)\n`,
      );
    }
    return summary.errors > 0 ? 1 : 0;
  },
};
