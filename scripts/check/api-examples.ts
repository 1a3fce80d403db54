// Check 2: each body parameter's `schema.example` and each response's
// `examples["application/json"]` parses as JSON and validates against its schema.
import type { Diagnostic } from "../diagnostics/diagnostic.ts";
import { trace } from "../sources/refs.ts";
import type { ApiExample } from "../sources/swagger.ts";
import type { Check, CheckContext } from "./check.ts";
import { exampleFromString, isDiagnostic, type LocatedExample } from "./example-text.ts";
import { keptUnit } from "./kept-units.ts";
import { validateExample } from "./validate-example.ts";

export const apiExamples: Check = (ctx) => {
  const out: Diagnostic[] = [];
  for (const swagger of ctx.swagger) {
    const examples = () => swagger.endpoints.flatMap((endpoint) => endpoint.examples.flatMap((example) => checkApiExample(ctx, example)));
    out.push(...keptUnit(ctx, "api examples", [swagger.file.path], examples));
  }
  return out;
};

function checkApiExample(ctx: CheckContext, example: ApiExample): Diagnostic[] {
  ctx.counts.examples++;
  const label = example.kind === "request" ? `The request example of ${example.endpoint}` : `The ${example.status} response example of ${example.endpoint}`;
  const { file, pointer } = example.at;
  let located: LocatedExample;
  if (typeof example.value === "string") {
    const parsed = exampleFromString(file, pointer, example.value, label);
    if (isDiagnostic(parsed)) return [parsed];
    located = parsed;
  } else {
    // An example written as a YAML value rather than a JSON string.
    located = {
      value: example.value,
      locate: (p, key) => {
        const at = trace(ctx.cache, file, pointer + p);
        return at.file.locate(at.pointer, { key });
      },
    };
  }
  if (!example.schema) return [];
  return validateExample(ctx.schemas, example.schema, located, `${label}: `);
}

