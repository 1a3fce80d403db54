// `matrix-doc build`: the pipeline (../pipeline/) up to the page stage, then
// the write stage. Nothing is written when any stage reported an error, so a
// failed build leaves the output as it was.
import { join, resolve } from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { renderTheme, themeAssets } from "../page/page.ts";
import { searchIndexFile, searchIndexScript } from "../page/search-index.ts";
import { DEFAULT_TARGET } from "../pipeline/plan.ts";
import { runPipeline, strictly } from "../pipeline/run.ts";
import { plainStages, type Stages } from "../pipeline/stages.ts";
import type { StageTiming } from "../pipeline/timing.ts";
import { DEFAULT_CACHE_DIR } from "../toolchain-paths.ts";
import { writeOutput, type WriteHooks } from "../write/write-output.ts";

export { DEFAULT_TARGET };

export interface BuildOptions {
  root: string;
  /** Output folder; default `<root>/gen`. */
  out?: string;
  target?: string;
  keepIntermediates?: boolean;
  /** Allow the raw directive whatever targets.yaml says. */
  allowRaw?: boolean;
  /** Every warning is an error (and so nothing is written when there is one). */
  strict?: boolean;
  /** The stages; default the plain ones with the on-disk caches. */
  stages?: Stages;
  /** Let internal errors propagate with their stack. */
  debug?: boolean;
  /** Passed to the write stage (tests make a step fail through it). */
  beforeSwap?: WriteHooks["beforeSwap"];
}

export interface BuildResult {
  root: string;
  outDir: string;
  diagnostics: Diagnostic[];
  timings: StageTiming[];
  version?: string;
  /** Files written into the version folder. */
  written: string[];
  /** Versions present after the build, newest first. */
  versions: string[];
  /** True when no stage reported an error (and so the output was written). */
  ok: boolean;
}

export async function runBuild(options: BuildOptions): Promise<BuildResult> {
  const run = runPipeline({
    root: resolve(options.root),
    target: options.target,
    until: "page",
    allowRaw: options.allowRaw,
    debug: options.debug,
    stages: options.stages ?? plainStages({ cacheDir: DEFAULT_CACHE_DIR, debug: options.debug }),
  });
  const outDir = resolve(options.out ?? join(run.root, "gen"));
  const diagnostics = options.strict ? strictly(run.diagnostics) : run.diagnostics;
  const ok = run.ok && !diagnostics.some((d) => d.severity === "error");
  const result: BuildResult = { root: run.root, outDir, diagnostics, timings: run.timings, version: run.version, written: [], versions: [], ok };
  if (!ok || !run.version || run.pages.length === 0) return { ...result, ok: false };

  const files = new Map<string, string | Buffer>();
  for (const page of run.pages) {
    files.set(page.file, page.html);
    files.set(searchIndexFile(page.file), searchIndexScript(page.html));
  }
  for (const [name, content] of themeAssets()) files.set(name, content);
  if (options.keepIntermediates) {
    run.plans.forEach((plan, i) => {
      const base = plan.file.replace(/\.html$/, "");
      files.set(`${base}.assembled.rst`, run.assembled[i].text);
      files.set(`${base}.templated.rst`, run.templated[i].text);
    });
  }
  const started = performance.now();
  const versions = writeOutput(outDir, { version: run.version, files, merge: !run.targets.includes(DEFAULT_TARGET) && options.target !== undefined }, { versionsPage, beforeSwap: options.beforeSwap });
  result.timings.push({ stage: "write", ms: performance.now() - started });
  return { ...result, versions, written: [...files.keys()] };
}

/** The page listing every version present in the output folder. */
export function versionsPage(versions: string[]): string {
  return renderTheme("versions.njk", { versions, latest: versions[0] });
}
