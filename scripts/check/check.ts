// What a check is: a plain function from the loaded sources, with the shared
// schema registry, to diagnostics. Every check is listed in ./checks.ts;
// ./context.ts makes the context.
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { Sources } from "../sources/index.ts";
import type { SchemaRegistry } from "./schema-registry.ts";

export interface CheckContext extends Sources {
  schemas: SchemaRegistry;
  /** Checks count the examples they validate here. */
  counts: { examples: number };
  /**
   * Results kept between runs, for the checks that work file by file
   * (./kept-units.ts). Without it everything is computed.
   */
  kept?: KeptResults;
}

/** One file's part of a check: its diagnostics and the examples it validated. */
export interface UnitResult {
  diagnostics: Diagnostic[];
  examples: number;
}

export interface KeptResults {
  /**
   * The result kept under `key` (which names everything the result depends
   * on), or `compute`'s, kept for later runs unless it says `keep: false`.
   */
  unit(key: string, compute: () => UnitResult & { keep: boolean }): UnitResult;
}

export type Check = (ctx: CheckContext) => Diagnostic[];
