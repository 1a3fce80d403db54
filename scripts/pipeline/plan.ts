// The pages a build makes: one for the target of specification/targets.yaml,
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

export function planPages(sources: Sources, target: string): { plans: PagePlan[]; diagnostics: Diagnostic[] } {
  if (!sources.targets) return { plans: [], diagnostics: [] };
  const resolved = resolveTarget(sources.targets, target);
  const main = target === DEFAULT_TARGET;
  const plans: PagePlan[] = [{ file: main ? "index.html" : `${target}.html`, label: main ? "Specification" : target, files: resolved.files, supporting: false }];
  if (main) {
    for (const page of sources.layout.supportingPages) plans.push({ file: page.file, label: page.label, files: [{ path: page.path, depth: 0 }], supporting: true });
  }
  return { plans, diagnostics: resolved.diagnostics };
}
