// The spec sources of one tree, loaded once: what `check` validates and what
// the build renders. One SourceCache is shared by every loader, so a file is
// read, parsed and reported on once; `diagnostics` holds every loading problem
// (syntax errors, refused or broken `$ref`s, cycles) plus the changelog's.
//
// The models are read-only: dereferenced values share objects between the
// places that reference the same schema.
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { loadChangelog, type Changelog } from "./changelog.ts";
import type { DataFile, ParseMemo } from "./data-file.ts";
import { listSchemaFiles, loadEventSchemas, type EventSchemaSet } from "./event-schemas.ts";
import { dereference, trace } from "./refs.ts";
import { SourceCache } from "./source-cache.ts";
import { loadSwaggerFiles, type SwaggerFile } from "./swagger.ts";

export interface Sources {
  cache: SourceCache;
  swagger: SwaggerFile[];
  events: EventSchemaSet;
  /** Files that hold a JSON schema on their own (event schemas, `api/**\/definitions/**`). */
  schemaFiles: DataFile[];
  changelog: Changelog;
  /** Every problem met while loading: the cache's and the changelog's. */
  diagnostics: Diagnostic[];
}

export function loadSources(root: string, options: { memo?: ParseMemo } = {}): Sources {
  const cache = new SourceCache(root, options.memo);
  const swagger = loadSwaggerFiles(cache);
  const events = loadEventSchemas(cache);
  const schemaFiles = loadSchemaFiles(cache);
  const changelog = loadChangelog(cache.root);
  return { cache, swagger, events, schemaFiles, changelog, diagnostics: [...cache.diagnostics, ...changelog.diagnostics] };
}

/** Load every schema file, following its `$ref`s (which reports cycles that nothing else reaches). */
export function loadSchemaFiles(cache: SourceCache): DataFile[] {
  const files: DataFile[] = [];
  for (const rel of listSchemaFiles(cache.root)) {
    const file = cache.load(rel);
    if (!file) continue;
    dereference(cache, file);
    files.push(file);
  }
  return files;
}

export type { Changelog, ChangelogEntry } from "./changelog.ts";
export { loadChangelog, newestEntry, parseChangelog } from "./changelog.ts";
export type { DataFile, Position } from "./data-file.ts";
export { ParseCache } from "./parse-cache.ts";
export type { EventExample, EventSchema, EventSchemaSet } from "./event-schemas.ts";
export { listSchemaFiles, loadEventSchemas } from "./event-schemas.ts";
export { dereference, trace };
export { SourceCache } from "./source-cache.ts";
export type { ApiExample, Endpoint, SwaggerFile } from "./swagger.ts";
export { loadSwaggerFiles } from "./swagger.ts";
