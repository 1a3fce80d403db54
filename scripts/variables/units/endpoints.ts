// The data model of one HTTP endpoint as the spec documents it: title, auth and
// rate limiting, request parameters grouped by where they go, the tables of the
// 200 response, an example request built from `x-example`s and the body
// example, every documented response, and the aliases (`x-alias`).
import type { Origin } from "../../diagnostics/line-map.ts";
import { joinPointer } from "../../sources/pointer.ts";
import type { Endpoint, SwaggerFile } from "../../sources/swagger.ts";
import type { SourceCache } from "../../sources/source-cache.ts";
import { locatorFor, type Locator, textLineOrigins } from "./origin.ts";
import { type Field, type FieldTable, fieldTables, isSchema, type Schema, typeName } from "./schema-fields.ts";

export type ParameterLocation = "path" | "query" | "header" | "body";

export const LOCATION_ORDER: readonly ParameterLocation[] = ["path", "query", "header", "body"];

export interface ParameterTable {
  location: ParameterLocation;
  fields: Field[];
}

export interface ResponseUnit {
  status: string;
  description: string;
  descriptionOrigins?: Origin[];
  /** The JSON example as written. */
  example?: string;
  origin: Origin;
  exampleOrigin?: Origin;
  /** The origin of each line of the example, when it maps line by line to its source. */
  exampleOrigins?: Origin[];
}

export interface AliasUnit {
  method: string;
  /** Full path, base path included. */
  path: string;
  origin: Origin;
}

export interface EndpointUnit {
  /** Upper case, e.g. `POST`. */
  method: string;
  /** Full path, base path included, e.g. `/_matrix/client/api/v1/rooms/{roomId}/join`. */
  path: string;
  /** The key under `paths` (which may carry a disambiguating trailing space). */
  pathKey: string;
  summary: string;
  description: string;
  descriptionOrigins?: Origin[];
  origin: Origin;
  rateLimited: boolean;
  requiresAuth: boolean;
  parameters: ParameterTable[];
  /** Tables of titled objects found in the JSON body. */
  bodyTables: FieldTable[];
  /** Tables of the 200 response. */
  responseTables: FieldTable[];
  /** The 200 response's type when it is not an object with fields (e.g. `[Event]`, `file`). */
  responseType?: string;
  exampleRequest?: { text: string; origin: Origin; origins: Origin[] };
  responses: ResponseUnit[];
  aliases: AliasUnit[];
  /** `x-alias.canonical-link`: the anchor the aliases claim the canonical section has. */
  canonicalLink?: { value: string; origin: Origin };
}

const str = (v: unknown): string => (typeof v === "string" ? v : "");

function exampleText(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === "string") return value;
  return JSON.stringify(value, null, 2);
}

function parameterField(param: Schema, pointer: string, locate: Locator): Field {
  return {
    key: str(param.name),
    type: typeName(param),
    description: str(param.description),
    required: param.required === true,
    enumValues: Array.isArray(param.enum) ? param.enum : undefined,
    origin: locate(pointer),
    descriptionOrigins: typeof param.description === "string" ? locate.lines(joinPointer(pointer, "description")) : undefined,
  };
}

