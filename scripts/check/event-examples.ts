// Check 3: each event example validates against the schema of its own name, or,
// for a variant (`m.room.member#invite`, `m.room.member$invite`) without a schema
// of its own, against its event type's schema. An example without either is an
// error; a schema without an example (its own or a variant's) is a warning; a
// tree with event schemas but no example at all is an error, so that a layout
// the tool does not know is never passed over in silence.
import { error, warning, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { trace } from "../sources/refs.ts";
import type { EventExample } from "../sources/event-schemas.ts";
import type { Check, CheckContext } from "./check.ts";
import type { LocatedExample } from "./example-text.ts";
import { validateExample } from "./validate-example.ts";
import { keptUnit } from "./kept-units.ts";

export const eventExamples: Check = (ctx) => {
  const out: Diagnostic[] = [];
  const { schemas, examples, unloadedExamples, exampleDirs } = ctx.events;
  ctx.counts.examples += unloadedExamples.length;
  for (const example of examples) {
    const schema = example.schema;
    out.push(
      ...keptUnit(ctx, "event example", schema ? [example.file.path, schema.file.path] : [example.file.path], () => {
        ctx.counts.examples++;
        if (!schema) {
          const wanted = example.variant ? `\`${example.name}\` or \`${example.type}\`` : `\`${example.name}\``;
          return [error("example-without-schema", `There is no event schema ${wanted} for this example.`, { file: example.file.path, line: 1, column: 1 })];
        }
        return validateExample(ctx.schemas, { file: schema.file, pointer: "" }, locatedExample(ctx, example));
      }),
    );
  }
  return out;
};

/** The warnings and errors about which schemas have examples; they depend on the names alone. */
export const eventCoverage: Check = (ctx) => {
  const out: Diagnostic[] = [];
  const { schemas, examples, unloadedExamples, exampleDirs } = ctx.events;
  if (schemas.length > 0 && examples.length + unloadedExamples.length === 0) {
    const where = exampleDirs.length ? exampleDirs.join(", ") : "event-schemas/examples/";
    out.push(error("no-event-examples", `${schemas.length} event schemas were found, but no example in ${where}; every event needs at least one example.`, { file: schemas[0].file.path, line: 1, column: 1 }));
    return out;
  }
  const covered = new Set<string>();
  for (const e of examples) {
    covered.add(e.name);
    if (e.schema) covered.add(e.schema.name);
    covered.add(e.type);
  }
  for (const name of unloadedExamples) covered.add(name);
  for (const schema of schemas) {
    if (covered.has(schema.name)) continue;
    out.push(warning("schema-without-example", `The event schema \`${schema.name}\` has no example in ${exampleDirs.join(", ") || "event-schemas/examples/"}.`, { file: schema.file.path, line: 1, column: 1 }));
  }
  return out;
};

/** The example with its `$ref`s inlined; a failure inside a referenced fragment is placed in that fragment. */
function locatedExample(ctx: CheckContext, example: EventExample): LocatedExample {
  return {
    value: example.resolved,
    locate: (p, key) => {
      const at = trace(ctx.cache, example.file, p);
      return at.file.locate(at.pointer, { key });
    },
  };
}
