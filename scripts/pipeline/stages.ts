// The stages of the pipeline as plain functions, and the hooks a driver may
// put in their place. The `build` and `check` commands wrap the plain stages
// in the memo of results kept between runs (./memo/); the preview (../serve/)
// gives cached versions of the same functions. Both must return what the plain
// ones would.
import type { MappedText } from "../diagnostics/line-map.ts";
import { type Diagnostic, error } from "../diagnostics/diagnostic.ts";
import { assemble } from "../assemble/assemble.ts";
import type { VariableValue } from "../assemble/substitute.ts";
import { checks, PROSE_CHECKS } from "../check/checks.ts";
import { type Check, createCheckContext, type KeptResults } from "../check/context.ts";
import type { PageInfo } from "../page/page.ts";
import { HighlightMemo } from "../page/highlight-memo.ts";
import { type PageAgain, type PageRendering, renderPageAgain } from "../page/incremental-page.ts";
import { searchIndexScript } from "../page/search-index.ts";
import { renderRst, type RenderRstOptions } from "../render/render-rst.ts";
import { loadDiagnostics, loadSources, type Sources } from "../sources/index.ts";
import type { RelativeTitleStyles, TargetFile, TitleStyles } from "../sources/targets.ts";
import type { Document } from "../rst/index.ts";
import { realpathSync } from "node:fs";
import { DEFAULT_CACHE_DIR } from "../toolchain-paths.ts";
import { ParseCache } from "../sources/parse-cache.ts";
import { buildVariables } from "../variables/index.ts";
import type { PagePlan } from "./plan.ts";
import type { VersionExtras } from "../api-dump/version-files.ts";
import type { VersionInfo } from "../versions/version-info.ts";

export interface VariablesOptions {
  usedNames: ReadonlySet<string>;
  relative: RelativeTitleStyles;
  /** The variables needed (the used ones, and those the page stage reads); the others need not be rendered. */
  needed: ReadonlySet<string>;
}

export type CheckPart = "all" | "data" | "prose";

export interface RenderOptions {
  allowRaw: boolean;
  /** The title characters by level (specification/targets.yaml), which a section rendered alone needs. */
  titleStyles: TitleStyles;
}

export interface Stages {
  /** Every source of the tree, loaded once. */
  load(root: string): Sources;
  /**
   * The checks of the sources; `counts.examples` gets the number of examples
   * validated. `part` runs only the checks of the data files (with the
   * problems of loading them) or only those of the prose (../check/checks.ts
   * PROSE_CHECKS); the two parts together are the whole.
   */
  check(sources: Sources, counts: { examples: number }, part?: CheckPart, kept?: KeptResults): Diagnostic[];
  /** The RST files of one page, titles shifted, joined with a line map. */
  assemble(root: string, files: readonly TargetFile[], styles: TitleStyles, relative: RelativeTitleStyles): { text: MappedText; diagnostics: Diagnostic[] };
  /** Every template variable. */
  variables(sources: Sources, options: VariablesOptions): { variables: Map<string, VariableValue>; diagnostics: Diagnostic[] };
  /** The templated RST of one page parsed and transformed (no doctree when a kept result stood in for it). */
  rst(plan: PagePlan, text: MappedText, options: RenderOptions): { document: Document | undefined; diagnostics: Diagnostic[] };
  /**
   * The templated RST of one page made into the page (rst, then page). Given
   * `previous`, an earlier rendering of the same page, only the section that
   * holds the change is rendered again when that gives the same page
   * (../page/incremental-page.ts).
   */
  page(plan: PagePlan, text: MappedText, info: PageInfo, options: RenderOptions, previous?: PageRendering): PageAgain;
  /** The build's files beside the pages: the merged API descriptions, validated, and version.json (default ../api-dump/version-files.ts). */
  api?(sources: Sources, info: VersionInfo, kept?: KeptResults): Promise<VersionExtras>;
  /** The search index script of a page's HTML (default ../page/search-index.ts). */
  searchIndex?(html: string): string;
}

export interface PlainStageOptions {
  /** Folder of the on-disk caches (parsed YAML, compiled validators); undefined for none. */
  cacheDir?: string;
  /** Let internal errors propagate with their stack. */
  debug?: boolean;
  /** The checks of the check stage; default every check of ../check/checks.ts. */
  checks?: readonly Check[];
}

/** How the RST of a page is rendered: a supporting page's problems are warnings. */
export function rstOptions(plan: PagePlan, options: RenderOptions): RenderRstOptions {
  return { allowRaw: options.allowRaw, severity: plan.supporting ? "warning" : "error" };
}

export function plainStages(options: PlainStageOptions = { cacheDir: DEFAULT_CACHE_DIR }): Stages {
  const rst = (plan: PagePlan, text: MappedText, renderOptions: RenderOptions) => renderRst(text, plan.file.replace(/\.html$/, ".rst"), rstOptions(plan, renderOptions));
  return {
    load(root) {
      const memo = options.cacheDir ? new ParseCache(options.cacheDir, realpathSync(root)) : undefined;
      const sources = loadSources(root, { memo });
      memo?.save();
      return sources;
    },
    check(sources, counts, part = "all", kept) {
      // Validators are compiled as needed when few are (the prose validates nothing; with kept results, only the changed files are checked).
      const ctx = createCheckContext(sources, { cacheDir: options.cacheDir, lazySchemas: part === "prose" || kept !== undefined, kept });
      const diagnostics = part === "prose" ? [] : [...loadDiagnostics(sources)];
      const chosen = (options.checks ?? checks).filter((c) => part === "all" || (part === "prose") === PROSE_CHECKS.has(c));
      for (const check of chosen) diagnostics.push(...guard(`The \`${check.name}\` check`, () => check(ctx), options.debug));
      counts.examples += ctx.counts.examples;
      return diagnostics;
    },
    assemble: (root, files, styles, relative) => assemble(root, files, styles, relative),
    variables: (sources, variablesOptions) => buildVariables(sources, { ...variablesOptions, render: variablesOptions.needed }),
    rst,
    page: (plan, text, info, renderOptions, previous) =>
      renderPageAgain(previous, text, { file: plan.file, info, options: rstOptions(plan, renderOptions), titleStyles: renderOptions.titleStyles, highlight: new HighlightMemo() }),
    // Loaded when the build gets there: the Swagger validator is the slowest library to load.
    api: async (sources, info, kept) => (await import("../api-dump/version-files.ts")).versionExtras(sources, info, kept),
    searchIndex: searchIndexScript,
  };
}

/** An internal error in one check becomes a diagnostic, so that it does not hide what the others find. */
export function guard(what: string, f: () => Diagnostic[], debug = false): Diagnostic[] {
  try {
    return f();
  } catch (e) {
    if (debug) throw e;
    return [error("internal-error", `${what} stopped on an internal error: ${(e as Error).message} (run with --debug for details).`)];
  }
}

