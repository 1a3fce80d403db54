// The files the build writes under `gen/<version>/api/`: one merged Swagger 2.0
// document per API group (`<group>.json`) and every event schema
// (`event-schemas.json`), with the diagnostics of merging and validating them.
import type { KeptResults } from "../check/check.ts";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { EventSchemaSet } from "../sources/event-schemas.ts";
import type { SourceCache } from "../sources/source-cache.ts";
import type { SwaggerFile } from "../sources/swagger.ts";
import { eventDump, EVENTS_FILE } from "./event-dump.ts";
import { mergeGroups, type MergedGroup } from "./merge-group.ts";
import { validateMerged } from "./validate.ts";

export { EVENTS_FILE } from "./event-dump.ts";
export { API_DIR, apiGroups, apiLinks } from "./links.ts";
import { API_DIR } from "./links.ts";

export interface ApiSources {
  cache: SourceCache;
  swagger: readonly SwaggerFile[];
  events: EventSchemaSet;
}

export interface ApiDump {
  /** File name under the version folder (`api/client-server.json`) → JSON text. */
  files: Map<string, string>;
  /** The groups written, e.g. `client-server`. */
  groups: string[];
  diagnostics: Diagnostic[];
}

function dumpFiles(sources: ApiSources, version: string, merged: MergedGroup[]): Map<string, string> {
  const files = new Map<string, string>();
  for (const g of merged) files.set(`${API_DIR}/${g.group}.json`, JSON.stringify(g.document, null, 2) + "\n");
  files.set(`${API_DIR}/${EVENTS_FILE}`, JSON.stringify(eventDump(sources.events, version), null, 2) + "\n");
  return files;
}

/** The files without validating them (the live preview, which validates every Swagger file on its own). */
export function apiDumpFiles(sources: ApiSources, version: string): ApiDump {
  const { groups, diagnostics } = mergeGroups(sources.cache, sources.swagger, version);
  return { files: dumpFiles(sources, version, groups), groups: groups.map((g) => g.group), diagnostics };
}

/**
 * The files, each merged document validated as Swagger 2.0; a document's
 * result is kept in `kept` (between runs of `build`) under its text.
 */
export async function apiDump(sources: ApiSources, version: string, kept?: KeptResults): Promise<ApiDump> {
  const { groups, diagnostics } = mergeGroups(sources.cache, sources.swagger, version);
  for (const g of groups) {
    const validate = () => validateMerged(g);
    const key = JSON.stringify(["merged api", g.group, g.document]);
    diagnostics.push(...(kept ? kept.unit(key, () => ({ diagnostics: validate(), examples: 0, keep: true })).diagnostics : validate()));
  }
  return { files: dumpFiles(sources, version, groups), groups: groups.map((g) => g.group), diagnostics };
}
