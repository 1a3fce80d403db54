// `git_version` and `git_rev`: the revision of the spec tree the document was
// built from, asked of git (run directly, without a shell). Outside a git
// checkout, or without git, both are `unknown`.
import { execFileSync } from "node:child_process";

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
  return git(root, ["rev-parse", "--short", "HEAD"]) ?? "unknown";
}

export function gitVersion(root: string): GitVersion {
  const rev = gitRev(root);
  if (rev === "unknown") return { version: "unknown", rev };
  const branch = git(root, ["rev-parse", "--abbrev-ref", "HEAD"]);
  const described = git(root, ["describe", "--tags", "--long", "--always"]) ?? rev;
  const status = git(root, ["status", "--porcelain", "--untracked-files=no"]);
  const parts = [branch && branch !== "HEAD" ? branch : undefined, described, status ? "(dirty)" : undefined];
  return { version: parts.filter(Boolean).join(" "), rev };
}
