// Where the block parser looks directives up (directives/registry.ts).
import type { DirectiveDefinition } from "./context.ts";

export function lookupDirective(_name: string): DirectiveDefinition | undefined {
  return undefined;
}
