// `build` when nothing changed since an earlier build into the same output
// folder: the tree, the toolchain, the options, git's state and the day are
// those of that build (../pipeline/memo/run-key.ts), and the output folder
// holds exactly what it left there. Then the output is already what the build
// would write, and it is reported as up to date without loading the pipeline.
// Anything else (an edit, a file changed or removed under the output folder,
// another build written there since) builds, with the stages' kept results
// (../pipeline/memo/).
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { runKey } from "../pipeline/memo/run-key.ts";
import { StageStore } from "../pipeline/memo/stage-store.ts";
import { hashDigests, treeDigests } from "../pipeline/memo/tree-hash.ts";

/** What the build command reports of a build that wrote its output. */
export interface KeptBuild {
  root: string;
  outDir: string;
  diagnostics: Diagnostic[];
  version?: string;
  written: string[];
  versions: string[];
}

export interface BuildKeyOptions {
  out: string;
  target?: string;
  keepIntermediates: boolean;
  allowRaw: boolean;
  strict: boolean;
}

export function buildKey(root: string, options: BuildKeyOptions): string {
  return runKey("build", root, options);
}

/** Every file of the output folder (the staging folders of running builds left out). */
function outputHash(outDir: string): string {
  return hashDigests(treeDigests(outDir));
}

/** The earlier build's report, when the output folder is as that build left it. */
export function keptBuild(cacheDir: string, key: string, outDir: string): KeptBuild | undefined {
  const kept = new StageStore(cacheDir).get<{ build: KeptBuild; output: string }>("whole-build", key);
  return kept && kept.output === outputHash(outDir) ? kept.build : undefined;
}

/** Called after a build wrote its output. */
export function keepBuild(cacheDir: string, key: string, build: KeptBuild): void {
  const { root, outDir, diagnostics, version, written, versions } = build;
  new StageStore(cacheDir).set("whole-build", key, { build: { root, outDir, diagnostics, version, written, versions }, output: outputHash(outDir) });
}
