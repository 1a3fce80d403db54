// `matrix-doc build` with the history's two modes: the build command of
// ../build/command.ts, plus `--rev REV`, `--releases` and `--tag-pattern`, which
// run ./command-run.ts instead. (The history drives the build, so the build
// command itself knows nothing of it.)
import { resolve } from "node:path";
import type { Command } from "commander";
import { buildCommand as plainBuild } from "../build/command.ts";
import { type CommandSpec, rootFolder } from "../command.ts";

export const buildCommand: CommandSpec = {
  name: plainBuild.name,
  description: plainBuild.description,
  configure(cmd: Command) {
    plainBuild.configure(cmd);
    cmd.option("--rev <rev>", "build the tree as it was at a git revision (tag, branch, commit or release version)");
    cmd.option("--releases", "build every release of the git history not yet in the output folder, and the working tree as unstable when it is ahead");
    cmd.option("--tag-pattern <glob>", "tags naming releases", "v*");
  },
  async run(options, args) {
    if (!options.rev && !options.releases) return plainBuild.run(options, args);
    const root = rootFolder(options, "build");
    if (!root) return 2;
    const { runHistoryBuild } = await import("./command-run.ts");
    return runHistoryBuild({ root, out: options.out ? resolve(String(options.out)) : undefined, rev: options.rev, releases: Boolean(options.releases), tagPattern: String(options.tagPattern ?? "v*"), debug: Boolean(options.debug) });
  },
};
