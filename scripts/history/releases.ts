// Finding the releases of a repository from git alone.
//
// A release of version V is the first commit at which V became the newest entry
// of CHANGELOG.rst, following the first-parent history of HEAD. When the newest
// entry goes back to an older version and later returns (a changelog entry taken
// out and put back), the return is what counts: the history is read as runs of
// commits with the same newest version, and walking these runs from HEAD back to
// the root, a run is a release only if its version is older than every release
// already found after it. So each version gets the start of the run that leads,
// without going back, to HEAD.
//
// Tags that match the pattern (default `v*`) take precedence: a tag names the
// release of the newest version of the changelog at the tagged commit (or, when
// that changelog cannot be read, of the version the tag's name spells).
import { parseChangelog } from "../sources/changelog.ts";
import { git, showFile } from "./git.ts";

export const DEFAULT_TAG_PATTERN = "v*";
/** The changelog whose newest entry names the version of a commit. */
export const CHANGELOG_FILE = "CHANGELOG.rst";

export interface Release {
  /** e.g. `v0.2.0`. */
  version: string;
  /** The date of the version's changelog entry, `YYYY-MM-DD`. */
  date: string;
  /** Full commit id. */
  commit: string;
  /** What found it: a tag (its name), or the changelog history. */
  source: { tag: string } | { changelog: true };
}

export interface ReleaseOptions {
  /** The revision whose history is searched; default HEAD. */
  head?: string;
  /** Tags matching this glob name releases; default `v*`. An empty string ignores tags. */
  tagPattern?: string;
  /** The spec tree's folder inside the repository ('' when the tree is the repository). */
  prefix?: string;
}

const VERSION_NAME = /^v(\d+)\.(\d+)\.(\d+)$/;

function compare(a: string, b: string): number {
  const x = VERSION_NAME.exec(a)!.slice(1).map(Number);
  const y = VERSION_NAME.exec(b)!.slice(1).map(Number);
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
}

/** The newest changelog entry at a commit, or undefined when there is none or it cannot be read. */
export function newestAt(repo: string, commit: string, prefix = ""): { version: string; date: string } | undefined {
  const path = prefix ? `${prefix}/${CHANGELOG_FILE}` : CHANGELOG_FILE;
  const text = showFile(repo, commit, path);
  if (text === undefined) return undefined;
  const entry = parseChangelog(text, path).entries[0];
  return entry ? { version: entry.version, date: entry.date ?? "" } : undefined;
}

/** Releases found from the changelog's history alone (no tags), oldest first. */
export function releasesFromChangelog(repo: string, options: ReleaseOptions = {}): Release[] {
  const prefix = options.prefix ?? "";
  const path = prefix ? `${prefix}/${CHANGELOG_FILE}` : CHANGELOG_FILE;
  const log = git(repo, ["log", "--first-parent", "--reverse", "--format=%H", options.head ?? "HEAD", "--", path]).split("\n").filter(Boolean);
  // Runs of commits with the same newest version; a commit without a readable entry ends a run.
  const runs: { version: string; date: string; commit: string }[] = [];
  let current: string | undefined;
  for (const commit of log) {
    const newest = newestAt(repo, commit, prefix);
    if (newest?.version !== current) {
      if (newest) runs.push({ ...newest, commit });
      current = newest?.version;
    }
  }
  const found: Release[] = [];
  let oldestFound: string | undefined;
  for (let i = runs.length - 1; i >= 0; i--) {
    const run = runs[i];
    if (oldestFound && compare(run.version, oldestFound) >= 0) continue;
    found.unshift({ version: run.version, date: run.date, commit: run.commit, source: { changelog: true } });
    oldestFound = run.version;
  }
  return found;
}

/** Releases named by tags matching the pattern that are reachable from the head, by version. */
export function releasesFromTags(repo: string, options: ReleaseOptions = {}): Map<string, Release> {
  const pattern = options.tagPattern ?? DEFAULT_TAG_PATTERN;
  const out = new Map<string, Release>();
  if (!pattern) return out;
  const lines = git(repo, ["tag", "--list", pattern, "--merged", options.head ?? "HEAD", "--format=%(refname:short)"]).split("\n").filter(Boolean);
  for (const line of lines) {
    const [tag] = line.split("\t");
    const commit = git(repo, ["rev-parse", `${tag}^{commit}`]).trim();
    const newest = newestAt(repo, commit, options.prefix);
    const version = newest?.version ?? (VERSION_NAME.test(tag) ? tag : undefined);
    if (!version) continue;
    const previous = out.get(version);
    // Two tags for one version: the older commit is the release.
    if (previous && isAncestor(repo, previous.commit, commit)) continue;
    out.set(version, { version, date: newest?.date ?? "", commit, source: { tag } });
  }
  return out;
}

function isAncestor(repo: string, a: string, b: string): boolean {
  try {
    git(repo, ["merge-base", "--is-ancestor", a, b]);
    return true;
  } catch {
    return false;
  }
}

/** Every release of the history of the head, oldest first: tags first, then the changelog's history. */
export function findReleases(repo: string, options: ReleaseOptions = {}): Release[] {
  const byVersion = new Map<string, Release>();
  for (const r of releasesFromChangelog(repo, options)) byVersion.set(r.version, r);
  for (const [version, r] of releasesFromTags(repo, options)) byVersion.set(version, { ...r, date: r.date || byVersion.get(version)?.date || "" });
  return [...byVersion.values()].sort((a, b) => compare(a.version, b.version));
}
