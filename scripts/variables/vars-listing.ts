// What `matrix-doc vars` prints: every variable and its size, or the unused ones.
import { type Diagnostic } from "../diagnostics/diagnostic.ts";
import { loadTargets, resolveTarget } from "../sources/targets.ts";
import { SourceCache } from "../sources/source-cache.ts";
import { defineVariables, loadSources } from "./catalog.ts";
import { EXTRA_SOURCES, unusedVariables, usedNames } from "./index.ts";

export interface VarsListing {
  lines: string[];
  diagnostics: Diagnostic[];
  /** True when the command line named something that does not exist (exit 2). */
  usage?: boolean;
}

export function listTemplateVariables(root: string, options: { target?: string; unused?: boolean }): VarsListing {
  const targets = loadTargets(root);
  if (!targets.config) return { lines: [], diagnostics: targets.diagnostics };
  const name = options.target ?? targets.config.targetNames[0];
  const resolved = resolveTarget(targets.config, name);
  if (resolved.diagnostics.some((d) => d.code === "unknown-target")) return { lines: [], diagnostics: resolved.diagnostics, usage: true };
  const used = usedNames(root, [...resolved.files.map((f) => f.path), ...EXTRA_SOURCES]);
  const cache = new SourceCache(root);
  const { definitions, diagnostics } = defineVariables(loadSources(root, cache), {
    usedNames: used,
    relative: targets.config.relativeTitleStyles,
  });
  let lines: string[];
  if (options.unused) {
    lines = unusedVariables(definitions, used).map((v) => v.name);
  } else {
    // Rendering adds its own problems to `diagnostics`, so they are gathered after.
    const sized = definitions.map((d) => ({ name: d.name, size: d.render().text.replace(/\n$/, "").length }));
    const width = Math.max(...sized.map((s) => s.name.length));
    lines = sized.map((s) => `${s.name.padEnd(width)}  ${String(s.size).padStart(6)}`);
  }
  return { lines, diagnostics: [...targets.diagnostics, ...resolved.diagnostics, ...cache.diagnostics, ...diagnostics] };
}
