// The check and build benchmark: `matrix-doc check` and `matrix-doc build` (whole
// processes, cold: --no-cache) on the repository's sources and on the synthetic tree, and the ratio
// of our whole build to python3 docutils rendering our assembled RST alone (the
// templated text the build keeps with --keep-intermediates) with its html5 writer.
import { TOOLCHAIN_ROOT } from "../toolchain-paths.ts";
import { spawnSync } from "node:child_process";
import { statSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Benchmark, BenchContext } from "./benchmark.ts";
import { bestOf, formatTiming, type ProcessTiming, timeProcess } from "./timing.ts";

const CLI = resolve(TOOLCHAIN_ROOT, "bin/matrix-doc.js");

function cli(args: string[]): ProcessTiming {
  return timeProcess(process.execPath, [CLI, ...args]);
}

/** The docutils version, or undefined when python3 or docutils is missing. */
export function docutilsVersion(): string | undefined {
  const r = spawnSync("python3", ["-c", "import docutils; print(docutils.__version__)"], { encoding: "utf8" });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

const DOCUTILS_SCRIPT = [
  "import sys, docutils.core",
  "docutils.core.publish_file(source_path=sys.argv[1], destination_path=sys.argv[2], writer_name='html5',",
  "    settings_overrides={'report_level': 5, 'halt_level': 5, 'input_encoding': 'utf-8', 'output_encoding': 'utf-8'})",
].join("\n");

function ratio(ours: ProcessTiming, theirs: ProcessTiming): string {
  const wall = (ours.wallMs / theirs.wallMs).toFixed(2);
  const cpu = ours.cpuMs !== undefined && theirs.cpuMs ? `, ${(ours.cpuMs / theirs.cpuMs).toFixed(2)} (CPU)` : "";
  return `${wall} (wall)${cpu}`;
}

function failed(t: ProcessTiming): string {
  return `FAILED (exit ${t.status})${t.stderr ? `: ${t.stderr.trim().split("\n").slice(-3).join(" / ")}` : ""}`;
}

function measureTree(ctx: BenchContext, label: string, root: string, docutils: string | undefined): void {
  ctx.print(`${label} (${root})`);
  // --no-cache: the whole work, nothing kept from an earlier run (the speed table shows kept results).
  const check = bestOf(ctx.runs, () => cli(["check", "--root", root, "--no-cache"]));
  ctx.print(`  check, cold         ${check.status === 0 ? formatTiming(check) : failed(check)}`);
  const out = ctx.tempDir(`gen-${label.replace(/\W+/g, "-")}`);
  const build = bestOf(ctx.runs, () => cli(["build", "--root", root, "--out", out, "--keep-intermediates", "--no-cache"]));
  ctx.print(`  build, cold         ${build.status === 0 ? formatTiming(build) : failed(build)}`);
  if (build.status !== 0) return;
  if (!docutils) {
    ctx.print(`  docutils            skipped: ${ctx.docutils ? "python3 with docutils is not installed" : "--no-docutils"}`);
    return;
  }
  const version = spawnSync("ls", [out], { encoding: "utf8" }).stdout.split("\n").find((n) => /^v\d/.test(n));
  const source = join(out, version ?? "", "index.templated.rst");
  const size = statSync(source).size;
  const theirs = bestOf(ctx.runs, () => timeProcess("python3", ["-c", DOCUTILS_SCRIPT, source, join(out, "docutils.html")]));
  if (theirs.status !== 0) {
    ctx.print(`  docutils ${docutils}       ${failed(theirs)}`);
    return;
  }
  ctx.print(`  docutils ${docutils} alone ${formatTiming(theirs)} (html5 writer, ${(size / 1024).toFixed(0)} KB of assembled RST)`);
  ctx.print(`  ratio ours/docutils ${ratio(build, theirs)}  (our whole build, both pages, vs docutils on the main page's RST alone)`);
}

export const buildBenchmark: Benchmark = {
  name: "check and build",
  run(ctx) {
    const docutils = ctx.docutils ? docutilsVersion() : undefined;
    measureTree(ctx, "repository", ctx.repoRoot, docutils);
    measureTree(ctx, `synthetic ${ctx.scale}x`, ctx.syntheticRoot(), docutils);
  },
};
