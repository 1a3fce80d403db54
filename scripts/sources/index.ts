// The load stage: the spec sources of one tree, loaded once into one `Sources`
// model that check, variables and the build all receive. One SourceCache is
// shared by every loader, so a file is read, parsed and reported on once;
// `diagnostics` holds every loading problem (syntax errors, refused or broken
// `$ref`s, cycles), the changelogs' and targets.yaml's.
//
// The models are read-only: dereferenced values share objects between the
// places that reference the same schema.
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { discoverLayout, mainChangelog, type SpecLayout } from "../spec-layout.ts";
import { type Changelog, loadChangelog } from "./changelog.ts";
import type { DataFile, ParseMemo } from "./data-file.ts";
import { type EventSchemaSet, loadEventSchemas } from "./event-schemas.ts";
import { dereference } from "./refs.ts";
import { SourceCache } from "./source-cache.ts";
import { loadSwaggerFiles, type SwaggerFile } from "./swagger.ts";
import { loadTargets, type TargetsConfig } from "./targets.ts";

export interface Sources {
  /** Real path of the spec tree's root. */
  root: string;
  layout: SpecLayout;
  cache: SourceCache;
  swagger: SwaggerFile[];
  /** YAML files under api/ that are not Swagger documents (listed by `check --list`). */
  otherApiFiles: string[];
  events: EventSchemaSet;
  /** Files that hold a JSON schema on their own (event schemas, `api/**\/definitions/**`). */
  schemaFiles: DataFile[];
  /** Every changelog file. */
  changelogs: Changelog[];
  /** The changelog whose newest entry is the build's version. */
  changelog: Changelog;
  /** specification/targets.yaml, when it could be read. */
  targets?: TargetsConfig;
  /** Problems of targets.yaml itself. */
  targetsDiagnostics: Diagnostic[];
}

export function loadSources(root: string, options: { memo?: ParseMemo } = {}): Sources {
  const cache = new SourceCache(root, options.memo);
  const layout = discoverLayout(cache.root);
  const { swagger, other } = loadSwaggerFiles(cache, layout.apiCandidates);
  const events = loadEventSchemas(cache, layout);
  const schemaFiles = loadSchemaFiles(cache, layout.schemaFiles);
  const changelogs = layout.changelogs.map((f) => loadChangelog(cache.root, f));
  const main = mainChangelog(layout);
  const changelog = changelogs.find((c) => c.file === main) ?? loadChangelog(cache.root, "CHANGELOG.rst");
  const targets = loadTargets(cache.root, options.memo);
  return { root: cache.root, layout, cache, swagger, otherApiFiles: other, events, schemaFiles, changelogs, changelog, targets: targets.config, targetsDiagnostics: targets.diagnostics };
}

/** Every problem met while loading: the cache's, the changelogs' and targets.yaml's. */
export function loadDiagnostics(sources: Sources): Diagnostic[] {
  const changelogs = sources.changelogs.includes(sources.changelog) ? sources.changelogs : [...sources.changelogs, sources.changelog];
  return [...sources.cache.diagnostics, ...changelogs.flatMap((c) => c.diagnostics), ...sources.targetsDiagnostics];
}

/** Load every schema file, following its `$ref`s (which reports cycles that nothing else reaches). */
function loadSchemaFiles(cache: SourceCache, paths: readonly string[]): DataFile[] {
  const files: DataFile[] = [];
  for (const rel of paths) {
    const file = cache.load(rel);
    if (!file) continue;
    dereference(cache, file);
    files.push(file);
  }
  return files;
}

export type { Changelog, ChangelogEntry } from "./changelog.ts";
export type { DataFile, Position } from "./data-file.ts";
export type { EventExample, EventSchema, EventSchemaSet } from "./event-schemas.ts";
export type { ApiExample, Endpoint, SwaggerFile } from "./swagger.ts";