export function endpointUnit(cache: SourceCache, swagger: SwaggerFile, endpoint: Endpoint): EndpointUnit {
  const locate = locatorFor(cache, swagger.file);
  const doc = swagger.document;
  const basePath = str(doc.basePath).replace(/\/$/, "");
  const op = endpoint.operation;
  const pathKey = endpoint.path;
  const path = basePath + pathKey.trim();
  const pathPointer = joinPointer("/paths", pathKey);
  const pathItem = isSchema(doc.paths) && isSchema((doc.paths as Schema)[pathKey]) ? ((doc.paths as Schema)[pathKey] as Schema) : {};

  const params: { param: Schema; pointer: string }[] = [];
  const collect = (list: unknown, base: string) => {
    if (Array.isArray(list)) list.forEach((p, i) => isSchema(p) && params.push({ param: p, pointer: joinPointer(base, "parameters", i) }));
  };
  collect(pathItem.parameters, pathPointer);
  collect(op.parameters, endpoint.pointer);

  const parameters: ParameterTable[] = [];
  const bodyTables: FieldTable[] = [];
  const table = (location: ParameterLocation) => {
    let t = parameters.find((p) => p.location === location);
    if (!t) parameters.push((t = { location, fields: [] }));
    return t;
  };
  let bodyExample: string | undefined;
  let bodyOrigins: Origin[] | undefined;
  for (const { param, pointer } of params) {
    const location = param.in;
    if (location === "path" || location === "query" || location === "header") {
      table(location).fields.push(parameterField(param, pointer, locate));
    } else if (location === "body") {
      const schema = isSchema(param.schema) ? param.schema : {};
      const schemaPointer = joinPointer(pointer, "schema");
      bodyExample = exampleText(schema.example);
      if (typeof schema.example === "string") bodyOrigins = textLineOrigins(cache, swagger.file, joinPointer(schemaPointer, "example"));
      const tables = schema.format === "byte" ? [] : fieldTables(schema, schemaPointer, locate);
      if (tables.length && !tables[0].title) {
        table("body").fields.push(...tables[0].fields);
        bodyTables.push(...tables.slice(1));
      } else {
        table("body").fields.push({ ...parameterField(param, pointer, locate), type: typeName(schema), description: str(param.description) || str(schema.description) });
        bodyTables.push(...tables);
      }
    }
  }
  parameters.sort((a, b) => LOCATION_ORDER.indexOf(a.location) - LOCATION_ORDER.indexOf(b.location));

  const responsesValue = isSchema(op.responses) ? op.responses : {};
  const responses: ResponseUnit[] = [];
  let responseTables: FieldTable[] = [];
  let responseType: string | undefined;
  for (const [status, response] of Object.entries(responsesValue)) {
    if (!isSchema(response)) continue;
    const rp = joinPointer(endpoint.pointer, "responses", status);
    const examples = isSchema(response.examples) ? response.examples : {};
    const example = exampleText(examples["application/json"]);
    responses.push({
      status,
      description: str(response.description),
      descriptionOrigins: typeof response.description === "string" ? locate.lines(joinPointer(rp, "description")) : undefined,
      example,
      origin: locate(rp),
      exampleOrigin: example !== undefined ? locate(joinPointer(rp, "examples", "application/json")) : undefined,
      exampleOrigins: typeof examples["application/json"] === "string" ? textLineOrigins(cache, swagger.file, joinPointer(rp, "examples", "application/json")) : undefined,
    });
    if (status === "200" && isSchema(response.schema)) {
      const schema = response.schema;
      responseTables = fieldTables(schema, joinPointer(rp, "schema"), locate);
      const type = typeName(schema);
      if (type !== "object") responseType = type;
    }
  }

  const alias = isSchema(op["x-alias"]) ? op["x-alias"] : undefined;
  const aliasPointer = joinPointer(endpoint.pointer, "x-alias");
  const aliases: AliasUnit[] = [];
  if (alias && Array.isArray(alias.aliases)) {
    alias.aliases.forEach((a, i) => {
      if (typeof a === "string" && a.trim()) aliases.push({ method: endpoint.method.toUpperCase(), path: basePath + a.trim(), origin: locate(joinPointer(aliasPointer, "aliases", i)) });
    });
  }
  const link = alias ? str(alias["canonical-link"]) : "";

  const unit: EndpointUnit = {
    method: endpoint.method.toUpperCase(),
    path,
    pathKey,
    summary: str(op.summary),
    description: str(op.description) || str(op.summary),
    descriptionOrigins: locate.lines(joinPointer(endpoint.pointer, typeof op.description === "string" && op.description ? "description" : "summary")),
    origin: locate(endpoint.pointer),
    rateLimited: Object.prototype.hasOwnProperty.call(responsesValue, "429"),
    requiresAuth: Array.isArray(op.security) ? op.security.length > 0 : op.security !== undefined && op.security !== null,
    parameters,
    bodyTables,
    responseTables,
    responseType,
    responses,
    aliases,
    canonicalLink: link ? { value: link, origin: locate(joinPointer(aliasPointer, "canonical-link")) } : undefined,
  };
  unit.exampleRequest = exampleRequest(unit, params, bodyExample, bodyOrigins, locate(endpoint.pointer));
  return unit;
}

/** `METHOD path?query HTTP/1.1`, the headers, and the body example, from the `x-example`s. */
function exampleRequest(
  unit: EndpointUnit,
  params: { param: Schema; pointer: string }[],
  body: string | undefined,
  bodyOrigins: Origin[] | undefined,
  origin: Origin,
): { text: string; origin: Origin; origins: Origin[] } {
  let path = unit.path;
  const query: string[] = [];
  const headers: string[] = [];
  for (const { param } of params) {
    const example = param["x-example"];
    if (example === undefined || example === null) continue;
    const value = String(example);
    const name = str(param.name);
    if (param.in === "path") path = path.split(`{${name}}`).join(encodeURIComponent(value));
    else if (param.in === "query") query.push(`${encodeURIComponent(name)}=${encodeURIComponent(value)}`);
    else if (param.in === "header") headers.push(value.toLowerCase().startsWith(name.toLowerCase() + ":") ? value : `${name}: ${value}`);
  }
  const lines = [`${unit.method} ${path}${query.length ? "?" + query.join("&") : ""} HTTP/1.1`, ...headers];
  if (body !== undefined) {
    if (!headers.some((h) => /^content-type:/i.test(h))) lines.push("Content-Type: application/json");
    lines.push("");
  }
  const origins: Origin[] = lines.map(() => origin);
  if (body !== undefined) {
    body.split("\n").forEach((line, i) => {
      lines.push(line);
      origins.push(bodyOrigins?.[i] ?? origin);
    });
  }
  return { text: lines.join("\n"), origin, origins };
}
