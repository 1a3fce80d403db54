// Every benchmark `matrix-doc bench` runs, in order. A benchmark is a function
// of the BenchContext that prints its own lines; add one by adding it to the list.
import { buildBenchmark } from "./build-bench.ts";
import { diffBenchmark } from "./diff-bench.ts";
import { rstBenchmark } from "./rst-bench.ts";
import { serveBenchmark } from "./serve-bench.ts";
import { summaryBenchmark } from "./summary-bench.ts";

export type { BenchContext, Benchmark } from "./benchmark.ts";
import type { Benchmark } from "./benchmark.ts";

export const benchmarks: Benchmark[] = [summaryBenchmark, rstBenchmark, buildBenchmark, serveBenchmark, diffBenchmark];
