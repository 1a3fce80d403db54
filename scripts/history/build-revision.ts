// Building the spec tree as it was at a git revision: the revision's tree is
// exported with `git archive` into a temporary folder (the work tree and the
// index are never touched) and built there by this toolchain. A revision that
// cannot be built is reported as skipped, with the reason, and nothing of it is
// written.
import { error, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { runBuild, type BuildResult } from "../build/build.ts";
import { exportTree, git, GitError, removeTree } from "./git.ts";
import { resolveRevision } from "./resolve.ts";

export interface RevisionBuildOptions {
  /** Output folder (`gen/` of the work tree, usually). */
  out: string;
  /** The spec tree's folder inside the repository ('' at its top). */
  prefix?: string;
  /** Tags naming releases, when `rev` is a release version git does not know. */
  tagPattern?: string;
  /** How messages name the revision; default the revision as given. */
  label?: string;
  debug?: boolean;
}

export interface RevisionBuild {
  rev: string;
  commit?: string;
  /** Set when the revision was built. */
  result?: BuildResult;
  /** Set when it was not: why, as one diagnostic. */
  skipped?: Diagnostic;
}

function firstError(result: BuildResult): string {
  const d = result.diagnostics.find((x) => x.severity === "error");
  if (!d) return "no version could be read from its changelog";
  const where = d.file ? `${d.file}${d.line ? `:${d.line}` : ""}: ` : "";
  return `${where}${d.message}`;
}

export async function buildRevision(repo: string, rev: string, options: RevisionBuildOptions): Promise<RevisionBuild> {
  const commit = resolveRevision(repo, rev, { tagPattern: options.tagPattern, prefix: options.prefix })?.commit;
  if (!commit) return { rev, skipped: error("rev-unknown", `git knows no revision "${rev}" in ${repo}, and no release of that name was found in its history.`) };
  const short = git(repo, ["rev-parse", "--short", commit]).trim();
  const name = options.label ?? rev;
  let tree: string;
  try {
    tree = exportTree(repo, commit, options.prefix);
  } catch (e) {
    return { rev, commit, skipped: error("rev-export-failed", `${name} (${short}) was skipped: its tree could not be read from git (${(e as GitError).message}).`) };
  }
  try {
    const result = await runBuild({ root: tree, out: options.out, gitRev: short, debug: options.debug });
    if (!result.ok) {
      const errors = result.diagnostics.filter((d) => d.severity === "error").length;
      return { rev, commit, result, skipped: error("rev-not-built", `${name} (${short}) was skipped: this toolchain cannot build its sources (${errors} error${errors === 1 ? "" : "s"}; first: ${firstError(result)}).`) };
    }
    return { rev, commit, result };
  } catch (e) {
    if (options.debug) throw e;
    return { rev, commit, skipped: error("rev-not-built", `${name} (${short}) was skipped: the build stopped on an internal error (${(e as Error).message}).`) };
  } finally {
    removeTree(tree);
  }
}
