// What every check gets: the loaded sources (the load stage's one `Sources`
// model) and the shared schema registry. A check is a plain function
// `(ctx) => Diagnostic[]` listed in ./checks.ts.
import type { Sources } from "../sources/index.ts";
import { DEFAULT_CACHE_DIR, DRAFT04_META, SchemaRegistry } from "./schema-registry.ts";
import { addSwaggerSchema, SWAGGER2_SCHEMA } from "./swagger.ts";

export type { Check, CheckContext, KeptResults, UnitResult } from "./check.ts";
import type { CheckContext, KeptResults } from "./check.ts";

export interface ContextOptions {
  /** Folder for compiled validators kept between runs; undefined to compile afresh every time. */
  cacheDir?: string;
  /** Compile each validator when first needed rather than all of them ahead (in one go, kept in the cache folder). */
  lazySchemas?: boolean;
  kept?: KeptResults;
}

/** A registry with every schema the checks will validate against compiled in one go (from the on-disk cache when it can). */
export function prepareSchemas(sources: Sources, cacheDir: string | undefined): SchemaRegistry {
  const schemas = new SchemaRegistry(sources.cache, cacheDir);
  addSwaggerSchema(schemas);
  schemas.prepare([
    SWAGGER2_SCHEMA,
    DRAFT04_META,
    ...sources.swagger.flatMap((s) => s.endpoints.flatMap((e) => e.examples.flatMap((x) => (x.schema ? [schemas.keyOf(x.schema)] : [])))),
    ...sources.events.examples.flatMap((x) => (x.schema ? [schemas.keyOf({ file: x.schema.file, pointer: "" })] : [])),
  ]);
  return schemas;
}

export function createCheckContext(sources: Sources, options: ContextOptions = { cacheDir: DEFAULT_CACHE_DIR }): CheckContext {
  const schemas = options.lazySchemas ? new SchemaRegistry(sources.cache, options.cacheDir) : prepareSchemas(sources, options.cacheDir);
  if (options.lazySchemas) addSwaggerSchema(schemas);
  return { ...sources, schemas, counts: { examples: 0 }, kept: options.kept };
}

/** Number of source files the check read (or tried to read). */
export function fileCount(sources: Sources): number {
  return sources.cache.attemptedFiles() + sources.layout.changelogs.length + sources.layout.rstFiles.length;
}
