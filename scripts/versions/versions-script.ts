// `gen/versions.js`: the list of versions present, loaded by every page (as
// `../versions.js`) so that the version switcher of a page built long ago still
// lists the versions built after it. A script rather than JSON so that it also
// loads from file://.
import type { VersionInfo } from "./version-info.ts";

export const VERSIONS_SCRIPT = "versions.js";

export function versionsScript(infos: readonly VersionInfo[], latest: string | undefined): string {
  const data = { latest: latest ?? null, versions: infos.map((i) => ({ name: i.name, release: i.release, date: i.date, pages: i.pages })) };
  return `// Written by matrix-doc build: every version in this folder, newest first.\nwindow.matrixDocVersions = ${JSON.stringify(data, null, 1)};\n`;
}
