// The diff benchmark: `matrix-doc diff A B` for the two newest releases of the
// repository's history, against `build --rev A` plus `build --rev B` (whole
// processes, best of the runs). The goal: the diff takes no more than the two
// builds plus 20%.
import { resolve } from "node:path";
import { findReleases } from "../history/releases.ts";
import { repositoryTop } from "../history/git.ts";
import { TOOLCHAIN_ROOT } from "../toolchain-paths.ts";
import type { Benchmark, BenchContext } from "./benchmark.ts";
import { bestOf, formatTiming, type ProcessTiming, timeProcess } from "./timing.ts";

const CLI = resolve(TOOLCHAIN_ROOT, "bin/matrix-doc.js");

function run(ctx: BenchContext): void {
  const repo = repositoryTop(ctx.repoRoot);
  const releases = repo ? findReleases(repo) : [];
  if (releases.length < 2) {
    ctx.print("diff: skipped (the history holds fewer than two releases)");
    return;
  }
  const [a, b] = releases.slice(-2).map((r) => r.version);
  const time = (args: string[]): ProcessTiming => bestOf(ctx.runs, () => timeProcess(process.execPath, [CLI, ...args, "--root", ctx.repoRoot, "--out", ctx.tempDir("diff-bench")]));
  const buildA = time(["build", "--rev", a]);
  const buildB = time(["build", "--rev", b]);
  const diff = time(["diff", a, b]);
  for (const t of [buildA, buildB, diff]) if (t.status !== 0) return ctx.print(`diff: FAILED (exit ${t.status}): ${t.stderr.trim().split("\n").slice(-2).join(" / ")}`);
  const builds = buildA.wallMs + buildB.wallMs;
  const cpu = buildA.cpuMs !== undefined && buildB.cpuMs !== undefined && diff.cpuMs !== undefined ? `, ${(diff.cpuMs / (buildA.cpuMs + buildB.cpuMs)).toFixed(2)} (CPU)` : "";
  ctx.print(`build --rev ${a}: ${formatTiming(buildA)}`);
  ctx.print(`build --rev ${b}: ${formatTiming(buildB)}`);
  ctx.print(`diff ${a} ${b}: ${formatTiming(diff)}`);
  ctx.print(`diff / (two builds): ${(diff.wallMs / builds).toFixed(2)} (wall)${cpu}; goal ≤ 1.20: ${diff.wallMs <= builds * 1.2 ? "met" : "NOT MET"}`);
}

export const diffBenchmark: Benchmark = { name: "diff", run };
