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
}

export type Check = (ctx: CheckContext) => Diagnostic[];
