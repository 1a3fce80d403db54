// The files the build writes under `gen/<version>/api/`: one merged Swagger 2.0
// document per API group (`<group>.json`) and every event schema
// (`event-schemas.json`), with the diagnostics of merging and validating them.
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { CheckContext } from "../check/context.ts";
import { eventDump, EVENTS_FILE } from "./event-dump.ts";
import { mergeGroups } from "./merge-group.ts";
import { validateMerged } from "./validate.ts";

export const API_DIR = "api";
export { EVENTS_FILE } from "./event-dump.ts";

export interface ApiDump {
  /** File name under the version folder (`api/client-server.json`) → JSON text. */
  files: Map<string, string>;
  /** The groups written, e.g. `client-server`. */
  groups: string[];
  diagnostics: Diagnostic[];
}

export async function apiDump(ctx: Pick<CheckContext, "cache" | "swagger" | "events">, version: string): Promise<ApiDump> {
  const { groups, diagnostics } = mergeGroups(ctx.cache, ctx.swagger, version);
  const files = new Map<string, string>();
  for (const g of groups) {
    diagnostics.push(...(await validateMerged(g)));
    files.set(`${API_DIR}/${g.group}.json`, JSON.stringify(g.document, null, 2) + "\n");
  }
  files.set(`${API_DIR}/${EVENTS_FILE}`, JSON.stringify(eventDump(ctx.events, version), null, 2) + "\n");
  return { files, groups: groups.map((g) => g.group), diagnostics };
}
