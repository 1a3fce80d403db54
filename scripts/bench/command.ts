// `matrix-doc bench`: speed measurements (see ./benchmarks.ts for the list). The
// synthetic tree and every output go to a temporary folder, removed afterwards
// unless --keep is given; the repository's gen/ is not touched.
import { mkdtempSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Command } from "commander";
import { type CommandSpec, rootFolder } from "../command.ts";

export const benchCommand: CommandSpec = {
  name: "bench",
  description: "Measure check and build times on the repository's sources and on a synthetic tree, and compare with docutils.",
  configure(cmd: Command) {
    cmd.option("--scale <n>", "how many times larger the synthetic tree is", "20");
    cmd.option("--runs <n>", "runs per measurement (the best is shown)", "1");
    cmd.option("--keep", "keep the temporary folder (synthetic tree and outputs)");
    cmd.option("--only <text>", "run only the benchmarks whose name contains this text (e.g. rst, build, serve)");
    cmd.option("--no-docutils", "skip the comparison with python3 docutils (slow on the synthetic tree)");
  },
  async run(options) {
    const root = resolve(String(options.root ?? process.cwd()));
    const scale = Number(options.scale);
    const runs = Number(options.runs);
    if (!Number.isInteger(scale) || scale < 1 || !Number.isInteger(runs) || runs < 1) {
      process.stderr.write("matrix-doc bench: --scale and --runs take whole numbers of at least 1.\n");
      return 2;
    }
    if (!rootFolder(options, "bench")) return 2;
    const { benchmarks } = await import("./benchmarks.ts");
    const { generateSyntheticTree } = await import("./synthetic-tree.ts");
    const temp = mkdtempSync(join(tmpdir(), "matrix-doc-bench-"));
    let synthetic: string | undefined;
    const print = (line: string) => process.stdout.write(line + "\n");
    let failures = 0;
    try {
      const ctx = {
        repoRoot: root,
        scale,
        runs,
        docutils: options.docutils !== false,
        print,
        tempDir(name: string) {
          const dir = join(temp, name);
          mkdirSync(dir, { recursive: true });
          return dir;
        },
        syntheticRoot() {
          if (!synthetic) {
            const started = performance.now();
            const tree = generateSyntheticTree(root, join(temp, "synthetic"), scale);
            synthetic = tree.root;
            print(`(synthetic tree: ${tree.rstFiles} RST files in the main target, ${tree.swaggerFiles} Swagger files, generated in ${((performance.now() - started) / 1000).toFixed(2)} s)`);
          }
          return synthetic;
        },
      };
      const only = options.only ? String(options.only).toLowerCase() : "";
      for (const b of benchmarks.filter((x) => !only || x.name.toLowerCase().includes(only) || (only === "rst" && x.name.includes("reStructuredText")))) {
        print(`== ${b.name}`);
        try {
          await b.run(ctx);
        } catch (e) {
          failures++;
          print(`  ${b.name} stopped: ${(e as Error).message}`);
        }
      }
    } finally {
      if (options.keep) print(`(kept ${temp})`);
      else rmSync(temp, { recursive: true, force: true });
    }
    return failures ? 1 : 0;
  },
};
