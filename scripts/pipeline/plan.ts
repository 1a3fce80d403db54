// The pages a build makes: one for each target built (see chosenTargets),
// and, with the main target, one for each supporting document the tree has
// (../spec-layout.ts). A supporting document is not part of the
// specification: its RST problems are warnings.
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { Sources } from "../sources/index.ts";
import { resolveTarget, type TargetFile } from "../sources/targets.ts";

export const DEFAULT_TARGET = "main";

export interface PagePlan {
  /** Output file name, e.g. `index.html`. */
  file: string;
  label: string;
  files: TargetFile[];
  /** A supporting document: its problems are warnings, not errors. */
  supporting: boolean;
}

/**
 * The targets a run builds: the one asked for; else `main` when targets.yaml has
 * it; else every target (later trees of the specification have one target per
 * API and no `main`).
 */
export function chosenTargets(sources: Sources, target: string | undefined): string[] {
  if (target !== undefined) return [target];
  const names = sources.targets?.targetNames ?? [];
  return names.includes(DEFAULT_TARGET) || names.length === 0 ? [DEFAULT_TARGET] : names;
}

/** The output file of a target: `index.html` for `main` (and a target named `index`), else `<target>.html`. */
export function pageFile(target: string): string {
  return target === DEFAULT_TARGET ? "index.html" : `${target}.html`;
}

export function planPages(sources: Sources, targets: readonly string[]): { plans: PagePlan[]; diagnostics: Diagnostic[] } {
  if (!sources.targets) return { plans: [], diagnostics: [] };
  const plans: PagePlan[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const target of targets) {
    const resolved = resolveTarget(sources.targets, target);
    diagnostics.push(...resolved.diagnostics);
    plans.push({ file: pageFile(target), label: target === DEFAULT_TARGET ? "Specification" : target, files: resolved.files, supporting: false });
  }
  if (targets.includes(DEFAULT_TARGET)) {
    for (const page of sources.layout.supportingPages) plans.push({ file: page.file, label: page.label, files: [{ path: page.path, depth: 0 }], supporting: true });
  }
  return { plans, diagnostics };
}
