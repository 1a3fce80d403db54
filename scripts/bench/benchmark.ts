// What a benchmark is, and what it gets: the list of them is in ./benchmarks.ts.
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
