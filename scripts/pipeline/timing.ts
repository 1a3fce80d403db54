// Stage timings, for `--verbose` and the bench.
export interface StageTiming {
  stage: string;
  ms: number;
}

/** Times stages one after another: `timed(stage, f)` runs f and records how long since the last stage ended. */
export function stageTimer(): { timings: StageTiming[]; timed: <T>(stage: string, f: () => T) => T } {
  const timings: StageTiming[] = [];
  let mark = performance.now();
  const timed = <T>(stage: string, f: () => T): T => {
    const value = f();
    const now = performance.now();
    timings.push({ stage, ms: now - mark });
    mark = now;
    return value;
  };
  return { timings, timed };
}
