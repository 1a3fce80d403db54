// The event schemas and their examples, wherever ../spec-layout.ts finds them:
// one schema per event type, named after it (`m.room.topic`), and one example
// per event type or variant (`m.room.message#m.text`, `m.room.member$invite`).
// An example validates against the schema of its own name when there is one,
// else against its event type's schema, and counts as an example of that type.
// Examples may `$ref` shared fragments; each `$ref` resolves against the file
// that holds it, and the keys written beside a `$ref` override what it brings.
import { eventFileName, eventFiles, type SpecLayout, VARIANT_SEPARATOR } from "../spec-layout.ts";
import type { DataFile } from "./data-file.ts";
import { dereference } from "./refs.ts";
import type { SourceCache } from "./source-cache.ts";

export interface EventName {
  /** The file name without a data extension, e.g. `m.room.message#m.text`. */
  name: string;
  /** The event type, e.g. `m.room.message`. */
  type: string;
  /** The variant after `#` or `$`, e.g. `m.text`. */
  variant?: string;
}

export interface EventSchema extends EventName {
  file: DataFile;
  /** The schema with every `$ref` inlined. */
  resolved: unknown;
}

export interface EventExample extends EventName {
  file: DataFile;
  /** The example with every `$ref` inlined (keys beside a `$ref` win). */
  resolved: unknown;
  /** The schema this example is checked against: its own name's, else its event type's. */
  schema?: EventSchema;
}

export interface EventSchemaSet {
  schemas: EventSchema[];
  examples: EventExample[];
  /** Example files that could not be loaded (the reason is a diagnostic), by name. */
  unloadedExamples: string[];
  /** Where schemas and examples were looked for. */
  schemaDirs: string[];
  exampleDirs: string[];
}

export function parseEventName(name: string): EventName {
  const m = VARIANT_SEPARATOR.exec(name);
  return m === null ? { name, type: name } : { name, type: name.slice(0, m.index), variant: name.slice(m.index + 1) };
}

export function loadEventSchemas(cache: SourceCache, layout: Pick<SpecLayout, "eventSchemaDirs" | "eventExampleDirs">): EventSchemaSet {
  const schemas: EventSchema[] = [];
  for (const dir of layout.eventSchemaDirs) {
    for (const rel of eventFiles(cache.root, dir)) {
      const file = cache.load(rel);
      if (file) schemas.push({ ...parseEventName(eventFileName(rel)), file, resolved: dereference(cache, file) });
    }
  }
  const byName = new Map(schemas.map((s) => [s.name, s]));
  const examples: EventExample[] = [];
  const unloadedExamples: string[] = [];
  for (const dir of layout.eventExampleDirs) {
    for (const rel of eventFiles(cache.root, dir)) {
      const name = eventFileName(rel);
      const file = cache.load(rel);
      if (!file) {
        unloadedExamples.push(name);
        continue;
      }
      const parsed = parseEventName(name);
      const schema = byName.get(name) ?? byName.get(parsed.type);
      examples.push({ ...parsed, file, resolved: dereference(cache, file), schema });
    }
  }
  return { schemas, examples, unloadedExamples, schemaDirs: layout.eventSchemaDirs, exampleDirs: layout.eventExampleDirs };
}
