// What `matrix-doc diff` compares: each side is the working tree (`worktree`
// or `.`), a release version such as `v0.1.0` (its tag, or the release found in
// the changelog's history), or any git revision.
import { type Diagnostic, error } from "../diagnostics/diagnostic.ts";
import { resolveRevision } from "../history/resolve.ts";

export const WORKTREE_NAMES = ["worktree", "."];

export type Side = { name: string; worktree: true } | { name: string; commit: string; release?: string };

export function resolveSide(repo: string | undefined, name: string, tagPattern?: string, prefix = ""): Side | Diagnostic {
  if (WORKTREE_NAMES.includes(name)) return { name, worktree: true };
  if (!repo) return error("diff-no-repository", `"${name}" names a git revision, but the spec tree is not inside a git repository.`);
  const resolved = resolveRevision(repo, name, { tagPattern, prefix });
  if (resolved) return { name, ...resolved };
  if (/^v\d+\.\d+\.\d+$/.test(name)) {
    return error("diff-unknown-release", `No release ${name} was found: no tag of that name, and no commit of the history at which ${name} became the newest changelog entry.`);
  }
  return error("diff-unknown-revision", `git knows no revision "${name}".`);
}

/** A name usable as a folder name: `feature/x` becomes `feature_x`. */
export function folderName(name: string): string {
  return name === "." ? "worktree" : name.replace(/[^A-Za-z0-9._-]+/g, "_");
}
