// One Swagger 2.0 document per API group (the first folder under `api/`, e.g.
// `client-server`): the paths of every file of the group joined, each prefixed
// with its file's `basePath`, so the document's own basePath is `/`. The
// loader has already inlined every `$ref`, so the result stands alone.
import { error, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { joinPointer } from "../sources/pointer.ts";
import { HTTP_METHODS, type SwaggerFile } from "../sources/swagger.ts";
import { trace } from "../sources/refs.ts";
import type { SourceCache } from "../sources/source-cache.ts";

export type SwaggerDocument = Record<string, unknown> & { paths: Record<string, Record<string, unknown>> };

export interface MergedGroup {
  /** e.g. `client-server`. */
  group: string;
  /** Files merged, relative to the root. */
  files: string[];
  document: SwaggerDocument;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/** The group of a Swagger file: the folder under an `api/` folder it sits in (`api/client-server/v1/rooms.yaml` → `client-server`); else the folder holding it. */
export function groupOf(path: string): string {
  const parts = path.split("/");
  const at = parts.lastIndexOf("api");
  if (at !== -1 && parts.length > at + 2) return parts[at + 1];
  return parts.length > 1 ? parts[parts.length - 2] : "api";
}

function title(group: string): string {
  const words = group.split(/[-_]/).map((w) => w.charAt(0).toUpperCase() + w.slice(1));
  return `Matrix ${words.join("-")} API`;
}

export function mergeGroups(cache: SourceCache, swagger: readonly SwaggerFile[], version: string): { groups: MergedGroup[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const byGroup = new Map<string, SwaggerFile[]>();
  for (const s of [...swagger].sort((a, b) => a.file.path.localeCompare(b.file.path))) {
    const g = groupOf(s.file.path);
    byGroup.set(g, [...(byGroup.get(g) ?? []), s]);
  }
  const groups: MergedGroup[] = [];
  for (const [group, files] of [...byGroup].sort(([a], [b]) => a.localeCompare(b))) {
    const document: SwaggerDocument = {
      swagger: "2.0",
      info: { title: title(group), version: version.replace(/^v/, "") },
      basePath: "/",
      paths: {},
    };
    const securityDefinitions: Record<string, unknown> = {};
    const lists: Record<"schemes" | "consumes" | "produces", Set<string>> = { schemes: new Set(), consumes: new Set(), produces: new Set() };
    const seenIds = new Map<string, string>();
    for (const s of files) {
      const doc = s.document;
      if (typeof doc.host === "string" && document.host === undefined) document.host = doc.host;
      for (const key of ["schemes", "consumes", "produces"] as const) {
        if (Array.isArray(doc[key])) for (const v of doc[key] as unknown[]) if (typeof v === "string") lists[key].add(v);
      }
      if (isObject(doc.securityDefinitions)) Object.assign(securityDefinitions, doc.securityDefinitions);
      const base = typeof doc.basePath === "string" ? doc.basePath.replace(/\/$/, "") : "";
      for (const [path, item] of Object.entries(isObject(doc.paths) ? doc.paths : {})) {
        if (!isObject(item)) continue;
        const full = base + path;
        const target = (document.paths[full] ??= {});
        for (const [key, value] of Object.entries(item)) {
          const isMethod = (HTTP_METHODS as readonly string[]).includes(key);
          const at = () => {
            const place = trace(cache, s.file, joinPointer("/paths", path, key));
            return { ...place.file.locate(place.pointer, { key: true }), pointer: place.pointer };
          };
          if (key in target) {
            diagnostics.push(error("api-merge-duplicate", `${isMethod ? key.toUpperCase() + " " + full : `"${key}" of ${full}`} is described twice in the API group ${group}; the merged description keeps the first.`, at()));
            continue;
          }
          if (isMethod && isObject(value) && typeof value.operationId === "string") {
            const other = seenIds.get(value.operationId);
            if (other) {
              diagnostics.push(error("api-merge-operation-id", `The operationId "${value.operationId}" of ${key.toUpperCase()} ${full} is also used by ${other} in the API group ${group}.`, at()));
              continue;
            }
            seenIds.set(value.operationId, `${key.toUpperCase()} ${full}`);
          }
          target[key] = value;
        }
      }
    }
    for (const key of ["schemes", "consumes", "produces"] as const) if (lists[key].size) document[key] = [...lists[key]];
    if (Object.keys(securityDefinitions).length) document.securityDefinitions = securityDefinitions;
    groups.push({ group, files: files.map((f) => f.file.path), document: JSON.parse(JSON.stringify(document)) as SwaggerDocument });
  }
  return { groups, diagnostics };
}

/** JSON pointers of every `$ref` left in a value (there should be none). */
export function remainingRefs(value: unknown, pointer = ""): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => remainingRefs(v, `${pointer}/${i}`));
  if (!isObject(value)) return [];
  return Object.entries(value).flatMap(([k, v]) => (k === "$ref" ? [pointer + "/$ref"] : remainingRefs(v, joinPointer(pointer, k))));
}
