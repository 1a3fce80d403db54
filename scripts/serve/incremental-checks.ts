// The checks of `matrix-doc build`, run again only where the sources changed.
// The checks are split into units, each over one file: a Swagger file (its
// document and its examples), an event example, a schema file; plus the
// "schema without example" warnings and the changelog. A unit's diagnostics are
// kept with the text of every file it depends on (the file and what its `$ref`s
// reach) and reused while none of them changed. Any check this file does not know
// runs on the whole tree every time.
import { createHash } from "node:crypto";
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { apiExamples } from "../check/api-examples.ts";
import type { Check, CheckContext } from "../check/context.ts";
import { eventCoverage, eventExamples } from "../check/event-examples.ts";
import { operationIds } from "../check/operation-ids.ts";
import { DEFAULT_CACHE_DIR, DRAFT04_META, SchemaRegistry } from "../check/schema-registry.ts";
import { schemaFiles } from "../check/schema-files.ts";
import { addSwaggerSchema, SWAGGER2_SCHEMA, swaggerDocuments } from "../check/swagger.ts";
import { checkRstText, readRstFile, rstFiles, unbuiltRstFiles } from "../check/rst-files.ts";
import type { Sources } from "../sources/index.ts";
import { refClosure } from "../sources/ref-closure.ts";
import { type Snapshot, snapshot, unchanged } from "./dependencies.ts";

/** Checks split into units here; the others run on the whole tree every time. */
const SPLIT: readonly Check[] = [swaggerDocuments, operationIds, apiExamples, eventExamples, eventCoverage, schemaFiles, rstFiles];

interface Unit {
  key: string;
  deps: string[];
  run(ctx: CheckContext): Diagnostic[];
}

interface CachedUnit {
  deps: Snapshot;
  diagnostics: Diagnostic[];
}

export class IncrementalChecks {
  private readonly cached = new Map<string, CachedUnit>();
  /** Holds the validators that do not depend on the sources (Swagger 2.0, draft-04's meta-schema). */
  private persistent: SchemaRegistry | undefined;
  /** Units run by the last call (for tests and timings). */
  lastRun: string[] = [];

  constructor(
    private readonly allChecks: readonly Check[],
    private readonly cacheDir: string | undefined = DEFAULT_CACHE_DIR,
  ) {}

  /** Diagnostics of every check over `sources`; `texts` is the text of every loaded file by path. */
  run(sources: Sources, texts: ReadonlyMap<string, string>): Diagnostic[] {
    const ctx = this.context(sources);
    const units = this.units(ctx);
    const out: Diagnostic[] = [];
    this.lastRun = [];
    const keys = new Set<string>();
    for (const unit of units) {
      keys.add(unit.key);
      const hit = this.cached.get(unit.key);
      if (hit && unchanged(hit.deps, texts)) {
        out.push(...hit.diagnostics);
        continue;
      }
      const diagnostics = unit.run(ctx);
      this.lastRun.push(unit.key);
      this.cached.set(unit.key, { deps: snapshot(unit.deps, texts), diagnostics });
      out.push(...diagnostics);
    }
    for (const key of [...this.cached.keys()]) if (!keys.has(key)) this.cached.delete(key);
    for (const check of this.allChecks) {
      if (SPLIT.includes(check)) continue;
      out.push(...check(ctx));
    }
    return out;
  }

  /** Forgets every unit (e.g. after files were added or removed). */
  clear(): void {
    this.cached.clear();
  }

  private context(sources: Sources): CheckContext {
    const registry = new SchemaRegistry(sources.cache, this.persistent ? undefined : this.cacheDir);
    addSwaggerSchema(registry);
    let schemas = registry;
    if (!this.persistent) {
      // The first run compiles every validator at once (from the on-disk cache when it can), as `matrix-doc check` does.
      registry.prepare([
        SWAGGER2_SCHEMA,
        DRAFT04_META,
        ...sources.swagger.flatMap((s) => s.endpoints.flatMap((e) => e.examples.flatMap((x) => (x.schema ? [registry.keyOf(x.schema)] : [])))),
        ...sources.events.examples.flatMap((x) => (x.schema ? [registry.keyOf({ file: x.schema.file, pointer: "" })] : [])),
      ]);
      this.persistent = registry;
    } else {
      // Later runs compile only what the changed units use; the two fixed schemas come from the first run.
      const persistent = this.persistent;
      schemas = new Proxy(registry, {
        get(target, property, receiver) {
          if (property === "compile") {
            return (at: Parameters<SchemaRegistry["compile"]>[0]) =>
              at === SWAGGER2_SCHEMA || at === DRAFT04_META ? persistent.compile(at) : target.compile.call(receiver, at);
          }
          return Reflect.get(target, property, receiver);
        },
      });
    }
    return { ...sources, schemas, counts: { examples: 0 } };
  }

  private units(ctx: CheckContext): Unit[] {
    const units: Unit[] = [];
    const none = { ...ctx.events, schemas: [], examples: [], unloadedExamples: [] };
    const only = (part: Partial<CheckContext>): CheckContext => ({ ...ctx, swagger: [], events: none, schemaFiles: [], ...part });
    for (const s of ctx.swagger) {
      units.push({
        key: `swagger ${s.file.path}`,
        deps: [...refClosure(ctx.cache, [s.file.path])],
        run: (c) => {
          const one = only({ swagger: [s] });
          return [...swaggerDocuments({ ...one, schemas: c.schemas }), ...apiExamples({ ...one, schemas: c.schemas })];
        },
      });
    }
    for (const example of ctx.events.examples) {
      units.push({
        key: `event example ${example.file.path}`,
        deps: [...refClosure(ctx.cache, [example.file.path, ...(example.schema ? [example.schema.file.path] : [])])],
        run: () => eventExamples(only({ events: { ...none, examples: [example] } })),
      });
    }
    // Schemas without an example: the names alone decide, so this runs every time (it validates nothing).
    const names = [...ctx.events.examples.map((e) => e.name), ...ctx.events.unloadedExamples];
    units.push({
      key: `event names ${names.join(",")} ${ctx.events.schemas.map((s) => s.name).join(",")}`,
      deps: [],
      run: () => eventCoverage(only({ events: ctx.events })),
    });
    for (const file of ctx.schemaFiles) {
      units.push({ key: `schema file ${file.path}`, deps: [...refClosure(ctx.cache, [file.path])], run: () => schemaFiles(only({ schemaFiles: [file] })) });
    }
    // The RST that is not built: one unit per file, keyed by its text (RST files are not among the loaded data files).
    for (const path of unbuiltRstFiles(ctx)) {
      const text = readRstFile(ctx, path);
      const key = typeof text === "string" ? `rst ${path} ${ctx.targets?.allowRaw ?? false} ${createHash("sha256").update(text).digest("hex").slice(0, 16)}` : `rst ${path} unreadable`;
      units.push({ key, deps: [], run: () => (typeof text === "string" ? checkRstText(path, text, { allowRaw: ctx.targets?.allowRaw }) : [text]) });
    }
    // operationIds must be unique across the documents of an API: one unit over all of them.
    // Keyed by every operation's id and place, so that it runs again only when one of them moved or changed.
    const ids = ctx.swagger.flatMap((s) => s.endpoints.map((e) => [s.file.path, e.pointer, e.operation.operationId, s.file.locate(e.pointer).line]));
    units.push({ key: `operation ids ${JSON.stringify(ids)}`, deps: [], run: () => operationIds(only({ swagger: ctx.swagger })) });
    return units;
  }
}
