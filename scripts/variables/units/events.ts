// The data model of one event as the spec documents it: its type (and msgtype
// variant), whether it is a state event and what its `state_key` holds, its
// description, the tables of its `content`, and its example.
import type { Origin } from "../../diagnostics/line-map.ts";
import type { DataFile } from "../../sources/data-file.ts";
import type { EventExample, EventSchema } from "../../sources/event-schemas.ts";
import type { SourceCache } from "../../sources/source-cache.ts";
import { locatorFor } from "./origin.ts";
import { type FieldTable, fieldTables, isSchema, objectShape, type Schema, typeName } from "./schema-fields.ts";

export interface EventUnit {
  /** The schema's file name, e.g. `m.room.message#m.text`. */
  name: string;
  /** e.g. `m.room.message`. */
  type: string;
  /** e.g. `m.text`, for the variants of m.room.message. */
  variant?: string;
  /** The template variable, e.g. `m_room_message_m_text_event`. */
  variable: string;
  kind: "state" | "message";
  /** The description of `state_key`, for a state event. */
  stateKey?: string;
  description: string;
  descriptionOrigins?: Origin[];
  stateKeyOrigins?: Origin[];
  origin: Origin;
  contentTables: FieldTable[];
  /** The type of `content` when it is not an object with its own fields (e.g. `{string: Receipts}`). */
  contentType?: string;
  example?: { text: string; origin: Origin };
}

/** `m.room.message#m.text` → `m_room_message_m_text_event`. */
export function eventVariable(name: string): string {
  return name.replace(/[.#$]/g, "_") + "_event";
}

export function eventUnit(cache: SourceCache, schema: EventSchema, example: EventExample | undefined): EventUnit {
  const locate = locatorFor(cache, schema.file);
  const root = isSchema(schema.resolved) ? schema.resolved : {};
  const shape = objectShape(root, "");
  const stateKey = shape.properties.find((p) => p.name === "state_key");
  const content = shape.properties.find((p) => p.name === "content");
  const contentTables = content ? fieldTables(content.schema, content.pointer, locate) : [];
  const text = example ? example.file.text.replace(/\s+$/, "") : undefined;
  return {
    name: schema.name,
    type: schema.type,
    variant: schema.variant,
    variable: eventVariable(schema.name),
    kind: stateKey ? "state" : "message",
    stateKey: stateKey ? (typeof stateKey.schema.description === "string" ? stateKey.schema.description : "") : undefined,
    description: typeof root.description === "string" ? root.description : "",
    descriptionOrigins: locate.lines("/description"),
    stateKeyOrigins: stateKey ? locate.lines(`${stateKey.pointer}/description`) : undefined,
    origin: locate(""),
    contentTables,
    contentType: content && objectShape(content.schema, "").properties.length === 0 && typeName(content.schema) !== "object" ? typeName(content.schema) : undefined,
    example: example && text !== undefined ? { text, origin: { file: example.file.path, line: 1 } } : undefined,
  };
}

/** The fields of one of the core schemas (`core-event-schema/*.json`) as a single table. */
/**
 * The fields one of the core schemas (`core-event-schema/*.json`) adds, as a single
 * table: its own properties, not those it takes from the schemas in its `allOf`
 * (the spec lists those under the core schema they come from).
 */
export function coreFieldsTable(cache: SourceCache, file: DataFile, resolved: unknown): FieldTable | undefined {
  const locate = locatorFor(cache, file);
  const root: Schema = isSchema(resolved) ? { ...resolved, allOf: undefined } : {};
  const own = objectShape(root, "");
  const inherited = isSchema(resolved) ? objectShape(resolved, "").required : new Set<string>();
  const title = typeof root.title === "string" && root.title ? root.title : undefined;
  const table = fieldTables({ ...root, required: [...inherited].filter((r) => own.properties.some((p) => p.name === r)) }, "", locate, title)[0];
  return table;
}
