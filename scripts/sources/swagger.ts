// The Swagger 2.0 files under `api/`: each one loaded with positions, its
// `$ref`s followed, and its endpoints with their JSON examples listed, so the
// checks can validate them and the build can render them.
import type { DataFile } from "./data-file.ts";
import { joinPointer } from "./pointer.ts";
import { dereference, trace } from "./refs.ts";
import type { SourceCache } from "./source-cache.ts";

export const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch"] as const;

/** A place in a file, as a JSON pointer. */
export interface SourceRef {
  file: DataFile;
  pointer: string;
}

/** A JSON example attached to a request body or a response. */
export interface ApiExample {
  kind: "request" | "response";
  /** e.g. `POST /login`. */
  endpoint: string;
  /** The HTTP status, for a response example. */
  status?: string;
  /** The example as written: normally a string holding JSON. */
  value: unknown;
  /** Where the example is written. */
  at: SourceRef;
  /** The schema it must satisfy, where it is written (possibly a `$ref` object). */
  schema?: SourceRef;
}

export interface Endpoint {
  method: string;
  path: string;
  /** Pointer to the operation in the Swagger file, e.g. `/paths/~1login/post`. */
  pointer: string;
  /** The operation with every `$ref` inlined. */
  operation: Record<string, unknown>;
  examples: ApiExample[];
}

export interface SwaggerFile {
  file: DataFile;
  /** The whole document with every `$ref` inlined (broken ones replaced by `{}`). */
  document: Record<string, unknown>;
  endpoints: Endpoint[];
}

/** Whether a loaded YAML file is a Swagger document (it says `swagger: ...` at the top). */
export function isSwaggerDocument(value: unknown): boolean {
  return isObject(value) && "swagger" in value;
}

/** The Swagger documents among the candidate files (see ../spec-layout.ts); the others are returned apart. */
export function loadSwaggerFiles(cache: SourceCache, candidates: readonly string[]): { swagger: SwaggerFile[]; other: string[] } {
  const swagger: SwaggerFile[] = [];
  const other: string[] = [];
  for (const rel of candidates) {
    const file = cache.load(rel);
    if (!file) continue;
    if (isSwaggerDocument(file.value)) swagger.push(readSwagger(cache, file));
    else other.push(rel);
  }
  return { swagger, other };
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

function readSwagger(cache: SourceCache, file: DataFile): SwaggerFile {
  const resolved = dereference(cache, file);
  const document = isObject(resolved) ? resolved : {};
  const endpoints: Endpoint[] = [];
  const paths = isObject(document.paths) ? document.paths : {};
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    const pathPointer = joinPointer("/paths", path);
    const shared = Array.isArray(item.parameters) ? item.parameters : [];
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!isObject(operation)) continue;
      const pointer = joinPointer(pathPointer, method);
      const endpoint = `${method.toUpperCase()} ${path}`;
      const examples: ApiExample[] = [];
      const where = (p: string): SourceRef => trace(cache, file, p);
      const params: [unknown, string][] = [
        ...shared.map((p, i): [unknown, string] => [p, joinPointer(pathPointer, "parameters", String(i))]),
        ...(Array.isArray(operation.parameters) ? operation.parameters : []).map(
          (p, i): [unknown, string] => [p, joinPointer(pointer, "parameters", String(i))],
        ),
      ];
      for (const [param, paramPointer] of params) {
        if (!isObject(param) || param.in !== "body" || !isObject(param.schema)) continue;
        const schema = param.schema;
        if (schema.example === undefined || schema.format === "byte") continue;
        examples.push({
          kind: "request",
          endpoint,
          value: schema.example,
          at: where(joinPointer(paramPointer, "schema", "example")),
          schema: where(joinPointer(paramPointer, "schema")),
        });
      }
      const responses = isObject(operation.responses) ? operation.responses : {};
      for (const [status, response] of Object.entries(responses)) {
        if (!isObject(response) || !isObject(response.examples)) continue;
        const example = response.examples["application/json"];
        if (example === undefined) continue;
        const responsePointer = joinPointer(pointer, "responses", status);
        examples.push({
          kind: "response",
          endpoint,
          status,
          value: example,
          at: where(joinPointer(responsePointer, "examples", "application/json")),
          schema: isObject(response.schema) ? where(joinPointer(responsePointer, "schema")) : undefined,
        });
      }
      endpoints.push({ method, path, pointer, operation, examples });
    }
  }
  return { file, document, endpoints };
}
