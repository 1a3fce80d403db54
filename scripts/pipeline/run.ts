// The pipeline: the stages in order, for the targets of one spec tree.
//
//   load → check → assemble → variables → substitute → rst → page
//
// `check` runs it up to the rst stage; `build` to the page stage and then
// writes; the preview (../serve/) runs it with cached stages. Every stage
// reports Diagnostics; the page stage runs only when nothing before it
// reported an error, so a failed build never writes anything.
import { substituteVariables, usedVariables } from "../assemble/substitute.ts";
import { resolveRelativeTitles } from "../assemble/titles.ts";
import { countBySeverity, type Diagnostic, error, sortDiagnostics } from "../diagnostics/diagnostic.ts";
import type { MappedText } from "../diagnostics/line-map.ts";
import type { PageInfo, PageLink, RenderedPage } from "../page/page.ts";
import type { Document } from "../rst/index.ts";
import { newestEntry } from "../sources/changelog.ts";
import { apiGroups, apiLinks } from "../api-dump/links.ts";
import type { Sources } from "../sources/index.ts";
import { chosenTargets, type PagePlan, planPages } from "./plan.ts";
import { type Stages, plainStages } from "./stages.ts";
import { stageTimer, type StageTiming } from "./timing.ts";

export interface PipelineOptions {
  root: string;
  /** The target to build; default `main`, or every target when there is no `main`. */
  target?: string;
  /** The last stage to run. */
  until: "rst" | "page";
  /** Allow the raw directive whatever targets.yaml says. */
  allowRaw?: boolean;
  /** The stages; default the plain ones. */
  stages?: Stages;
  /** Let internal errors propagate with their stack. */
  debug?: boolean;
  /** The git revision shown on the pages; default: asked of git in the root (a tree exported from git has none). */
  gitRev?: string;
  /** The pages say `unstable (after <version>)` instead of the version: the working tree ahead of the newest release. */
  unstable?: boolean;
}

export interface PipelineResult {
  root: string;
  sources?: Sources;
  /** Every problem, each reported once, in file order. */
  diagnostics: Diagnostic[];
  timings: StageTiming[];
  /** The version of the newest changelog entry. */
  version?: string;
  /** The targets built. */
  targets: string[];
  plans: PagePlan[];
  /** The templated RST of each plan. */
  templated: MappedText[];
  /** The assembled (not yet templated) RST of each plan. */
  assembled: MappedText[];
  /** The doctree of each plan (up to the rst stage). */
  documents: (Document | undefined)[];
  /** The page of each plan (up to the page stage, when nothing failed before). */
  pages: RenderedPage[];
  /** Number of examples validated. */
  examples: number;
  /** The git revision shown on the pages (up to the page stage). */
  gitRev?: string;
  ok: boolean;
}

