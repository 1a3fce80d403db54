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
   * Results kept between runs, for a check that works file by file: the
   * diagnostics of `key` (which names everything the result depends on), or
   * `compute`'s. Without it everything is computed.
   */
  kept?: KeptResults;
}

export interface KeptResults {
  diagnostics(key: string, compute: () => Diagnostic[]): Diagnostic[];
}

export type Check = (ctx: CheckContext) => Diagnostic[];
