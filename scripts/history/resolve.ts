// What a revision name means: anything git resolves to a commit (tag, branch,
// commit), else a release version such as `v0.1.0` found by the release rule
// (releases.ts), so that `--rev v0.1.0` works in a clone without tags.
import { resolveCommit } from "./git.ts";
import { findReleases } from "./releases.ts";

export interface ResolvedRevision {
  commit: string;
  /** Set when the name was found as a release of the history rather than by git. */
  release?: string;
}

export function resolveRevision(repo: string, name: string, options: { tagPattern?: string; prefix?: string } = {}): ResolvedRevision | undefined {
  const commit = resolveCommit(repo, name);
  if (commit) return { commit };
  if (!/^v\d+\.\d+\.\d+$/.test(name)) return undefined;
  const release = findReleases(repo, options).find((r) => r.version === name);
  return release ? { commit: release.commit, release: name } : undefined;
}
