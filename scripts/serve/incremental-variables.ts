// The sections stage (templating/sections' catalog), rendering again only the
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
import type { Diagnostic } from "../diagnostics.ts";
import type { VariableValue } from "../build/variables.ts";
import type { SourceCache } from "../sources/source-cache.ts";
import type { SwaggerFile } from "../sources/swagger.ts";
import { type CatalogOptions, defineVariables, loadSources, type VariableDefinition } from "../../templating/sections/catalog.ts";
import { refClosure, type Snapshot, snapshot, unchanged } from "./dependencies.ts";

interface CachedVariable {
  signature: string;
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

/** The method and full path of every endpoint: what endpoint titles are made from. */
function endpointTitlesKey(swaggers: readonly SwaggerFile[]): string {
  return JSON.stringify(swaggers.map((s) => [s.file.path, String(s.document.basePath ?? ""), s.endpoints.map((e) => `${e.method} ${e.path}`)]));
}

export class IncrementalVariables {
  private readonly cached = new Map<string, CachedVariable>();

  /** Forgets every value (after a template changed, or files were added or removed). */
  clear(): void {
    this.cached.clear();
  }

  build(root: string, cache: SourceCache, texts: ReadonlyMap<string, string>, options: CatalogOptions): VariablesResult {
    const sources = loadSources(root, cache);
    const { definitions, diagnostics } = defineVariables(sources, options);
    const titlesKey = endpointTitlesKey(sources.swaggers);
    const bySource = new Map(definitions.map((d) => [d.name, d]));
    const variables = new Map<string, VariableValue>();
    const rendered: string[] = [];
    const out: Diagnostic[] = [];
    const names = new Set<string>();
    for (const d of definitions) {
      names.add(d.name);
      const signature = JSON.stringify([d.kind, d.description, d.source, d.renders, options.relative, d.kind === "http_api" ? titlesKey : ""]);
      const hit = this.cached.get(d.name);
      if (hit && hit.signature === signature && unchanged(hit.deps, texts)) {
        variables.set(d.name, hit.value);
        out.push(...hit.diagnostics);
        continue;
      }
      // A failed render reports into the catalog's diagnostics list (see `safely`); take what it adds.
      const before = diagnostics.length;
      const value = d.render();
      const own = diagnostics.splice(before);
      this.cached.set(d.name, { signature, deps: snapshot(this.dependencies(d, bySource, cache), texts), value, diagnostics: own });
      variables.set(d.name, value);
      rendered.push(d.name);
      out.push(...own);
    }
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
