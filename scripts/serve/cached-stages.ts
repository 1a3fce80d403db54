// The pipeline's stages (../pipeline/stages.ts) with the preview's caches. Each
// returns what the plain stage would, redoing only what the changed files touch:
//   load      every source file is read, but only a changed one is parsed (MemoryParseMemo)
//   check     only the parts of the checks whose files changed run (../check/kept-units.ts)
//   assemble  only a changed RST file is split and shifted (AssembleCache)
//   variables only the templates whose context changed are rendered again (../variables/kept-parts.ts)
//   page      a page is rendered only when its templated text changed, and then
//             only the section holding the change when that gives the same page
//             (../page/incremental-page.ts); code highlighting is remembered (HighlightMemo)
// session.test.ts compares every step with a full build.
import { createHash } from "node:crypto";
import { realpathSync } from "node:fs";
import { gitStateKey } from "../variables/git-version.ts";
import type { PageInfo } from "../page/page.ts";
import type { PagePlan } from "../pipeline/plan.ts";
import { plainStages, type RenderOptions, rstOptions, type Stages, type VariablesOptions } from "../pipeline/stages.ts";
import type { Check, UnitResult } from "../check/context.ts";
import { loadSources, type Sources } from "../sources/index.ts";
import { ParseCache } from "../sources/parse-cache.ts";
import type { MappedText } from "../diagnostics/line-map.ts";
import { clearTemplateCache } from "../variables/render.ts";
import { AssembleCache } from "./assemble-cache.ts";
import { KeptUnits } from "../check/kept-units.ts";
import { KeptValues } from "../kept-values.ts";
import { keepVariableParts, partName } from "../variables/kept-parts.ts";
import { HighlightMemo } from "../page/highlight-memo.ts";
import { contextOf, type PageContext, type PageRendering, renderPageAgain } from "../page/incremental-page.ts";
import { MemoryParseMemo } from "./parse-memo.ts";

interface CachedPage {
  /** The page's templated text. */
  text: string;
  rendering: PageRendering;
}

/** What was redone by the last run, for tests and the bench: check units, variables, whole pages, single sections (`page#id`), and why a page could not be done by section. */
export interface Redone {
  checks: string[];
  variables: string[];
  pages: string[];
  sections: string[];
  fallbacks: string[];
}

export class CachedStages {
  private readonly memo: MemoryParseMemo;
  /** The plain check stage with the session's checks. */
  private readonly checkStage: Stages["check"];
  /** Each file's part of the checks, from the last run (../check/kept-units.ts). */
  private units: ReadonlyMap<string, UnitResult> = new Map();
  /** The variables stage's last result, under everything it read. */
  private lastVariables: { key: string; result: ReturnType<Stages["variables"]> } | undefined;
  /** The variables' parts of the last run (../variables/kept-parts.ts). */
  private variableParts: ReadonlyMap<string, unknown> = new Map();
  private readonly assembled = new AssembleCache();
  private readonly highlight = new HighlightMemo();
  private readonly pageCache = new Map<string, CachedPage>();
  redone: Redone = { checks: [], variables: [], pages: [], sections: [], fallbacks: [] };

  constructor(root: string, checks: readonly Check[] | undefined, cacheDir: string | undefined) {
    this.memo = new MemoryParseMemo(cacheDir ? new ParseCache(cacheDir, realpathSync(root)) : undefined);
    this.checkStage = plainStages({ cacheDir, checks }).check;
  }

  /** Before a run: what the watcher saw change (sources are compared by content anyway; this tells about templates and theme). */
  beginRun(changed: readonly string[]): void {
    if (changed.some((p) => p.startsWith("templating/templates/"))) {
      clearTemplateCache();
      this.variableParts = new Map();
      this.lastVariables = undefined;
    }
    if (changed.some((p) => p.startsWith("templating/theme/"))) this.pageCache.clear();
    this.redone = { checks: [], variables: [], pages: [], sections: [], fallbacks: [] };
  }

  /** After a run that rendered every page afresh, forget highlighting no page uses. */
  endRun(plans: number): void {
    if (this.redone.pages.length === plans && plans > 0) this.highlight.sweep();
  }

  stages(): Stages {
    const plain = plainStages({ cacheDir: undefined });
    return {
      load: (root) => this.load(root),
      check: (sources, counts) => {
        // Only the parts of the checks that read a changed file run again.
        const kept = new KeptUnits(this.units);
        const diagnostics = this.checkStage(sources, counts, "all", kept);
        this.units = kept.next();
        this.redone.checks = kept.computed;
        this.memo.detachDisk();
        this.memo.sweep();
        return diagnostics;
      },
      assemble: (root, files, styles, relative) => this.assembled.assemble(root, files, styles, relative),
      variables: (sources, options) => {
        // Nothing they read changed (an edit of the prose): the last run's variables.
        const key = variablesKey(sources, options);
        if (this.lastVariables?.key === key) return this.lastVariables.result;
        const parts = new KeptValues<unknown>(this.variableParts, partName);
        keepVariableParts(parts);
        try {
          const result = plain.variables(sources, options);
          this.lastVariables = { key, result };
          return result;
        } finally {
          keepVariableParts(undefined);
          this.variableParts = parts.next();
          this.redone.variables = parts.computed;
        }
      },
      rst: plain.rst,
      page: (plan, text, info, options) => this.page(plan, text, info, options),
    };
  }

  private load(root: string): Sources {
    return loadSources(root, { memo: this.memo });
  }

  private page(plan: PagePlan, text: MappedText, info: PageInfo, options: RenderOptions) {
    const context: PageContext = { file: plan.file, info, options: rstOptions(plan, options), titleStyles: options.titleStyles, highlight: this.highlight };
    const previous = this.pageCache.get(plan.file);
    if (previous?.text !== text.text || previous.rendering.context !== contextOf(context)) {
      // One section again when the edit stays in its body (../page/section-render.ts), else the whole page.
      const again = renderPageAgain(previous?.rendering, text, context);
      if (again.fallback) this.redone.fallbacks.push(`${plan.file}: ${again.fallback}`);
      if (again.section) this.redone.sections.push(`${plan.file}#${again.section}`);
      else this.redone.pages.push(plan.file);
      this.pageCache.set(plan.file, { text: text.text, rendering: again.rendering });
    }
    return { rendering: this.pageCache.get(plan.file)!.rendering };
  }
}

/** What the variables stage reads: every loaded data file, the changelogs, git's state and the options. */
function variablesKey(sources: Sources, options: VariablesOptions): string {
  const hash = createHash("sha256");
  for (const f of sources.cache.loadedFiles()) hash.update(f.path).update("\0").update(f.text).update("\0");
  hash.update(JSON.stringify([sources.changelogs, [...options.needed].sort(), [...options.usedNames].sort(), options.relative, gitStateKey(sources.root)]));
  return hash.digest("hex");
}
