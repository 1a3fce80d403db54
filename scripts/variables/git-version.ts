// `git_version` and `git_rev`: the revision of the spec tree the document was
// built from, asked of git (run directly, without a shell). Outside a git
// checkout, or without git, both are `unknown`.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

function git(root: string, args: string[]): string | undefined {
  try {
    return execFileSync("git", args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "ignore"], timeout: 10_000 }).trim();
  } catch {
    return undefined;
  }
}

export interface GitVersion {
  /** e.g. `main v0.2.0-3-gabc1234 (dirty)`. */
  version: string;
  /** e.g. `abc1234`. */
  rev: string;
}

/** The short commit of the tree, or `unknown` (one git process). */
export function gitRev(root: string): string {
  return git(root, ["rev-parse", "--short", "HEAD"]) || "unknown";
}

/** The branch (read from the git folder), the description from the newest tag and whether tracked files changed (one git process). */
export function gitVersion(root: string): GitVersion {
  const described = git(root, ["describe", "--tags", "--long", "--always", "--dirty"]);
  if (!described) return { version: "unknown", rev: "unknown" };
  const dirty = described.endsWith("-dirty");
  const description = dirty ? described.slice(0, -"-dirty".length) : described;
  // `<tag>-<count>-g<commit>`, or only `<commit>` when there is no tag.
  const rev = /-g([0-9a-f]+)$/.exec(description)?.[1] ?? description;
  const parts = [currentBranch(root), description, dirty ? "(dirty)" : undefined];
  return { version: parts.filter(Boolean).join(" "), rev };
}

/**
 * What the two variables depend on besides the files of the tree, read from the
 * git folder without running git: where HEAD points and that commit, the index
 * and the tags. The stage memo (../pipeline/memo/) keys the variables on it;
 * the working files themselves are in the tree's hash.
 */
export function gitStateKey(root: string): string {
  const gitDir = findGitDir(root);
  if (!gitDir) return "no git";
  const read = (path: string) => readText(join(gitDir.common, path)) ?? readText(join(gitDir.own, path));
  const head = readText(join(gitDir.own, "HEAD")) ?? "";
  const ref = /^ref: (.+)$/m.exec(head)?.[1];
  const parts = [
    `root ${root}`,
    `head ${head.trim()}`,
    `commit ${ref ? (read(ref)?.trim() ?? "packed") : ""}`,
    `index ${stamp(join(gitDir.own, "index"))}`,
    `packed ${stamp(join(gitDir.common, "packed-refs"))}`,
    `tags ${listing(join(gitDir.common, "refs/tags"))}`,
  ];
  return parts.join("\n");
}

/** The branch checked out (as `git rev-parse --abbrev-ref HEAD` names it), or undefined when HEAD is detached. */
function currentBranch(root: string): string | undefined {
  const gitDir = findGitDir(root);
  const head = gitDir ? readText(join(gitDir.own, "HEAD")) : undefined;
  return head === undefined ? undefined : /^ref: refs\/heads\/(.+)$/m.exec(head)?.[1]?.trim();
}

/** The git folder of a checkout at or above `root` (`own`), and the shared one of a worktree (`common`). */
function findGitDir(root: string): { own: string; common: string } | undefined {
  for (let dir = root; ; dir = dirname(dir)) {
    const dotGit = join(dir, ".git");
    const text = readText(dotGit);
    if (text !== undefined) {
      // A worktree or submodule: `.git` is a file naming the real folder.
      const own = /^gitdir: (.+)$/m.exec(text)?.[1]?.trim();
      if (!own) return undefined;
      const ownDir = resolve(dir, own);
      const common = readText(join(ownDir, "commondir"))?.trim();
      return { own: ownDir, common: common ? resolve(ownDir, common) : ownDir };
    }
    if (existsSync(dotGit)) return { own: dotGit, common: dotGit };
    if (dirname(dir) === dir) return undefined;
  }
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return undefined;
  }
}

function stamp(path: string): string {
  try {
    const s = statSync(path);
    return `${s.size} ${s.mtimeMs}`;
  } catch {
    return "none";
  }
}

/** Tag names and their files' times (a tag added, moved or deleted changes it). */
function listing(dir: string): string {
  try {
    return readdirSync(dir, { recursive: true }).map((n) => `${n} ${stamp(join(dir, String(n)))}`).sort().join(",");
  } catch {
    return "none";
  }
}
