// Where the block parser looks directives up (directives/registry.ts).
import { lookupDirective as registryLookup } from "../directives/registry.ts";
import type { DirectiveDefinition } from "./context.ts";

/** The directive's definition, and the INFO text docutils gives when the name is not an English directive name. */
export function lookupDirective(name: string): { definition: DirectiveDefinition | undefined; info: string | null } {
  return registryLookup(name);
}
