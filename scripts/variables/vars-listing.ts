// What `matrix-doc vars` prints: every variable with its size and the source
// it comes from, or the unused ones.
import { type Diagnostic } from "../diagnostics/diagnostic.ts";
import { loadDiagnostics, loadSources } from "../sources/index.ts";
import { resolveTarget } from "../sources/targets.ts";
import { defineVariables } from "./catalog.ts";
import { unusedVariables, usedNames } from "./index.ts";

export interface VarsListing {
  lines: string[];
  diagnostics: Diagnostic[];
  /** True when the command line named something that does not exist (exit 2). */
  usage?: boolean;
}

export function listTemplateVariables(root: string, options: { target?: string; unused?: boolean }): VarsListing {
  const sources = loadSources(root);
  const config = sources.targets;
  if (!config) return { lines: [], diagnostics: loadDiagnostics(sources) };
  const name = options.target ?? config.targetNames[0];
  const resolved = resolveTarget(config, name);
  if (resolved.diagnostics.some((d) => d.code === "unknown-target")) return { lines: [], diagnostics: resolved.diagnostics, usage: true };
  const used = usedNames(sources.root, [...resolved.files.map((f) => f.path), ...sources.layout.supportingPages.map((p) => p.path)]);
  const { definitions, diagnostics } = defineVariables(sources, { usedNames: used, relative: config.relativeTitleStyles });
  let lines: string[];
  if (options.unused) {
    lines = unusedVariables(definitions, used).map((v) => v.name);
  } else {
    // Rendering adds its own problems to `diagnostics`, so they are gathered after.
    const sized = definitions.map((d) => ({ name: d.name, size: d.render().text.replace(/\n$/, "").length, source: d.source ?? (d.renders?.length ? `${d.renders.length} events` : "") }));
    const width = Math.max(...sized.map((s) => s.name.length));
    lines = sized.map((s) => `${s.name.padEnd(width)}  ${String(s.size).padStart(6)}  ${s.source}`.trimEnd());
  }
  return { lines, diagnostics: [...loadDiagnostics(sources), ...resolved.diagnostics, ...diagnostics] };
}
