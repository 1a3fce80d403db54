// The write stage. A build's pages are rendered in memory first; only a build
// without errors writes. It writes into a temporary folder beside the output
// (so that renames stay on one file system) and then renames each finished
// piece into place: `<version>/`, `latest/` (a copy of the newest release
// present), `index.html` (the list of versions) and `versions.js` (the same list
// for the version switcher of every page). A build that fails leaves
// the previous output as it was; no reader ever sees half a folder.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { compareVersions } from "../sources/changelog.ts";
import { readVersionInfo, UNSTABLE, type VersionInfo } from "../versions/version-info.ts";
import { VERSIONS_SCRIPT, versionsScript } from "../versions/versions-script.ts";

const VERSION_DIR = /^v(\d+)\.(\d+)\.(\d+)$/;
export const LATEST_DIR = "latest";
/** Staging folders are `.build-<pid>-<random>`: the process id tells whether their build still runs. */
const STAGING_PREFIX = ".build-";
/** A staging folder without a process id (an older toolchain's) is taken as abandoned after this long. */
const UNOWNED_STAGING_MS = 3600_000;
export const VERSIONS_PAGE = "index.html";

/** Version folders of an output folder (those holding an index.html), newest first (`unstable` before every release). */
export function listVersions(outDir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(outDir);
  } catch {
    return [];
  }
  return names
    .filter((n) => (VERSION_DIR.test(n) || n === UNSTABLE) && existsSync(join(outDir, n, "index.html")))
    .sort(newestFirst);
}

function newestFirst(a: string, b: string): number {
  if (a === UNSTABLE || b === UNSTABLE) return (b === UNSTABLE ? 1 : 0) - (a === UNSTABLE ? 1 : 0);
  return compareVersions(versionNumbers(b), versionNumbers(a));
}

function versionNumbers(name: string): number[] {
  const m = VERSION_DIR.exec(name)!;
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

export interface VersionFiles {
  /** e.g. `v0.2.0`. */
  version: string;
  /** File name in the version folder → content. */
  files: Map<string, string | Buffer>;
  /** Keep the files of the existing version folder that this build does not write (a build of one extra target). */
  merge?: boolean;
}

export interface WriteHooks {
  /** Renders the list of versions, given the versions present after this build, newest first, and what each folder's version.json says. */
  versionsPage(versions: string[], infos: VersionInfo[]): string;
  /** Called between steps; tests use it to make a step fail. */
  beforeSwap?(what: string): void;
}

/** Replaces `target` by `replacement` with two renames, putting the old one back if the second fails. */
function swapInto(replacement: string, target: string, trash: string): void {
  const hadOld = existsSync(target);
  if (hadOld) renameSync(target, trash);
  try {
    renameSync(replacement, target);
  } catch (e) {
    if (hadOld) renameSync(trash, target);
    throw e;
  }
}

function writeFiles(dir: string, files: Map<string, string | Buffer>): void {
  for (const [name, content] of files) {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
}

/**
 * Removes the staging folders of builds that were killed before they could clean
 * up: those whose process is gone. A folder whose build is still running (another
 * `matrix-doc build`, or this process) is left alone.
 */
export function removeStaleStaging(outDir: string): void {
  let names: string[];
  try {
    names = readdirSync(outDir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(STAGING_PREFIX)) continue;
    const owner = /^\.build-(\d+)-/.exec(name);
    const path = join(outDir, name);
    let stale: boolean;
    if (owner) stale = Number(owner[1]) !== process.pid && !processRuns(Number(owner[1]));
    else {
      try {
        stale = Date.now() - statSync(path).mtimeMs > UNOWNED_STAGING_MS;
      } catch {
        stale = false;
      }
    }
    if (stale) rmSync(path, { recursive: true, force: true });
  }
}

function processRuns(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM"; // exists, owned by someone else
  }
}

/** Writes one version and updates `latest/` and the versions page. Returns the versions present, newest first. */
export function writeOutput(outDir: string, output: VersionFiles, hooks: WriteHooks): string[] {
  mkdirSync(outDir, { recursive: true });
  removeStaleStaging(outDir);
  const staging = mkdtempSync(join(outDir, `${STAGING_PREFIX}${process.pid}-`));
  try {
    const newVersion = join(staging, output.version);
    mkdirSync(newVersion);
    const existing = join(outDir, output.version);
    if (output.merge && existsSync(existing) && statSync(existing).isDirectory()) cpSync(existing, newVersion, { recursive: true });
    writeFiles(newVersion, output.files);

    const others = listVersions(outDir).filter((v) => v !== output.version);
    const versions = [...others, output.version].sort(newestFirst);
    // latest/ is the newest release; `unstable` only when there is no release.
    const newest = versions.find((v) => v !== UNSTABLE) ?? versions[0];
    const latest = join(staging, LATEST_DIR);
    cpSync(newest === output.version ? newVersion : join(outDir, newest), latest, { recursive: true });
    const infos = versions.map((v) => readVersionInfo(v === output.version ? newVersion : join(outDir, v), v));
    writeFileSync(join(staging, VERSIONS_PAGE), hooks.versionsPage(versions, infos));
    writeFileSync(join(staging, VERSIONS_SCRIPT), versionsScript(infos, newest));

    // Everything is ready: move the pieces into place.
    hooks.beforeSwap?.(output.version);
    swapInto(newVersion, existing, join(staging, `old-${output.version}`));
    hooks.beforeSwap?.(LATEST_DIR);
    swapInto(latest, join(outDir, LATEST_DIR), join(staging, `old-${LATEST_DIR}`));
    hooks.beforeSwap?.(VERSIONS_PAGE);
    renameSync(join(staging, VERSIONS_PAGE), join(outDir, VERSIONS_PAGE));
    renameSync(join(staging, VERSIONS_SCRIPT), join(outDir, VERSIONS_SCRIPT));
    return versions;
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
