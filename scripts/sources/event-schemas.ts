// The event schemas (`event-schemas/schema/v1/<event type>`, JSON without an
// extension, with `core-event-schema/*.json` beneath) and their examples
// (`event-schemas/examples/v1/<event type>`). A name may carry a variant after
// `#`: `m.room.message#m.text` is the `m.text` variant of `m.room.message`.
import type { DataFile } from "./data-file.ts";
import { listFiles } from "./list-files.ts";
import { dereference } from "./refs.ts";
import type { SourceCache } from "./source-cache.ts";

export const EVENT_SCHEMA_DIR = "event-schemas/schema/v1";
export const EVENT_EXAMPLE_DIR = "event-schemas/examples/v1";

export interface EventName {
  /** The file name, e.g. `m.room.message#m.text`. */
  name: string;
  /** The event type, e.g. `m.room.message`. */
  type: string;
  /** The variant after `#`, e.g. `m.text`. */
  variant?: string;
}

export interface EventSchema extends EventName {
  file: DataFile;
  /** The schema with every `$ref` inlined. */
  resolved: unknown;
}

export interface EventExample extends EventName {
  file: DataFile;
  /** The schema this example is checked against: the one of the same name (variant included). */
  schema?: EventSchema;
}

export interface EventSchemaSet {
  schemas: EventSchema[];
  examples: EventExample[];
  /** Example files that could not be loaded (the reason is a diagnostic), by name. */
  unloadedExamples: string[];
}

export function parseEventName(name: string): EventName {
  const hash = name.indexOf("#");
  return hash === -1 ? { name, type: name } : { name, type: name.slice(0, hash), variant: name.slice(hash + 1) };
}

export function loadEventSchemas(cache: SourceCache): EventSchemaSet {
  const schemas: EventSchema[] = [];
  for (const rel of listFiles(cache.root, EVENT_SCHEMA_DIR)) {
    const file = cache.load(rel);
    if (file) schemas.push({ ...parseEventName(rel.slice(EVENT_SCHEMA_DIR.length + 1)), file, resolved: dereference(cache, file) });
  }
  const byName = new Map(schemas.map((s) => [s.name, s]));
  const examples: EventExample[] = [];
  const unloadedExamples: string[] = [];
  for (const rel of listFiles(cache.root, EVENT_EXAMPLE_DIR, { recursive: true })) {
    const name = rel.slice(EVENT_EXAMPLE_DIR.length + 1);
    const file = cache.load(rel, undefined, { followRefs: false });
    if (!file) {
      unloadedExamples.push(name);
      continue;
    }
    const parsed = parseEventName(name);
    examples.push({ ...parsed, file, schema: byName.get(name) });
  }
  return { schemas, examples, unloadedExamples };
}

/** Every file that holds a JSON schema on its own: event schemas and `api/**\/definitions/**`. */
export function listSchemaFiles(root: string): string[] {
  return [
    ...listFiles(root, "event-schemas/schema", { recursive: true }),
    ...listFiles(root, "api", { recursive: true }).filter((p) => /\.(json|ya?ml)$/.test(p) && p.split("/").slice(0, -1).includes("definitions")),
  ];
}
