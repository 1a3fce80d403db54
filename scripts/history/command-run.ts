// The `--rev` and `--releases` modes of `matrix-doc build`: they work on the
// git repository holding the `--root`, print what they built or skipped, and
// return the exit code (0 built; 1 when the requested revision, or the working
// tree as `unstable`, could not be built; 2 outside a git repository or for an
// unknown revision).
import { relative, resolve } from "node:path";
import { formatText } from "../report.ts";
import type { BuildResult } from "../build/build.ts";
import { buildReleases } from "./build-releases.ts";
import { buildRevision } from "./build-revision.ts";
import { prefixInRepo, repositoryTop } from "./git.ts";

export interface HistoryBuildOptions {
  root: string;
  out?: string;
  rev?: string;
  releases?: boolean;
  tagPattern?: string;
  debug?: boolean;
}

function say(result: BuildResult, what: string): string {
  const shown = relative(process.cwd(), result.outDir) || ".";
  return `built ${what} as ${result.folder} into ${shown}/${result.folder}/\n`;
}

export async function runHistoryBuild(options: HistoryBuildOptions): Promise<number> {
  const started = performance.now();
  const repo = repositoryTop(options.root);
  if (!repo) {
    process.stderr.write(`matrix-doc build: ${options.root} is not inside a git repository, so --rev and --releases have no history to read.\n`);
    return 2;
  }
  const prefix = prefixInRepo(repo, options.root);
  const out = resolve(options.out ?? resolve(options.root, "gen"));
  const color = Boolean(process.stderr.isTTY);
  if (options.rev) {
    const built = await buildRevision(repo, options.rev, { out, prefix, tagPattern: options.tagPattern, debug: options.debug });
    if (built.skipped) {
      if (built.result?.diagnostics.length) process.stderr.write(formatText(built.result.diagnostics, { root: built.result.root, color }) + "\n\n");
      process.stderr.write(`matrix-doc build: ${built.skipped.message}\n`);
      return built.skipped.code === "rev-unknown" ? 2 : 1;
    }
    process.stdout.write(say(built.result!, options.rev));
    return 0;
  }
  const run = await buildReleases({ repo, root: options.root, prefix, out, tagPattern: options.tagPattern, debug: options.debug });
  if (run.diagnostics.length) process.stderr.write(formatText(run.diagnostics, { root: options.root, color }) + "\n\n");
  for (const o of run.releases) {
    const from = "tag" in o.release.source ? `tag ${o.release.source.tag}` : "changelog history";
    const what = `${o.release.version} (${o.release.date}, ${o.release.commit.slice(0, 7)}, from the ${from})`;
    if (o.status === "built") process.stdout.write(say(o.result!, what));
    else if (o.status === "present") process.stdout.write(`${what} is already in ${relative(process.cwd(), out) || "."}/\n`);
    else process.stdout.write(`skipped ${what}\n`);
  }
  if (run.unstable?.ok) process.stdout.write(say(run.unstable, "the working tree"));
  process.stdout.write(`${run.releases.length} release${run.releases.length === 1 ? "" : "s"} found (${Math.round(performance.now() - started)} ms)\n`);
  return run.unstable && !run.unstable.ok ? 1 : 0;
}
