// One file's part of a check, kept between runs when the check context has
// kept results (`ctx.kept`: `check` and `build` keep them on disk through the
// stage memo, ../pipeline/memo/; the preview in memory): after an edit, only
// the parts whose files changed are checked again. A part is kept under the
// text of every file it read: the file and every file its `$ref`s reach
// (../sources/ref-closure.ts). A part
// that met a schema that does not compile is not kept: which of the examples
// using that schema reports it depends on the order they are checked in.
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { closureDigests } from "../sources/ref-closure.ts";
import { KeptValues } from "../kept-values.ts";
import type { CheckContext, KeptResults, UnitResult } from "./check.ts";

/** `run`'s diagnostics for the part of check `check` that reads `paths` (and what they reference), kept when `ctx.kept` is given. */
export function keptUnit(ctx: CheckContext, check: string, paths: readonly string[], run: () => Diagnostic[]): Diagnostic[] {
  if (!ctx.kept) return run();
  const read = closureDigests(ctx.cache, paths);
  let computed = false;
  const result = ctx.kept.unit(JSON.stringify([check, paths, read]), () => {
    computed = true;
    const examples = ctx.counts.examples;
    const failures = ctx.schemas.compileFailures;
    const diagnostics = run();
    return { diagnostics, examples: ctx.counts.examples - examples, keep: ctx.schemas.compileFailures === failures };
  });
  if (!computed) ctx.counts.examples += result.examples;
  return result.diagnostics;
}

/** A part of a check as its key names it: the check and the first file it reads (for tests and timings). */
export function unitName(key: string): string {
  const [check, paths] = JSON.parse(key) as [string, string | string[]];
  return `${check} ${[paths].flat()[0]}`;
}

/** Each file's part of the checks, kept from one run to the next (../kept-values.ts). */
export class KeptUnits extends KeptValues<UnitResult> implements KeptResults {
  constructor(before?: ReadonlyMap<string, UnitResult>) {
    super(before, unitName);
  }

  unit(key: string, compute: () => UnitResult & { keep: boolean }): UnitResult {
    return this.get(key, () => {
      const { keep, ...value } = compute();
      return { value, keep };
    });
  }
}
