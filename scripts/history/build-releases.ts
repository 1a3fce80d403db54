// `matrix-doc build --releases`: every release of the history (see
// releases.ts) that is not yet in the output folder, then the working tree as
// `unstable` when its sources differ from the newest release's. Each version is
// built on its own: one that fails is skipped and the others are still built.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { type Diagnostic, warning } from "../diagnostics/diagnostic.ts";
import { runBuild, type BuildResult } from "../build/build.ts";
import { listVersions } from "../write/write-output.ts";
import { UNSTABLE } from "../versions/version-info.ts";
import { buildRevision } from "./build-revision.ts";
import { git } from "./git.ts";
import { findReleases, type Release } from "./releases.ts";

/** What the working tree is compared on with the newest release to decide whether it is ahead. */
export const SOURCE_PATHS = ["CHANGELOG.rst", "api", "event-schemas", "specification", "supporting-docs", "templating"];

export interface ReleasesBuildOptions {
  /** The work tree's top folder (the repository). */
  repo: string;
  /** The spec tree (the `--root`), inside the repository. */
  root: string;
  /** Its folder inside the repository ('' at the top). */
  prefix: string;
  out: string;
  tagPattern?: string;
  debug?: boolean;
}

export interface ReleaseOutcome {
  release: Release;
  status: "built" | "present" | "skipped";
  result?: BuildResult;
}

export interface ReleasesBuild {
  releases: ReleaseOutcome[];
  /** The working tree's build as `unstable`, when it is ahead of the newest release. */
  unstable?: BuildResult;
  /** Why a version was skipped, and findings of the unstable build. */
  diagnostics: Diagnostic[];
}

/** True when the working tree's sources (committed or not) differ from the commit's. */
export function aheadOf(repo: string, prefix: string, commit: string): boolean {
  const paths = SOURCE_PATHS.map((p) => (prefix ? `${prefix}/${p}` : p));
  const changed = git(repo, ["diff", "--name-only", commit, "--", ...paths]).trim();
  if (changed) return true;
  const untracked = git(repo, ["ls-files", "--others", "--exclude-standard", "--", ...paths]).trim();
  return untracked !== "";
}

export async function buildReleases(options: ReleasesBuildOptions): Promise<ReleasesBuild> {
  const diagnostics: Diagnostic[] = [];
  const releases = findReleases(options.repo, { tagPattern: options.tagPattern, prefix: options.prefix });
  const present = new Set(listVersions(options.out));
  const outcomes: ReleaseOutcome[] = [];
  for (const release of releases) {
    if (present.has(release.version) && existsSync(join(options.out, release.version, "index.html"))) {
      outcomes.push({ release, status: "present" });
      continue;
    }
    const built = await buildRevision(options.repo, release.commit, { out: options.out, prefix: options.prefix, label: release.version, debug: options.debug });
    if (built.skipped) {
      diagnostics.push({ ...built.skipped, severity: "warning" });
      outcomes.push({ release, status: "skipped", result: built.result });
    } else if (built.result && built.result.version !== release.version) {
      diagnostics.push(warning("release-version-mismatch", `The release ${release.version} (${release.commit.slice(0, 7)}) built as ${built.result.version}.`));
      outcomes.push({ release, status: "built", result: built.result });
    } else {
      outcomes.push({ release, status: "built", result: built.result });
    }
  }
  const newest = releases[releases.length - 1];
  let unstable: BuildResult | undefined;
  if (!newest || aheadOf(options.repo, options.prefix, newest.commit)) {
    unstable = await runBuild({ root: options.root, out: options.out, unstable: Boolean(newest), debug: options.debug });
    if (!unstable.ok) diagnostics.push(warning("unstable-not-built", `The working tree was not built as ${UNSTABLE}: its sources have errors (listed above).`));
    diagnostics.push(...unstable.diagnostics);
  }
  return { releases: outcomes, unstable, diagnostics };
}
