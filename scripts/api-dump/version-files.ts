// What the build and the live preview add to a version folder besides the
// pages and the theme: the merged API descriptions (`api/`) and `version.json`.
import type { ApiSources } from "./index.ts";
import { apiDump, apiDumpFiles } from "./index.ts";
import type { KeptResults } from "../check/check.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { VERSION_INFO_FILE, versionInfoText, type VersionInfo } from "../versions/version-info.ts";

export interface VersionExtras {
  files: Map<string, string>;
  diagnostics: Diagnostic[];
}

function withInfo(files: Map<string, string>, info: VersionInfo): Map<string, string> {
  files.set(VERSION_INFO_FILE, versionInfoText(info));
  return files;
}

/** The extra files, the merged documents validated (the build). */
export async function versionExtras(sources: ApiSources, info: VersionInfo, kept?: KeptResults): Promise<VersionExtras> {
  const dump = await apiDump(sources, info.release, kept);
  return { files: withInfo(dump.files, info), diagnostics: dump.diagnostics };
}

/** The extra files without validation (the preview, whose checks validate each Swagger file). */
export function versionExtrasUnchecked(sources: ApiSources, info: VersionInfo): VersionExtras {
  const dump = apiDumpFiles(sources, info.release);
  return { files: withInfo(dump.files, info), diagnostics: dump.diagnostics };
}
