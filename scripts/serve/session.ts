// The preview's build: the stages of `matrix-doc build` (../build/build.ts) kept
// in memory between runs, each redoing only what the changed files touch:
//   load      every source file is read, but only a changed one is parsed (MemoryParseMemo)
//   check     only the check units whose files changed run (IncrementalChecks)
//   assemble  only a changed RST file is split and shifted (AssembleCache)
//   sections  only the variables whose sources changed are rendered (IncrementalVariables)
//   rst+page  a page is rendered only when its templated text changed, and then
//             only the section holding the change when that gives the same page
//             (section-render.ts); code highlighting is remembered (HighlightMemo)
// The result is the same as a full build's (session.test.ts compares them);
// a run with errors keeps the last good pages.
import { readFileSync, realpathSync } from "node:fs";
import { join } from "node:path";
import { countBySeverity, type Diagnostic, error, sortDiagnostics } from "../diagnostics/diagnostic.ts";
import { DEFAULT_TARGET, HOWTO_FILE, mergeRepeats, stageTimer, type StageTiming, versionsPage } from "../build/build.ts";
import { type PageInfo, type PageLink, themeAssets } from "../page/page.ts";
import { renderRst } from "../render/render-rst.ts";
import { loadTargets, resolveTarget, type TargetFile } from "../sources/targets.ts";
import { resolveRelativeTitles } from "../assemble/titles.ts";
import { substituteVariables, usedVariables } from "../assemble/substitute.ts";
import { writeOutput } from "../write/write-output.ts";
import { checks as allChecks } from "../check/checks.ts";
import type { Check } from "../check/context.ts";
import { DEFAULT_CACHE_DIR } from "../check/schema-registry.ts";
import { CHANGELOG_FILE, newestEntry } from "../sources/changelog.ts";
import { loadSources, type Sources } from "../sources/index.ts";
import { ParseCache } from "../sources/parse-cache.ts";
import { clearTemplateCache } from "../variables/render.ts";
import { AssembleCache } from "./assemble-cache.ts";
import { apiDumpFiles, apiGroups, apiLinks } from "../api-dump/index.ts";
import { VERSION_INFO_FILE, versionInfoText, type VersionInfo } from "../versions/version-info.ts";
import { IncrementalChecks } from "./incremental-checks.ts";
import { IncrementalVariables } from "./incremental-variables.ts";
import { HighlightMemo, renderPageWithMemo } from "./page-render.ts";
import { MemoryParseMemo } from "./parse-memo.ts";
import { idCounts, type RenderedState, renderChangedSection, tocIds } from "./section-render.ts";

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
  /** What was redone, for tests and the bench: check units, variables, whole pages, single sections (`page#id`), and why a page could not be done by section. */
  redone: { checks: string[]; variables: string[]; pages: string[]; sections: string[]; fallbacks: string[] };
}

interface PagePlan {
  file: string;
  label: string;
  files: TargetFile[];
}

interface CachedPage {
  key: string;
  info: string;
  html: string;
  diagnostics: Diagnostic[];
  /** For rendering one section again; kept while the page has no diagnostics. */
  state?: RenderedState;
}

const hasErrors = (ds: readonly Diagnostic[]) => countBySeverity(ds).errors > 0;

export class PreviewSession {
  readonly root: string;
  readonly out: string;
  readonly target: string;
  private readonly memo: MemoryParseMemo;
  private readonly checks: IncrementalChecks;
  private readonly variables = new IncrementalVariables();
  private readonly assembled = new AssembleCache();
  private readonly highlight = new HighlightMemo();
  private readonly pageCache = new Map<string, CachedPage>();
  private loadedPaths = "";
  /** The last build without errors. */
  lastGood: { version: string; pages: Map<string, string>; sources?: Sources; info?: VersionInfo } | undefined;

