// One file's part of a check, kept between runs when the check context has
// kept results (`ctx.kept`: `check` and `build` keep them on disk through the
// stage memo, ../pipeline/memo/; the preview in memory): after an edit, only
// the parts whose files changed are checked again. A part is kept under the text of every file it read: the
// file and every file its `$ref`s reach (../sources/ref-closure.ts). A part
// that met a schema that does not compile is not kept: which of the examples
// using that schema reports it depends on the order they are checked in.
import { createHash } from "node:crypto";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { refClosure } from "../sources/ref-closure.ts";
import type { SourceCache } from "../sources/source-cache.ts";
import { KeptValues } from "../kept-values.ts";
import type { CheckContext, KeptResults, UnitResult } from "./check.ts";

/** The digest of every loaded file's text, by path; made once per load. */
const digests = new WeakMap<SourceCache, Map<string, string>>();

function digestsOf(cache: SourceCache): Map<string, string> {
  let map = digests.get(cache);
  if (!map) {
    map = new Map(cache.loadedFiles().map((f) => [f.path, createHash("sha256").update(f.text).digest("hex")]));
    digests.set(cache, map);
  }
  return map;
}

/** `run`'s diagnostics for the part of check `check` that reads `paths` (and what they reference), kept when `ctx.kept` is given. */
export function keptUnit(ctx: CheckContext, check: string, paths: readonly string[], run: () => Diagnostic[]): Diagnostic[] {
  if (!ctx.kept) return run();
  const files = digestsOf(ctx.cache);
  const read = [...refClosure(ctx.cache, paths)].sort().map((p) => [p, files.get(p) ?? null]);
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
