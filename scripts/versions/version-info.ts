// What the build records about each version folder of the output
// (`gen/<name>/version.json`): its name, the release it is or follows, the date
// of that release's changelog entry, the git revision, and its pages. The
// versions page and the version switcher are made from these records.
import { readFileSync } from "node:fs";
import { join } from "node:path";

export const VERSION_INFO_FILE = "version.json";
/** The folder of a build of the working tree that is ahead of the newest release. */
export const UNSTABLE = "unstable";

export interface VersionInfo {
  /** The folder name: `v0.2.0`, or `unstable`. */
  name: string;
  /** The newest changelog entry of the tree built, e.g. `v0.2.0`. */
  release: string;
  /** That entry's date, `YYYY-MM-DD`. */
  date: string;
  /** Short git commit, or `unknown`. */
  rev: string;
  /** The HTML pages of the folder, e.g. `index.html`, `howtos.html`. */
  pages: string[];
}

export function readVersionInfo(dir: string, name: string): VersionInfo {
  try {
    const info = JSON.parse(readFileSync(join(dir, VERSION_INFO_FILE), "utf8")) as Partial<VersionInfo>;
    return { name, release: info.release ?? name, date: info.date ?? "", rev: info.rev ?? "unknown", pages: Array.isArray(info.pages) ? info.pages : ["index.html"] };
  } catch {
    // A folder written before version.json existed: what its name says.
    return { name, release: name, date: "", rev: "unknown", pages: ["index.html"] };
  }
}

export function versionInfoText(info: VersionInfo): string {
  return JSON.stringify(info, null, 2) + "\n";
}
