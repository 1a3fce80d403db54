// The preview's driver of the pipeline (../pipeline/): the same stages as
// `matrix-doc build`, with the caches of ./cached-stages.ts kept between runs.
// A run with errors keeps the last good pages.
import { realpathSync } from "node:fs";
import { versionsPage } from "../build/build.ts";
import type { Check } from "../check/context.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { themeAssets } from "../page/page.ts";
import { SearchIndexMemo, searchIndexFile } from "../page/search-index.ts";
import { versionExtrasUnchecked } from "../api-dump/version-files.ts";
import { newestEntry } from "../sources/changelog.ts";
import type { VersionInfo } from "../versions/version-info.ts";
import { DEFAULT_TARGET } from "../pipeline/plan.ts";
import { runPipeline } from "../pipeline/run.ts";
import type { StageTiming } from "../pipeline/timing.ts";
import { DEFAULT_CACHE_DIR } from "../toolchain-paths.ts";
import { writeOutput } from "../write/write-output.ts";
import { CachedStages, type Redone } from "./cached-stages.ts";

export interface SessionOptions {
  /** Real path of the spec tree. */
  root: string;
  /** Output folder (`write` puts the last good build there). */
  out: string;
  target?: string;
  /** The checks to run; default those of `matrix-doc build`. */
  checks?: readonly Check[];
  /** Folder of the on-disk caches (parsed YAML, validators); undefined for none. */
  cacheDir?: string;
  allowRaw?: boolean;
}

export interface SessionBuild {
  ok: boolean;
  diagnostics: Diagnostic[];
  version?: string;
  /** Pages (file name → HTML) of this build, when it succeeded. */
  pages: Map<string, string>;
  /** Pages whose HTML differs from the previous good build's. */
  changedPages: string[];
  timings: StageTiming[];
  redone: Redone;
}

export class PreviewSession {
  readonly root: string;
  readonly out: string;
  /** The target asked for (default: main, or every target when there is none). */
  readonly target: string | undefined;
  private readonly cached: CachedStages;
  private readonly searchIndexes = new SearchIndexMemo();
  private readonly allowRaw: boolean;
  private readonly cacheDir: string | undefined;
  /** The last build without errors. */
  lastGood: { version: string; pages: Map<string, string>; extras?: () => Map<string, string> } | undefined;

  constructor(options: SessionOptions) {
    this.root = realpathSync(options.root);
    this.out = options.out;
    this.target = options.target;
    this.allowRaw = Boolean(options.allowRaw);
    this.cacheDir = "cacheDir" in options ? options.cacheDir : DEFAULT_CACHE_DIR;
    this.cached = new CachedStages(this.root, options.checks, this.cacheDir);
  }

  /**
   * Builds again. `changed` are the root-relative paths the watcher saw change
   * (sources are compared by content anyway; this tells about templates and theme).
   */
  build(changed: readonly string[] = []): SessionBuild {
    this.cached.beginRun(changed);
    const run = runPipeline({ root: this.root, target: this.target, until: "page", allowRaw: this.allowRaw, stages: this.cached.stages() });
    this.cached.endRun(run.plans.length);
    const result: SessionBuild = { ok: run.ok, diagnostics: run.diagnostics, version: run.version, pages: new Map(), changedPages: [], timings: run.timings, redone: this.cached.redone };
    if (!run.ok || !run.version || run.pages.length === 0) return { ...result, ok: false };
    const pages = new Map(run.pages.map((p) => [p.file, p.html]));
    const themeChanged = changed.some((p) => p.startsWith("templating/theme/"));
    const previous = this.lastGood?.version === run.version ? this.lastGood.pages : undefined;
    const changedPages = [...pages].filter(([file, html]) => themeChanged || previous?.get(file) !== html).map(([file]) => file);
    const sources = run.sources;
    const info: VersionInfo = { name: run.version, release: run.version, date: sources ? newestEntry(sources.changelog)?.date ?? "" : "", rev: run.gitRev ?? "unknown", pages: [...pages.keys()] };
    // The merged API descriptions and version.json, made only when the output is written.
    this.lastGood = { version: run.version, pages, extras: sources ? () => versionExtrasUnchecked(sources, info).files : undefined };
    return { ...result, pages, changedPages };
  }

  /**
   * The search index of a page of the last good build (`index.search.js` for
   * `index.html`), made when first asked for and again only when the page
   * changed: a rebuild does not wait for it.
   */
  searchIndex(file: string): string | undefined {
    const page = file.replace(/\.search\.js$/, ".html");
    const html = file.endsWith(".search.js") ? this.lastGood?.pages.get(page) : undefined;
    return html === undefined ? undefined : this.searchIndexes.of(html, page);
  }

  /** Writes the last good build into the output folder, as `matrix-doc build` does. */
  write(): void {
    if (!this.lastGood) return;
    const files = new Map<string, string | Buffer>(this.lastGood.pages);
    for (const page of this.lastGood.pages.keys()) files.set(searchIndexFile(page), this.searchIndex(searchIndexFile(page))!);
    for (const [name, content] of themeAssets(this.cacheDir)) files.set(name, content);
    for (const [name, content] of this.lastGood.extras?.() ?? []) files.set(name, content);
    writeOutput(this.out, { version: this.lastGood.version, files, merge: this.target !== undefined && this.target !== DEFAULT_TARGET }, { versionsPage });
  }
}
