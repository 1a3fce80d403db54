// The key of a whole run of a command (`check`, `build`) on a tree, as things
// are now: every file of the tree, the toolchain, the command's options,
// git's state (the git variables), the day (the date directive) and where the
// tree is (a kept result names its root, whose files the report quotes). Two
// runs with the same key give the same result.
import { createHash } from "node:crypto";
import { gitStateKey } from "../../variables/git-version.ts";
import { hashDigests, toolchainHash, treeDigests } from "./tree-hash.ts";

/** `root` is the tree's real path. */
export function runKey(command: string, root: string, options: unknown): string {
  const hash = createHash("sha256");
  const day = new Date().toISOString().slice(0, 10) + (process.env.SOURCE_DATE_EPOCH ?? "");
  for (const part of [command, root, toolchainHash(), hashDigests(treeDigests(root)), JSON.stringify(options), gitStateKey(root), day]) hash.update(part).update("\0");
  return hash.digest("hex").slice(0, 40);
}
