// The result of `check` on a tree that has not changed since an earlier check:
// kept in the cache folder under a hash of every file of the tree, the
// toolchain, the options, git's state and the day, and reported again without
// loading anything. Any change to the tree misses it, and the check then runs
// its stages, themselves kept per stage (../pipeline/memo/). This module is
// loaded before the pipeline, so it imports none of it.
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { runKey } from "../pipeline/memo/run-key.ts";
import { StageStore } from "../pipeline/memo/stage-store.ts";
import type { CheckSummary } from "./run.ts";

/** What the check command reports. */
export interface KeptCheck {
  summary: CheckSummary;
  diagnostics: Diagnostic[];
  breakdown: string;
  root: string;
}

export interface CheckKeyOptions {
  target?: string;
  strict: boolean;
  allowRaw: boolean;
}

/** The key of a check of the tree at `root` (its real path) with these options, as things are now. */
export function checkKey(root: string, options: CheckKeyOptions): string {
  return runKey("check", root, options);
}

export function keptCheck(cacheDir: string, key: string): KeptCheck | undefined {
  return new StageStore(cacheDir).get<KeptCheck>("whole-check", key);
}

export function keepCheck(cacheDir: string, key: string, result: KeptCheck): void {
  const { summary, diagnostics, breakdown, root } = result;
  new StageStore(cacheDir).set("whole-check", key, { summary, diagnostics, breakdown, root });
}