  constructor(options: SessionOptions) {
    this.root = options.root;
    this.out = options.out;
    this.target = options.target ?? DEFAULT_TARGET;
    const cacheDir = "cacheDir" in options ? options.cacheDir : DEFAULT_CACHE_DIR;
    this.memo = new MemoryParseMemo(cacheDir ? new ParseCache(cacheDir, realpathSync(options.root)) : undefined);
    this.checks = new IncrementalChecks(options.checks ?? allChecks, cacheDir);
  }

  /**
   * Builds again. `changed` are the root-relative paths the watcher saw change
   * (sources are compared by content anyway; this tells about templates and theme).
   */
  build(changed: readonly string[] = []): SessionBuild {
    if (changed.some((p) => p.startsWith("templating/templates/"))) {
      clearTemplateCache();
      this.variables.clear();
    }
    // The theme's files are copied beside the pages: every page counts as changed.
    const themeChanged = changed.some((p) => p.startsWith("templating/theme/"));
    if (themeChanged) this.pageCache.clear();
    const build = this.run();
    if (themeChanged && build.ok) build.changedPages = [...build.pages.keys()];
    return build;
  }

  private run(): SessionBuild {
    const { timings, timed } = stageTimer();
    const diagnostics: Diagnostic[] = [];
    const redone = { checks: [] as string[], variables: [] as string[], pages: [] as string[], sections: [] as string[], fallbacks: [] as string[] };
    const result = (extra: Partial<SessionBuild> = {}): SessionBuild => ({
      ok: !hasErrors(diagnostics),
      diagnostics: sortDiagnostics(mergeRepeats(diagnostics)),
      pages: new Map(),
      changedPages: [],
      timings,
      redone,
      ...extra,
    });
    const root = this.root;

    // load
    const sources: Sources = timed("load", () => loadSources(root, { memo: this.memo }));
    const texts = new Map(sources.cache.loadedFiles().map((f) => [f.path, f.text]));
    texts.set(CHANGELOG_FILE, readText(join(root, CHANGELOG_FILE)) ?? "");
    // Files added, removed or newly broken change what `$ref`s resolve to: start the caches afresh.
    const paths = [...texts.keys()].sort().join("\n");
    if (paths !== this.loadedPaths) {
      this.checks.clear();
      this.variables.clear();
      this.loadedPaths = paths;
    }

    // check
    timed("check", () => {
      diagnostics.push(...this.checks.run(sources, texts));
      diagnostics.push(...sources.cache.diagnostics);
    });
    redone.checks = this.checks.lastRun;
    this.memo.detachDisk();
    this.memo.sweep();
    const entry = newestEntry(sources.changelog);
    if (!entry && !sources.changelog.diagnostics.length) diagnostics.push(error("changelog-no-entries", "CHANGELOG.rst has no release entry, so the build has no version.", { file: CHANGELOG_FILE }));
    if (hasErrors(diagnostics) || !entry) return result();
    const version = entry.version;

    // targets
    const loaded = loadTargets(root);
    diagnostics.push(...loaded.diagnostics);
    if (!loaded.config) return result({ version });
    const config = loaded.config;
    const resolved = resolveTarget(config, this.target);
    diagnostics.push(...resolved.diagnostics);
    if (hasErrors(diagnostics)) return result({ version });
    const main = this.target === DEFAULT_TARGET;
    const plans: PagePlan[] = [{ file: main ? "index.html" : `${this.target}.html`, label: main ? "Specification" : this.target, files: resolved.files }];
    if (main) plans.push({ file: "howtos.html", label: "Client-server how-to", files: [{ path: HOWTO_FILE, depth: 0 }] });

    // assemble
    const assembled = timed("assemble", () =>
      plans.map((plan) => {
        const a = this.assembled.assemble(root, plan.files, config.titleStyles);
        diagnostics.push(...a.diagnostics);
        return a.text;
      }),
    );
    if (hasErrors(diagnostics)) return result({ version });

    // sections
    const usedNames = new Set(assembled.flatMap((t) => usedVariables(t.text)));
    const before = sources.cache.diagnostics.length;
    const built = timed("sections", () => this.variables.build(root, sources, texts, { usedNames, relative: config.relativeTitleStyles }));
    diagnostics.push(...sources.cache.diagnostics.slice(before), ...built.diagnostics);
    redone.variables = built.rendered;

    // substitute
    const templated = timed("substitute", () =>
      assembled.map((text) => {
        const s = substituteVariables(text, (name) => built.variables.get(name));
        diagnostics.push(...s.diagnostics);
        diagnostics.push(...resolveRelativeTitles(s.text, config.titleStyles, config.relativeTitleStyles));
        return s.text;
      }),
    );
    if (hasErrors(diagnostics)) return result({ version });

    // rst + page, for the pages whose text changed
    const gitRev = built.variables.get("git_rev")?.text.trim() || "unknown";
    const nav = (current: string): PageLink[] => [...plans.map((p) => ({ href: p.file, label: p.label, current: p.file === current })), ...apiLinks(apiGroups(sources.swagger)), { href: "../index.html", label: "All versions" }];
    const pages = new Map<string, string>();
    timed("rst+page", () => {
      plans.forEach((plan, i) => {
        const info: PageInfo = { file: plan.file, version, gitRev, nav: nav(plan.file) };
        const text = templated[i];
        const infoKey = JSON.stringify(info);
        const joined = text.text;
        const key = infoKey + "\u0000" + joined;
        let cached = this.pageCache.get(plan.file);
        if (!cached || cached.key !== key) {
          // One section again when the edit stays in its body (see section-render.ts), else the whole page.
          const section = cached?.state && cached.info === infoKey ? renderChangedSection(text, joined, cached.state, info, config.titleStyles, this.highlight) : undefined;
          if (section && "fallback" in section) redone.fallbacks.push(`${plan.file}: ${section.fallback}`);
          if (section && !("fallback" in section)) {
            cached = { key, info: infoKey, html: section.html, diagnostics: [], state: { ...cached!.state!, lines: text.lines, html: section.html, links: section.links } };
            redone.sections.push(`${plan.file}#${section.section}`);
          } else {
            const r = renderRst(text, plan.file.replace(/\.html$/, ".rst"));
            const counts = idCounts(r.document);
            const page = renderPageWithMemo(r.document, info, (line) => text.originOf(line), this.highlight);
            const diagnostics = [...r.diagnostics, ...page.diagnostics];
            const state = diagnostics.length ? undefined : { lines: text.lines, html: page.html, toc: JSON.stringify(page.toc), sectionIds: tocIds(page.toc), idCounts: counts };
            cached = { key, info: infoKey, html: page.html, diagnostics, state };
            redone.pages.push(plan.file);
          }
          this.pageCache.set(plan.file, cached);
        }
        diagnostics.push(...cached.diagnostics);
        pages.set(plan.file, cached.html);
      });
      if (redone.pages.length === plans.length) this.highlight.sweep();
    });
    if (hasErrors(diagnostics)) return result({ version });

    const previous = this.lastGood?.version === version ? this.lastGood.pages : undefined;
    const changedPages = [...pages].filter(([file, html]) => previous?.get(file) !== html).map(([file]) => file);
    this.lastGood = { version, pages, sources, info: { name: version, release: version, date: newestEntry(sources.changelog)?.date ?? "", rev: gitRev, pages: plans.map((p) => p.file) } };
    return result({ version, pages, changedPages });
  }

  /** Writes the last good build into the output folder, as `matrix-doc build` does. */
  write(): void {
    if (!this.lastGood) return;
    const files = new Map<string, string | Buffer>(this.lastGood.pages);
    for (const [name, content] of themeAssets()) files.set(name, content);
    // The merged API descriptions and version.json, as the build writes them.
    if (this.lastGood.sources) for (const [name, content] of apiDumpFiles(this.lastGood.sources, this.lastGood.version).files) files.set(name, content);
    if (this.lastGood.info) files.set(VERSION_INFO_FILE, versionInfoText(this.lastGood.info));
    writeOutput(this.out, { version: this.lastGood.version, files, merge: this.target !== DEFAULT_TARGET }, { versionsPage });
  }
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}
