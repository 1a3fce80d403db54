// Validate a located example against a schema and turn each failure into a
// diagnostic at the failing value.
import { error, type Diagnostic } from "../diagnostics/diagnostic.ts";
import type { LocatedExample } from "./example-text.ts";
import type { SchemaAt, SchemaRegistry } from "./schema-registry.ts";
import { describeError, usefulErrors } from "./schema-messages.ts";

export function validateExample(
  registry: SchemaRegistry,
  schema: SchemaAt,
  example: LocatedExample,
  prefix = "",
): Diagnostic[] {
  const result = registry.validate(schema, example.value);
  if ("compileError" in result) {
    if (!registry.firstFailure(schema)) return [];
    return [
      error("schema-compile", `This schema cannot be compiled, so the examples that use it are not checked: ${result.compileError}.`, {
        ...schema.file.locate(schema.pointer),
        pointer: schema.pointer,
      }),
    ];
  }
  return usefulErrors(result.errors).map((e) => {
    const f = describeError(e, example.value, "example");
    const message = prefix ? prefix + f.message.replace(/^The /, "the ") : f.message;
    return error("example-invalid", message, { ...example.locate(f.pointer, f.atKey), pointer: f.pointer, keyword: f.keyword });
  });
}
