// Running git without a shell, and the few questions the history code asks it.
// Every call is local: nothing here fetches from a remote.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export class GitError extends Error {}

/** Runs git in `repo` and returns its standard output; throws a GitError carrying git's message. */
export function git(repo: string, args: string[], input?: Buffer | string): string {
  const r = spawnSync("git", args, { cwd: repo, encoding: "utf8", input, maxBuffer: 256 * 1024 * 1024, timeout: 60_000 });
  if (r.error) throw new GitError(`git ${args[0]} could not run: ${r.error.message}`);
  if (r.status !== 0) throw new GitError((r.stderr || `git ${args.join(" ")} exited with ${r.status}`).trim());
  return r.stdout;
}

/** The top folder of the git work tree holding `dir`, or undefined outside one. */
export function repositoryTop(dir: string): string | undefined {
  try {
    return git(dir, ["rev-parse", "--show-toplevel"]).trim();
  } catch {
    return undefined;
  }
}

/** The full commit id of a revision (tag, branch, commit), or undefined when git does not know it. */
export function resolveCommit(repo: string, rev: string): string | undefined {
  try {
    return git(repo, ["rev-parse", "--verify", "--quiet", `${rev}^{commit}`]).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** A file's text at a commit, or undefined when the commit has no such file. */
export function showFile(repo: string, commit: string, path: string): string | undefined {
  try {
    return git(repo, ["show", `${commit}:${path}`]);
  } catch {
    return undefined;
  }
}

/** The folder of `path` inside the repository, relative to its top ('' at the top). */
export function prefixInRepo(repo: string, path: string): string {
  return git(path, ["rev-parse", "--show-prefix"]).trim().replace(/\/$/, "");
}

/**
 * Copies the tree of `commit` (or its sub-folder `prefix`) into a new temporary
 * folder with `git archive`, without touching the work tree or the index.
 * The caller removes the folder (`removeTree`).
 */
export function exportTree(repo: string, commit: string, prefix = ""): string {
  const dir = mkdtempSync(join(tmpdir(), "matrix-doc-rev-"));
  try {
    const spec = prefix ? `${commit}:${prefix}` : commit;
    const tar = execFileSync("git", ["archive", "--format=tar", spec], { cwd: repo, maxBuffer: 1024 * 1024 * 1024, stdio: ["ignore", "pipe", "pipe"] });
    mkdirSync(dir, { recursive: true });
    execFileSync("tar", ["-x", "-f", "-", "-C", dir], { input: tar, stdio: ["pipe", "ignore", "pipe"] });
    return dir;
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    const stderr = (e as { stderr?: Buffer }).stderr?.toString().trim();
    throw new GitError(stderr || (e as Error).message);
  }
}

export function removeTree(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
