// Check 3: each file in event-schemas/examples/v1 validates against the schema
// of the same name in event-schemas/schema/v1 (`m.room.message#m.text` against
// the `m.text` variant's schema of that name). An example without a schema is an
// error; a schema without an example of its name is a warning.
import { error, warning, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { EVENT_EXAMPLE_DIR, EVENT_SCHEMA_DIR } from "../sources/event-schemas.ts";
import type { Check } from "./context.ts";
import { exampleFromFile } from "./example-text.ts";
import { validateExample } from "./validate-example.ts";

export const eventExamples: Check = (ctx) => {
  const out: Diagnostic[] = [];
  const { schemas, examples, unloadedExamples } = ctx.events;
  ctx.counts.examples += unloadedExamples.length;
  for (const example of examples) {
    ctx.counts.examples++;
    if (!example.schema) {
      out.push(
        error("example-without-schema", `There is no schema \`${example.name}\` in ${EVENT_SCHEMA_DIR} for this example.`, {
          file: example.file.path,
          line: 1,
          column: 1,
        }),
      );
      continue;
    }
    out.push(...validateExample(ctx.schemas, { file: example.schema.file, pointer: "" }, exampleFromFile(example.file)));
  }
  const names = [...examples.map((e) => e.name), ...unloadedExamples];
  for (const schema of schemas) {
    if (names.includes(schema.name)) continue;
    out.push(
      warning("schema-without-example", `The event schema \`${schema.name}\` has no example in ${EVENT_EXAMPLE_DIR}.`, {
        file: schema.file.path,
        line: 1,
        column: 1,
      }),
    );
  }
  return out;
};
