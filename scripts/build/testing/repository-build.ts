// One build of the repository's own sources per test worker, shared by every
// test that only reads what it wrote (the pages, the API descriptions, the
// result's diagnostics): the tests run with `isolate: false`, so the promise
// below lives as long as the worker, and the build (seconds on a busy
// machine) runs once instead of once per file. Tests must not write into
// `out`; a test that edits the output or the sources builds a copy of its own.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { runBuild, type BuildResult } from "../build.ts";

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

export interface RepositoryBuild {
  result: BuildResult;
  /** The output folder (its version folder, `versions.js`, `index.html`). */
  out: string;
  /** The version folder, `<out>/<version>`. */
  dir: string;
}

let building: Promise<RepositoryBuild> | undefined;

/** The build of the repository into a temporary folder, made on the first call and shared after that. */
export function repositoryBuild(): Promise<RepositoryBuild> {
  building ??= (async () => {
    const out = mkdtempSync(join(tmpdir(), "build-repo-shared-"));
    process.once("exit", () => rmSync(out, { recursive: true, force: true }));
    const result = await runBuild({ root: REPO, out });
    return { result, out, dir: join(out, result.version ?? "no-version") };
  })();
  return building;
}
