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
import { memoStages } from "../pipeline/memo/memo-stages.ts";
import { keepCompiledTemplatesIn } from "../compiled-templates.ts";
import type { StageTiming } from "../pipeline/timing.ts";
import { DEFAULT_CACHE_DIR } from "../toolchain-paths.ts";
import { writeOutput, type WriteHooks } from "../write/write-output.ts";
import { newestEntry } from "../sources/changelog.ts";
import { UNSTABLE, type VersionInfo } from "../versions/version-info.ts";

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
  /** Without `stages`: no on-disk caches at all (parsed YAML, compiled validators, kept stage results). */
  noCache?: boolean;
  /** Without `stages`: keep the stages' results in the cache folder and reuse them while the tree is unchanged (../pipeline/memo/). */
  memo?: boolean;
  /** Let internal errors propagate with their stack. */
  debug?: boolean;
  /** The git revision shown on the pages; default: asked of git in the root (a tree exported from git has none). */
  gitRev?: string;
  /** Build into `<out>/unstable/` instead of `<out>/<changelog version>/` (the working tree ahead of the newest release). */
  unstable?: boolean;
  /** Passed to the write stage (tests make a step fail through it). */
  beforeSwap?: WriteHooks["beforeSwap"];
}

export interface BuildResult {
  root: string;
  outDir: string;
  diagnostics: Diagnostic[];
  timings: StageTiming[];
  version?: string;
  /** The folder written under the output folder: the version, or `unstable`. */
  folder?: string;
  /** Files written into the version folder. */
  written: string[];
  /** Versions present after the build, newest first. */
  versions: string[];
  /** True when no stage reported an error (and so the output was written). */
  ok: boolean;
}

export async function runBuild(options: BuildOptions): Promise<BuildResult> {
  const stages = options.stages ?? defaultStages(options);
  const run = runPipeline({
    root: resolve(options.root),
    target: options.target,
    until: "page",
    allowRaw: options.allowRaw,
    debug: options.debug,
    gitRev: options.gitRev,
    unstable: options.unstable,
    stages,
  });
  const outDir = resolve(options.out ?? join(run.root, "gen"));
  const diagnostics = options.strict ? strictly(run.diagnostics) : run.diagnostics;
  const folder = options.unstable ? UNSTABLE : run.version;
  const result: BuildResult = { root: run.root, outDir, diagnostics, timings: run.timings, version: run.version, folder, written: [], versions: [], ok: false };
  if (!run.ok || !run.version || !run.sources || run.pages.length === 0) return result;

  // The merged API descriptions (validated) and version.json.
  const apiStarted = performance.now();
  const info: VersionInfo = { name: folder!, release: run.version, date: newestEntry(run.sources.changelog)?.date ?? "", rev: run.gitRev ?? "unknown", pages: run.pages.map((p) => p.file) };
  const extras = await (stages.api ?? plainStages().api!)(run.sources, info);
  result.timings.push({ stage: "api", ms: performance.now() - apiStarted });
  diagnostics.push(...extras.diagnostics);
  result.diagnostics = diagnostics;
  if (diagnostics.some((d) => d.severity === "error")) return result;
  result.ok = true;

  const files = new Map<string, string | Buffer>();
  const searchIndex = stages.searchIndex ?? searchIndexScript;
  const searchStarted = performance.now();
  for (const page of run.pages) {
    files.set(page.file, page.html);
    files.set(searchIndexFile(page.file), searchIndex(page.html));
  }
  result.timings.push({ stage: "search", ms: performance.now() - searchStarted });
  for (const [name, content] of themeAssets(options.noCache ? undefined : DEFAULT_CACHE_DIR)) files.set(name, content);
  for (const [name, content] of extras.files) files.set(name, content);
  if (options.keepIntermediates) {
    run.plans.forEach((plan, i) => {
      const base = plan.file.replace(/\.html$/, "");
      files.set(`${base}.assembled.rst`, run.assembled[i].text);
      files.set(`${base}.templated.rst`, run.templated[i].text);
    });
  }
  const started = performance.now();
  const versions = writeOutput(outDir, { version: folder!, files, merge: !run.targets.includes(DEFAULT_TARGET) && options.target !== undefined }, { versionsPage, beforeSwap: options.beforeSwap });
  result.timings.push({ stage: "write", ms: performance.now() - started });
  return { ...result, versions, written: [...files.keys()] };
}

function defaultStages(options: BuildOptions): Stages {
  const cacheDir = options.noCache ? undefined : DEFAULT_CACHE_DIR;
  keepCompiledTemplatesIn(cacheDir);
  const plain = plainStages({ cacheDir, debug: options.debug });
  return options.memo && cacheDir ? memoStages(plain, cacheDir) : plain;
}

/** The page listing every version present in the output folder, with the dates of their releases. */
export function versionsPage(versions: string[], infos: VersionInfo[] = []): string {
  const byName = new Map(infos.map((i) => [i.name, i]));
  const latest = versions.find((v) => v !== UNSTABLE) ?? versions[0];
  const entries = versions.map((v) => ({ name: v, date: byName.get(v)?.date ?? "", release: byName.get(v)?.release ?? v, latest: v === latest }));
  return renderTheme("versions.njk", { versions, latest, entries });
}
