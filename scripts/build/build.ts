// `matrix-doc build`, stage by stage:
//   load → check → assemble → sections → substitute → rst → page → write
// Every stage reports Diagnostics; the build stops before writing anything if
// any of them is an error, so a failed build leaves the output as it was.
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { countBySeverity, type Diagnostic, error, sortDiagnostics } from "../diagnostics/diagnostic.ts";
import type { Check } from "../check/context.ts";
import type { SourceCache } from "../sources/source-cache.ts";
import { newestEntry } from "../sources/changelog.ts";
import { assemble } from "../assemble/assemble.ts";
import { renderPage, renderTheme, themeAssets, type PageLink } from "../page/page.ts";
import { renderRst } from "../render/render-rst.ts";
import { loadTargets, resolveTarget, type TargetFile, type TargetsConfig } from "../sources/targets.ts";
import { resolveRelativeTitles } from "../assemble/titles.ts";
import { substituteVariables, usedVariables, type VariableValue } from "../assemble/substitute.ts";
import { writeOutput, type WriteHooks } from "../write/write-output.ts";
import { UNSTABLE, VERSION_INFO_FILE, versionInfoText, type VersionInfo } from "../versions/version-info.ts";

/** The sections stage (templating/sections' buildVariables). */
export type VariableBuilder = (
  root: string,
  cache: SourceCache,
  options: { usedNames: ReadonlySet<string>; relative?: { subtitle: string; sametitle: string } },
) => { variables: Map<string, VariableValue>; diagnostics: Diagnostic[] };

export const DEFAULT_TARGET = "main";
/** Built with the main target, through the same variables. */
export const HOWTO_FILE = "supporting-docs/howtos/client-server.rst";

export interface BuildOptions {
  root: string;
  /** Output folder; default `<root>/gen`. */
  out?: string;
  target?: string;
  keepIntermediates?: boolean;
  /** The sections stage; default templating/sections. */
  buildVariables?: VariableBuilder;
  /** The checks run before building; default every check of `matrix-doc check` but the RST one (the build parses the RST itself). */
  checks?: readonly Check[];
  /** Let internal errors propagate with their stack. */
  debug?: boolean;
  /** The git revision shown on the pages; default: asked of git in the root (a tree exported from git has none). */
  gitRev?: string;
  /** Build into `<out>/unstable/` instead of `<out>/<changelog version>/` (the working tree ahead of the newest release). */
  unstable?: boolean;
  /** Passed to the write stage (tests make a step fail through it). */
  beforeSwap?: WriteHooks["beforeSwap"];
}

export interface StageTiming {
  stage: string;
  ms: number;
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

interface PagePlan {
  /** Output file name, e.g. `index.html`. */
  file: string;
  label: string;
  files: TargetFile[];
}

/**
 * One diagnostic for each distinct problem: a generated section repeats a
 * template many times, so one bad line of a YAML file can produce the same
 * message several times at the same place.
 */
export function mergeRepeats(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Map<string, { d: Diagnostic; count: number }>();
  for (const d of diagnostics) {
    const key = [d.severity, d.code, d.file, d.line, d.column, d.message].join("\u0000");
    const entry = seen.get(key);
    if (entry) entry.count++;
    else seen.set(key, { d, count: 1 });
  }
  return [...seen.values()].map(({ d, count }) => (count > 1 ? { ...d, message: `${d.message} (${count} times)` } : d));
}

function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return countBySeverity(diagnostics).errors > 0;
}

/** Times stages one after another: `timed(stage, f)` runs f and records how long since the last stage ended. */
export function stageTimer(): { timings: StageTiming[]; timed: <T>(stage: string, f: () => T) => T } {
  const timings: StageTiming[] = [];
  let mark = performance.now();
  const timed = <T>(stage: string, f: () => T): T => {
    const value = f();
    const now = performance.now();
    timings.push({ stage, ms: now - mark });
    mark = now;
    return value;
  };
  return { timings, timed };
}

