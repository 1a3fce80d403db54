// Every benchmark `matrix-doc bench` runs, in order. A benchmark is a function
// of the BenchContext that prints its own lines; add one by adding it to the list.
import { buildBenchmark } from "./build-bench.ts";
import { diffBenchmark } from "./diff-bench.ts";
import { rstBenchmark } from "./rst-bench.ts";
import { serveBenchmark } from "./serve-bench.ts";
import { summaryBenchmark } from "./summary-bench.ts";

export interface BenchContext {
  /** The repository's spec tree. */
  repoRoot: string;
  /** The synthetic tree (`scale` times larger), generated once on first use. */
  syntheticRoot(): string;
  scale: number;
  /** Runs per measurement; the best is reported. */
  runs: number;
  /** Whether to compare with python3 docutils (--no-docutils turns it off). */
  docutils: boolean;
  /** A fresh folder under the bench's temporary folder. */
  tempDir(name: string): string;
  print(line: string): void;
}

export interface Benchmark {
  name: string;
  run(ctx: BenchContext): Promise<void> | void;
}

export const benchmarks: Benchmark[] = [summaryBenchmark, rstBenchmark, buildBenchmark, serveBenchmark, diffBenchmark];
