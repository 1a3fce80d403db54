// `matrix-doc diff A B`: both sides built (in this process, one after the
// other) into `gen/diff/<A>..<B>/from/` and `.../to/`, their merged API
// documents and event schemas compared, their pages compared section by
// section, and the report written as `gen/diff/<A>..<B>/index.html`.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { type Diagnostic, error } from "../diagnostics/diagnostic.ts";
import { runBuild, type BuildResult } from "../build/build.ts";
import { buildRevision } from "../history/build-revision.ts";
import { prefixInRepo, repositoryTop } from "../history/git.ts";
import { EVENTS_FILE } from "../api-dump/index.ts";
import { readVersionInfo } from "../versions/version-info.ts";
import { compareEvents, compareOperations, type ApiChange } from "./api-report.ts";
import { pageSections } from "./page-sections.ts";
import { folderName, resolveSide, type Side } from "./sides.ts";
import { diffSections, type SectionDiff } from "./text-diff.ts";
import { renderDiffPage } from "./report-page.ts";

export interface DiffOptions {
  root: string;
  from: string;
  to: string;
  /** Output folder; default `<root>/gen`. The report goes to `<out>/diff/<from>..<to>/`. */
  out?: string;
  tagPattern?: string;
  debug?: boolean;
}

export type { BuiltSide, DiffReport } from "./report.ts";
import type { BuiltSide, DiffReport } from "./report.ts";

export interface DiffResult {
  report?: DiffReport;
  /** The report page, when written. */
  page?: string;
  diagnostics: Diagnostic[];
  /** Milliseconds spent building each side, and comparing. */
  timings: { from: number; to: number; compare: number };
}

async function buildSide(side: Side, root: string, repo: string | undefined, prefix: string, out: string, debug?: boolean): Promise<{ result?: BuildResult; skipped?: Diagnostic }> {
  if ("worktree" in side) {
    const result = await runBuild({ root, out, debug });
    return result.ok ? { result } : { result, skipped: error("diff-side-not-built", `The working tree cannot be built (${result.diagnostics.filter((d) => d.severity === "error").length} errors).`) };
  }
  return buildRevision(repo!, side.commit, { out, prefix, label: side.name, debug });
}

const readJson = (path: string): unknown => (existsSync(path) ? JSON.parse(readFileSync(path, "utf8")) : undefined);

export async function runDiff(options: DiffOptions): Promise<DiffResult> {
  const timings = { from: 0, to: 0, compare: 0 };
  const repo = repositoryTop(options.root);
  const prefix = repo ? prefixInRepo(repo, options.root) : "";
  const sides: Side[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const name of [options.from, options.to]) {
    const side = resolveSide(repo, name, options.tagPattern, prefix);
    if ("severity" in side) diagnostics.push(side);
    else sides.push(side);
  }
  if (diagnostics.length) return { diagnostics, timings };
  const gen = options.out ?? join(options.root, "gen");
  const dir = join(gen, "diff", `${folderName(options.from)}..${folderName(options.to)}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });

  const built: BuiltSide[] = [];
  for (const [i, side] of sides.entries()) {
    const started = performance.now();
    const slot = i === 0 ? "from" : "to";
    const b = await buildSide(side, options.root, repo, prefix, join(dir, slot), options.debug);
    timings[slot] = performance.now() - started;
    if (b.skipped || !b.result) {
      if (b.result) diagnostics.push(...b.result.diagnostics);
      diagnostics.push(b.skipped ?? error("diff-side-not-built", `${side.name} could not be built.`));
      continue;
    }
    const folder = `${slot}/${b.result.folder}`;
    const info = readVersionInfo(join(dir, folder), b.result.folder!);
    built.push({ name: side.name, commit: "commit" in side ? side.commit : undefined, version: b.result.version!, folder, pages: info.pages });
  }
  if (built.length < 2) return { diagnostics, timings };

  const started = performance.now();
  const [from, to] = built;
  const apiDocs = (side: BuiltSide) => {
    const apiDir = join(dir, side.folder, "api");
    const names = existsSync(apiDir) ? readdirSync(apiDir).filter((n) => n.endsWith(".json")).sort() : [];
    return names.filter((n) => n !== EVENTS_FILE).map((n) => readJson(join(apiDir, n)) as Record<string, unknown>);
  };
  const events = (side: BuiltSide) => ((readJson(join(dir, side.folder, "api", EVENTS_FILE)) as { events?: Record<string, unknown> } | undefined)?.events ?? {});
  const api = [...compareOperations(apiDocs(from), apiDocs(to)), ...compareEvents(events(from), events(to))];
  const sections: SectionDiff[] = [];
  for (const page of [...new Set([...to.pages, ...from.pages])]) {
    const html = (side: BuiltSide) => (side.pages.includes(page) ? readFileSync(join(dir, side.folder, page), "utf8") : "");
    sections.push(...diffSections(page, pageSections(html(from)), pageSections(html(to))));
  }
  const report: DiffReport = { from, to, api, breaking: api.filter((c) => c.breaking).length, sections };
  const page = join(dir, "index.html");
  writeFileSync(page, renderDiffPage(report));
  writeFileSync(join(dir, "report.json"), JSON.stringify(jsonReport(report), null, 2) + "\n");
  timings.compare = performance.now() - started;
  return { report, page: relative(process.cwd(), page) || page, diagnostics, timings };
}

/** The report for CI (`--format json`): the API changes in full, the text changes as section lists. */
export function jsonReport(report: DiffReport): object {
  const side = (s: BuiltSide) => ({ name: s.name, commit: s.commit ?? null, version: s.version });
  const ids = (status: string) => report.sections.filter((s) => s.status === status).map((s) => ({ page: s.page, id: s.id, title: s.title }));
  return {
    from: side(report.from),
    to: side(report.to),
    breaking: report.breaking,
    api: report.api,
    sections: { added: ids("added"), removed: ids("removed"), changed: ids("changed") },
  };
}