export function runPipeline(options: PipelineOptions): PipelineResult {
  const stages = options.stages ?? plainStages({ debug: options.debug, cacheDir: undefined });
  const { timings, timed } = stageTimer();
  const diagnostics: Diagnostic[] = [];
  const counts = { examples: 0 };
  const result: PipelineResult = { root: options.root, diagnostics, timings, targets: [], plans: [], templated: [], assembled: [], documents: [], pages: [], examples: 0, ok: false };
  const finish = (): PipelineResult => {
    result.diagnostics = sortDiagnostics(mergeRepeats(diagnostics));
    result.examples = counts.examples;
    result.ok = !hasErrors(result.diagnostics);
    return result;
  };
  /** Runs one page's stage; a bug in it becomes an error diagnostic instead of a crash. */
  const guarded = <T>(page: string, f: () => T): T | undefined => {
    try {
      return f();
    } catch (e) {
      if (options.debug) throw e;
      diagnostics.push(error("internal-error", `Rendering ${page} stopped on an internal error: ${(e as Error).message} (run with --debug for details).`));
      return undefined;
    }
  };

  const sources = timed("load", () => stages.load(options.root));
  result.root = sources.root;
  result.sources = sources;
  diagnostics.push(...timed("check", () => stages.check(sources, counts)));

  const entry = newestEntry(sources.changelog);
  if (!entry && !sources.changelog.diagnostics.length) {
    diagnostics.push(error("changelog-no-entries", `${sources.changelog.file} has no release entry, so the build has no version.`, { file: sources.changelog.file }));
  }
  result.version = entry?.version;
  const config = sources.targets;
  if (!config) return finish();
  const targets = chosenTargets(sources, options.target);
  result.targets = targets;
  const planned = planPages(sources, targets);
  diagnostics.push(...planned.diagnostics);
  if (planned.diagnostics.some((d) => d.code === "unknown-target")) return finish();
  const plans = (result.plans = planned.plans);

  result.assembled = timed("assemble", () =>
    plans.map((plan) => {
      const a = stages.assemble(sources.root, plan.files, config.titleStyles, config.relativeTitleStyles);
      diagnostics.push(...asWarnings(plan, a.diagnostics));
      return a.text;
    }),
  );
  const usedNames = new Set(result.assembled.flatMap((t) => usedVariables(t.text)));
  const needed = new Set([...usedNames, ...(options.until === "page" ? ["git_rev"] : [])]);
  const variables = timed("variables", () => stages.variables(sources, { usedNames, relative: config.relativeTitleStyles, needed }));
  diagnostics.push(...variables.diagnostics);
  result.templated = timed("substitute", () =>
    result.assembled.map((text, i) => {
      const s = substituteVariables(text, (name) => variables.variables.get(name));
      diagnostics.push(...asWarnings(plans[i], [...s.diagnostics, ...resolveRelativeTitles(s.text, config.titleStyles, config.relativeTitleStyles)]));
      return s.text;
    }),
  );
  const render = { allowRaw: Boolean(options.allowRaw || config.allowRaw), titleStyles: config.titleStyles };

  // `check` stops after the rst stage; so does a build that already failed, so
  // that both report the same problems.
  if (options.until === "rst" || hasErrors(diagnostics) || !entry) {
    result.documents = timed("rst", () =>
      plans.map((plan, i) => {
        const r = guarded(plan.file, () => stages.rst(plan, result.templated[i], render));
        if (r) diagnostics.push(...r.diagnostics);
        return r?.document;
      }),
    );
    return finish();
  }

  const gitRev = (result.gitRev = options.gitRev ?? (variables.variables.get("git_rev")?.text.trim() || "unknown"));
  const nav = (current: string): PageLink[] => [
    ...plans.map((p) => ({ href: p.file, label: p.label, current: p.file === current })),
    ...apiLinks(apiGroups(sources.swagger)),
    { href: "../index.html", label: "All versions" },
  ];
  const pages = timed("rst+page", () =>
    plans.map((plan, i) => {
      const info: PageInfo = { file: plan.file, version: options.unstable ? `unstable (after ${entry!.version})` : entry!.version, gitRev, nav: nav(plan.file) };
      const page = guarded(plan.file, () => stages.page(plan, result.templated[i], info, render))?.rendering.page;
      if (page) diagnostics.push(...page.diagnostics);
      return page;
    }),
  );
  if (pages.every((p): p is RenderedPage => p !== undefined)) result.pages = pages;
  return finish();
}

/** The problems of a supporting document are warnings: it is not part of the specification. */
function asWarnings(plan: PagePlan, diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return plan.supporting ? diagnostics.map((d) => (d.severity === "error" ? { ...d, severity: "warning" as const } : d)) : [...diagnostics];
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return countBySeverity(diagnostics).errors > 0;
}

/**
 * One diagnostic for each distinct problem: a generated section repeats a
 * template many times, and a shared schema is reached from many places, so one
 * bad line of a YAML file can produce the same message several times at the
 * same place. Where a schema file is reported as an invalid draft-04 schema, the
 * Swagger documents that include it need not repeat it.
 */
export function mergeRepeats(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const place = (d: Diagnostic) => [d.file, d.line, d.column, d.keyword].join("\u0000");
  const invalidSchemaAt = new Set(diagnostics.filter((d) => d.code === "schema-invalid").map(place));
  const seen = new Map<string, { d: Diagnostic; count: number }>();
  for (const d of diagnostics) {
    if (d.code === "swagger-schema" && invalidSchemaAt.has(place(d))) continue;
    const key = [d.severity, d.code, place(d), d.message].join("\u0000");
    const entry = seen.get(key);
    if (entry) entry.count++;
    else seen.set(key, { d, count: 1 });
  }
  return [...seen.values()].map(({ d, count }) => (count > 1 ? { ...d, message: `${d.message} (${count} times)` } : d));
}

/** `--strict`: every warning an error. */
export function strictly(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.map((d) => (d.severity === "warning" ? { ...d, severity: "error" as const } : d));
}
