// `matrix-doc vars [--unused] [--target NAME]`: lists every template variable
// with the size of its text in characters and the source it is made from, or with `--unused` the ones that no
// source uses (the target's files and the supporting docs). Exit 0; 1 when the
// sources have errors (reported on stderr); 2 on usage errors.
import type { Command } from "commander";
import { type CommandSpec, rootFolder } from "../command.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";

export const varsCommand: CommandSpec = {
  name: "vars",
  description: "List the template variables with their sizes, or with --unused those no source uses.",
  configure(cmd: Command) {
    cmd.option("--unused", "list only the variables that no source uses");
    cmd.option("--target <name>", "the build target whose files count as sources (default: the first in specification/targets.yaml)");
  },
  async run(options) {
    const root = rootFolder(options, "vars");
    if (!root) return 2;
    const { listTemplateVariables } = await import("./vars-listing.ts");
    const { formatText } = await import("../report.ts");
    const result = listTemplateVariables(root, { target: options.target as string | undefined, unused: Boolean(options.unused) });
    const report = (diagnostics: Diagnostic[]) => {
      if (diagnostics.length) process.stderr.write(formatText(diagnostics, { root, color: Boolean(process.stderr.isTTY) }) + "\n");
    };
    report(result.diagnostics);
    if (result.usage) return 2;
    process.stdout.write(result.lines.map((l) => l + "\n").join(""));
    return result.diagnostics.some((d) => d.severity === "error") ? 1 : 0;
  },
};