export async function runBuild(options: BuildOptions): Promise<BuildResult> {
  const { timings, timed } = stageTimer();
  const diagnostics: Diagnostic[] = [];
  const requestedRoot = resolve(options.root);
  const result = (extra: Partial<BuildResult> = {}): BuildResult => {
    return {
      root: requestedRoot,
      outDir: resolve(options.out ?? join(requestedRoot, "gen")),
      diagnostics: sortDiagnostics(mergeRepeats(diagnostics)),
      timings,
      written: [],
      versions: [],
      ok: !hasErrors(diagnostics),
      ...extra,
    };
  };

  /** Runs a stage for one page; a bug in it becomes an error diagnostic instead of a crash. */
  const guarded = <T>(page: string, f: () => T): T | undefined => {
    try {
      return f();
    } catch (e) {
      if (options.debug) throw e;
      diagnostics.push(error("internal-error", `Rendering ${page} stopped on an internal error: ${(e as Error).message} (run with --debug for details).`));
      return undefined;
    }
  };

  // load
  const { createCheckContext } = await import("../check/context.ts");
  const ctx = timed("load", () => createCheckContext(requestedRoot));
  const root = ctx.root;
  const outDir = resolve(options.out ?? join(root, "gen"));

  // check
  const { rstFiles } = await import("../check/rst-files.ts");
  const checks = options.checks ?? (await import("../check/checks.ts")).checks.filter((c) => c !== rstFiles);
  timed("check", () => {
    for (const check of checks) diagnostics.push(...check(ctx));
    diagnostics.push(...ctx.cache.diagnostics);
  });
  const entry = newestEntry(ctx.changelog);
  if (!entry && !ctx.changelog.diagnostics.length) diagnostics.push(error("changelog-no-entries", "CHANGELOG.rst has no release entry, so the build has no version.", { file: "CHANGELOG.rst" }));
  if (hasErrors(diagnostics) || !entry) return result({ outDir });
  const version = entry.version;
  const folder = options.unstable ? UNSTABLE : version;

  // targets
  const targetName = options.target ?? DEFAULT_TARGET;
  const loaded = loadTargets(root);
  diagnostics.push(...loaded.diagnostics);
  if (!loaded.config) return result({ outDir, version });
  const config: TargetsConfig = loaded.config;
  const resolved = resolveTarget(config, targetName);
  diagnostics.push(...resolved.diagnostics);
  if (hasErrors(diagnostics)) return result({ outDir, version });

  const plans: PagePlan[] = [{ file: targetName === DEFAULT_TARGET ? "index.html" : `${targetName}.html`, label: targetName === DEFAULT_TARGET ? "Specification" : targetName, files: resolved.files }];
  // A tree without the how-to simply has no how-to page.
  if (targetName === DEFAULT_TARGET && existsSync(join(root, HOWTO_FILE))) {
    plans.push({ file: "howtos.html", label: "Client-server how-to", files: [{ path: HOWTO_FILE, depth: 0 }] });
  }

  // assemble
  const assembled = timed("assemble", () =>
    plans.map((plan) => {
      const a = assemble(root, plan.files, config.titleStyles);
      diagnostics.push(...a.diagnostics);
      return a.text;
    }),
  );
  if (hasErrors(diagnostics)) return result({ outDir, version });

  // sections
  const buildVariables = options.buildVariables ?? (await import("../variables/index.ts")).buildVariables;
  const usedNames = new Set(assembled.flatMap((t) => usedVariables(t.text)));
  const { variables, diagnostics: variableDiagnostics } = timed("sections", () =>
    buildVariables(root, ctx.cache, { usedNames, relative: config.relativeTitleStyles }),
  );
  diagnostics.push(...variableDiagnostics);

  // substitute
  const templated = timed("substitute", () =>
    assembled.map((text) => {
      const s = substituteVariables(text, (name) => variables.get(name));
      diagnostics.push(...s.diagnostics);
      diagnostics.push(...resolveRelativeTitles(s.text, config.titleStyles, config.relativeTitleStyles));
      return s.text;
    }),
  );
  if (hasErrors(diagnostics)) return result({ outDir, version });

  // rst
  const documents = timed("rst", () =>
    templated.map((text, i) => {
      const source = plans[i].file.replace(/\.html$/, ".rst");
      const r = guarded(source, () => renderRst(text, source));
      if (!r) return undefined;
      diagnostics.push(...r.diagnostics);
      return r.document;
    }),
  );

  // page
  const gitRev = options.gitRev ?? (variables.get("git_rev")?.text.trim() || "unknown");

  // api: the merged Swagger documents and the event schemas, linked from every page
  const { apiDump, apiLinks } = await import("../api-dump/index.ts");
  const apiStarted = performance.now();
  const dump = await apiDump(ctx, version);
  diagnostics.push(...dump.diagnostics);
  timings.push({ stage: "api", ms: performance.now() - apiStarted });

  const nav = (current: string): PageLink[] => [
    ...plans.map((p) => ({ href: p.file, label: p.label, current: p.file === current })),
    ...apiLinks(dump.groups),
    { href: "../index.html", label: "All versions" },
  ];
  const pages = timed("page", () =>
    documents.map((document, i) => {
      const plan = plans[i];
      if (!document) return undefined;
      const page = guarded(plan.file, () => renderPage(
        document,
        { file: plan.file, version: options.unstable ? `${UNSTABLE} (after ${version})` : version, gitRev, nav: nav(plan.file) },
        (line) => templated[i].originOf(line),
      ));
      if (page) diagnostics.push(...page.diagnostics);
      return page;
    }),
  );
  if (hasErrors(diagnostics) || pages.some((p) => !p)) return result({ outDir, version });

  // write
  const files = new Map<string, string | Buffer>();
  for (const page of pages) files.set(page!.file, page!.html);
  for (const [name, content] of themeAssets()) files.set(name, content);
  for (const [name, content] of dump.files) files.set(name, content);
  const info: VersionInfo = { name: folder, release: version, date: entry.date, rev: gitRev, pages: plans.map((p) => p.file) };
  files.set(VERSION_INFO_FILE, versionInfoText(info));
  if (options.keepIntermediates) {
    plans.forEach((plan, i) => {
      const base = plan.file.replace(/\.html$/, "");
      files.set(`${base}.assembled.rst`, assembled[i].text);
      files.set(`${base}.templated.rst`, templated[i].text);
    });
  }
  const versions = timed("write", () =>
    writeOutput(outDir, { version: folder, files, merge: targetName !== DEFAULT_TARGET }, { versionsPage, beforeSwap: options.beforeSwap }),
  );
  return result({ outDir, version, folder, versions, written: [...files.keys()] });
}

/** The page listing every version present in the output folder, with the dates of their releases. */
export function versionsPage(versions: string[], infos: VersionInfo[] = []): string {
  const byName = new Map(infos.map((i) => [i.name, i]));
  const latest = versions.find((v) => v !== UNSTABLE) ?? versions[0];
  const entries = versions.map((v) => ({ name: v, date: byName.get(v)?.date ?? "", release: byName.get(v)?.release ?? v, latest: v === latest }));
  return renderTheme("versions.njk", { versions, latest, entries });
}
