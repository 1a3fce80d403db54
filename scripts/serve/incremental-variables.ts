// The variables stage (../variables/catalog.ts), rendering again only the
// variables whose sources changed. Every definition is made anew from the
// reloaded sources (cheap: it renders nothing), and a definition's value is
// reused while
//   - the text of every file it depends on is unchanged (its source file and what
//     that file's `$ref`s reach; for a group of events, those of every event it
//     renders; the changelog for the version variables),
//   - what it renders is the same (a group's list of events, its description),
//   - for an HTTP API, the titles of all endpoints are the same (a title can get a
//     number when another file has the same method and path),
//   - and the templates were not edited.
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import type { VariableValue } from "../assemble/substitute.ts";
import type { SourceCache } from "../sources/source-cache.ts";
import type { SwaggerFile } from "../sources/swagger.ts";
import { findTitles } from "../assemble/titles.ts";
import { apiCount, apiVariable, type CatalogOptions, defineVariables, type VariableDefinition } from "../variables/catalog.ts";
import type { Sources } from "../sources/index.ts";
import { refClosure } from "../sources/ref-closure.ts";
import { type Snapshot, snapshot, unchanged } from "./dependencies.ts";

interface CachedVariable {
  signature: string;
  /** The relative title characters and the endpoint titles it was made with. */
  context: string;
  deps: Snapshot;
  value: VariableValue;
  diagnostics: Diagnostic[];
}

export interface VariablesResult {
  variables: Map<string, VariableValue>;
  diagnostics: Diagnostic[];
  /** Names rendered by this call (the others were reused). */
  rendered: string[];
}

/** The titles of a rendered value, with their underline characters. */
function titlesOf(value: VariableValue): string {
  const lines = value.text.split("\n");
  return JSON.stringify(findTitles(lines).map((t) => [lines[t.underline - 1], t.char]));
}

/** The method and full path of every endpoint: what endpoint titles are made from. */
function endpointTitlesKey(swaggers: readonly SwaggerFile[]): string {
  return JSON.stringify(swaggers.map((s) => [s.file.path, String(s.document.basePath ?? ""), s.endpoints.map((e) => `${e.method} ${e.path}`)]));
}

export class IncrementalVariables {
  private readonly cached = new Map<string, CachedVariable>();
  /** Whether the catalog must be made from every Swagger file next time (see `build`). */
  private needFull = true;

  /** Forgets every value (after a template changed, or files were added or removed). */
  clear(): void {
    this.cached.clear();
    this.needFull = true;
  }

  /**
   * Every variable, rendering again only those whose sources changed. Making the
   * endpoint units of every Swagger file is most of the catalog's time, so when
   * the other Swagger files' variables are all still good, the catalog is made
   * from the changed Swagger files alone (the others' variables come from the
   * cache). That gives the same values when the endpoint titles are those of the
   * last full catalog (checked: an endpoint's title can depend on the others'),
   * and the same diagnostics when the last full catalog had no canonical-link
   * warnings (those of the other files cannot have changed).
   */
  build(root: string, loaded: Sources, texts: ReadonlyMap<string, string>, options: CatalogOptions): VariablesResult {
    const apis = apiCount(loaded);
    const httpApiVariable = (path: string) => apiVariable(path, apis);
    const titlesKey = endpointTitlesKey(loaded.swagger);
    const context = JSON.stringify([options.relative, titlesKey]);
    if (!this.needFull) {
      const stale = loaded.swagger.filter((s) => {
        const name = httpApiVariable(s.file.path);
        const hit = name === undefined ? undefined : this.cached.get(name);
        return name !== undefined && !(hit && hit.context === context && unchanged(hit.deps, texts));
      });
      const result = this.run(loaded, stale, texts, options, titlesKey, context, httpApiVariable);
      if (result) return result;
    }
    return this.run(loaded, undefined, texts, options, titlesKey, context, httpApiVariable)!;
  }

  /** One catalog: of every Swagger file (`only` undefined), or of `only`; undefined when `only` cannot give the full catalog's result. */
  private run(
    loaded: Sources,
    only: SwaggerFile[] | undefined,
    texts: ReadonlyMap<string, string>,
    options: CatalogOptions,
    titlesKey: string,
    context: string,
    httpApiVariable: (path: string) => string | undefined,
  ): VariablesResult | undefined {
    const cache = loaded.cache;
    const { definitions, diagnostics } = defineVariables(only ? { ...loaded, swagger: only } : loaded, options);
    const loadedApis = new Set(loaded.swagger.map((s) => httpApiVariable(s.file.path)));
    const remade = new Set((only ?? loaded.swagger).map((s) => httpApiVariable(s.file.path)));
    const bySource = new Map(definitions.map((d) => [d.name, d]));
    const variables = new Map<string, VariableValue>();
    const updates = new Map<string, CachedVariable>();
    const rendered: string[] = [];
    const out: Diagnostic[] = [];
    for (const d of definitions) {
      const hit = this.cached.get(d.name);
      // A Swagger file left out of this catalog: its value is the cached one (checked by the caller).
      if (only && d.kind === "http_api" && loadedApis.has(d.name) && !remade.has(d.name)) {
        if (!hit) return undefined;
        variables.set(d.name, hit.value);
        out.push(...hit.diagnostics);
        continue;
      }
      const signature = JSON.stringify([d.kind, d.description, d.source, d.renders, options.relative, d.kind === "http_api" ? titlesKey : ""]);
      if (hit && hit.signature === signature && unchanged(hit.deps, texts)) {
        variables.set(d.name, hit.value);
        out.push(...hit.diagnostics);
        continue;
      }
      // A failed render reports into the catalog's diagnostics list (see `safely`); take what it adds.
      const before = diagnostics.length;
      const value = d.render();
      const own = diagnostics.splice(before);
      if (only && d.kind === "http_api" && (!hit || titlesOf(hit.value) !== titlesOf(value))) return undefined;
      updates.set(d.name, { signature, context, deps: snapshot(this.dependencies(d, bySource, cache), texts), value, diagnostics: own });
      variables.set(d.name, value);
      rendered.push(d.name);
      out.push(...own);
    }
    const canonical = diagnostics.some((d) => d.code === "alias-canonical-link");
    this.needFull = canonical;
    for (const [name, entry] of updates) this.cached.set(name, entry);
    const names = new Set(definitions.map((d) => d.name));
    for (const name of [...this.cached.keys()]) if (!names.has(name)) this.cached.delete(name);
    return { variables, diagnostics: [...diagnostics, ...out], rendered };
  }

  private dependencies(d: VariableDefinition, all: Map<string, VariableDefinition>, cache: SourceCache): Set<string> {
    if (d.kind === "version") return new Set(d.source ? [d.source] : []);
    const sources = [d.source, ...(d.renders ?? []).map((name) => all.get(name)?.source)].filter((s): s is string => s !== undefined);
    const deps = refClosure(cache, sources);
    // Event variables also show the example of the same name.
    for (const s of [...deps]) {
      const example = s.replace("event-schemas/schema/", "event-schemas/examples/");
      if (example !== s) deps.add(example);
    }
    return deps;
  }
}
