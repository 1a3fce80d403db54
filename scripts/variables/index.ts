// The variables stage: every template variable rendered from the loaded sources.
// `buildVariables` is what the build calls; `listVariables` is what `matrix-doc
// vars` shows; `usedNames` finds which variables some RST sources name.
import { realpathSync } from "node:fs";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { usedVariables, type VariableValue } from "../assemble/substitute.ts";
import type { Sources } from "../sources/index.ts";
import { readSourceFile } from "../sources/safe-read.ts";
import { type CatalogOptions, defineVariables, type VariableInfo } from "./catalog.ts";

export type { VariableInfo } from "./catalog.ts";

export interface BuildVariablesResult {
  variables: Map<string, VariableValue>;
  diagnostics: Diagnostic[];
}

/**
 * Renders every template variable (or those of `render`). `usedNames` are the names the target's sources
 * use: an event whose own variable is used is left out of `room_events`, so that
 * each event is documented once. Diagnostics include those of loading the sources
 * (the SourceCache's) only when they are new to the cache's list.
 */
export function buildVariables(sources: Sources, options: CatalogOptions & { render?: ReadonlySet<string> } = {}): BuildVariablesResult {
  const cache = sources.cache;
  const before = cache.diagnostics.length;
  const { definitions, diagnostics } = defineVariables(sources, options);
  const variables = new Map<string, VariableValue>();
  for (const d of definitions) if (!options.render || options.render.has(d.name)) variables.set(d.name, d.render());
  return { variables, diagnostics: [...cache.diagnostics.slice(before), ...diagnostics] };
}

/** Every template variable's metadata, in catalog order. */
export function listVariables(sources: Sources, options: CatalogOptions = {}): { variables: VariableInfo[]; diagnostics: Diagnostic[] } {
  const cache = sources.cache;
  const before = cache.diagnostics.length;
  const { definitions, diagnostics } = defineVariables(sources, options);
  return {
    variables: definitions.map(({ render: _render, ...info }) => info),
    diagnostics: [...cache.diagnostics.slice(before), ...diagnostics],
  };
}

/** The variable names the given RST files (paths relative to `root`) use; unreadable files are skipped. */
export function usedNames(root: string, files: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const f of files) {
    const read = readSourceFile(realRootOf(root), f);
    if (!read.ok) continue;
    for (const n of usedVariables(read.text)) names.add(n);
  }
  return names;
}

/**
 * The variables no source uses. An `<event>_event` variable counts as used when a
 * used group variable (`room_events`, …) renders its event.
 */
export function unusedVariables(variables: readonly VariableInfo[], used: ReadonlySet<string>): VariableInfo[] {
  const covered = new Set<string>();
  for (const v of variables) if (used.has(v.name)) for (const r of v.renders ?? []) covered.add(r);
  return variables.filter((v) => !used.has(v.name) && !covered.has(v.name));
}

function realRootOf(root: string): string {
  try {
    return realpathSync(root);
  } catch {
    return root;
  }
}
