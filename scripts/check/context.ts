// What every check gets: the spec tree loaded once (files, `$ref`s, models) and
// the shared schema registry. A check is a plain function `(ctx) => Diagnostic[]`
// listed in ./checks.ts.
import { existsSync, realpathSync } from "node:fs";
import { join } from "node:path";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { CHANGELOG_FILE, type Changelog } from "../sources/changelog.ts";
import type { DataFile } from "../sources/data-file.ts";
import type { EventSchemaSet } from "../sources/event-schemas.ts";
import { loadSources } from "../sources/index.ts";
import { ParseCache } from "../sources/parse-cache.ts";
import type { SourceCache } from "../sources/source-cache.ts";
import type { SwaggerFile } from "../sources/swagger.ts";
import { DEFAULT_CACHE_DIR, DRAFT04_META, SchemaRegistry } from "./schema-registry.ts";
import { addSwaggerSchema, SWAGGER2_SCHEMA } from "./swagger.ts";

export interface CheckContext {
  /** Real path of the spec tree's root. */
  root: string;
  cache: SourceCache;
  swagger: SwaggerFile[];
  events: EventSchemaSet;
  /** Files that hold a JSON schema on their own (event schemas, `api/**\/definitions/**`). */
  schemaFiles: DataFile[];
  changelog: Changelog;
  schemas: SchemaRegistry;
  /** Checks count the examples they validate here. */
  counts: { examples: number };
}

export type Check = (ctx: CheckContext) => Diagnostic[];

export interface ContextOptions {
  /** Folder for parsed YAML and compiled validators kept between runs; undefined to redo both every time. */
  cacheDir?: string;
}

export function createCheckContext(root: string, options: ContextOptions = { cacheDir: DEFAULT_CACHE_DIR }): CheckContext {
  const parseCache = options.cacheDir ? new ParseCache(options.cacheDir, realpathSync(root)) : undefined;
  // The changelog's own diagnostics come from the changelog check, the cache's from the runner.
  const { cache, swagger, events, schemaFiles, changelog } = loadSources(root, { memo: parseCache });
  parseCache?.save();
  const schemas = new SchemaRegistry(cache, options.cacheDir);
  addSwaggerSchema(schemas);
  // Every schema the checks will validate against, compiled in one go.
  schemas.prepare([
    SWAGGER2_SCHEMA,
    DRAFT04_META,
    ...swagger.flatMap((s) => s.endpoints.flatMap((e) => e.examples.flatMap((x) => (x.schema ? [schemas.keyOf(x.schema)] : [])))),
    ...events.examples.flatMap((x) => (x.schema ? [schemas.keyOf({ file: x.schema.file, pointer: "" })] : [])),
  ]);
  return { root: cache.root, cache, swagger, events, schemaFiles, changelog, schemas, counts: { examples: 0 } };
}

/** Number of source files the check read (or tried to read). */
export function fileCount(ctx: CheckContext): number {
  return ctx.cache.attemptedFiles() + (existsSync(join(ctx.root, CHANGELOG_FILE)) ? 1 : 0);
}
