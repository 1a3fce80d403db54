// JSON Schema objects as tables of fields: one table for the object itself, with
// untitled nested objects flattened into it in dot notation (`a.b`, `a[0].b`),
// and one more table for each titled nested object. Types are named the way
// the spec reads them: `string`, `[Event]`, `{string: integer}`, a title.
import type { Origin } from "../../diagnostics/line-map.ts";
import { joinPointer } from "../../sources/pointer.ts";
import type { Locator } from "./origin.ts";

export type Schema = Record<string, unknown>;

export interface Field {
  /** e.g. `content.info.w`, `chunk[0].event_id`. */
  key: string;
  type: string;
  /** RST, as written in the source. */
  description: string;
  required: boolean;
  enumValues?: unknown[];
  origin: Origin;
  /** Where each line of the description is written, when known. */
  descriptionOrigins?: Origin[];
}

export interface FieldTable {
  /** The object's title, for tables of titled nested objects. */
  title?: string;
  fields: Field[];
  origin: Origin;
}

export const isSchema = (v: unknown): v is Schema => v !== null && typeof v === "object" && !Array.isArray(v);

interface Property {
  name: string;
  schema: Schema;
  pointer: string;
}

interface ObjectShape {
  properties: Property[];
  required: Set<string>;
}

/** The properties of an object schema, those of its `allOf` parts first; a property of its own wins. */
export function objectShape(schema: Schema, pointer: string): ObjectShape {
  const byName = new Map<string, Property>();
  const required = new Set<string>();
  const visit = (s: Schema, p: string, depth: number) => {
    if (depth > 16) return;
    if (Array.isArray(s.allOf)) s.allOf.forEach((part, i) => isSchema(part) && visit(part, joinPointer(p, "allOf", i), depth + 1));
    if (isSchema(s.properties)) {
      for (const [name, value] of Object.entries(s.properties)) {
        if (!isSchema(value)) continue;
        byName.delete(name);
        byName.set(name, { name, schema: value, pointer: joinPointer(p, "properties", name) });
      }
    }
    if (Array.isArray(s.required)) for (const r of s.required) if (typeof r === "string") required.add(r);
  };
  visit(schema, pointer, 0);
  return { properties: [...byName.values()], required };
}

function hasProperties(schema: Schema): boolean {
  return objectShape(schema, "").properties.length > 0;
}

function mapValue(schema: Schema): Schema | undefined {
  return isSchema(schema.additionalProperties) ? schema.additionalProperties : undefined;
}

/** The type of a schema as the tables show it. */
export function typeName(schema: Schema | undefined, depth = 0): string {
  if (!schema || depth > 16) return "any";
  const t = schema.type;
  if (Array.isArray(t)) return t.map(String).join(" or ");
  const kind = typeof t === "string" ? t : hasProperties(schema) || mapValue(schema) ? "object" : isSchema(schema.items) ? "array" : undefined;
  if (kind === "array") return isSchema(schema.items) ? `[${typeName(schema.items, depth + 1)}]` : "array";
  if (kind === "object") {
    const value = mapValue(schema);
    if (value && !hasProperties(schema)) return `{string: ${typeName(value, depth + 1)}}`;
    return typeof schema.title === "string" && schema.title ? schema.title : "object";
  }
  return kind ?? "any";
}

/**
 * The tables describing an object schema. `pointer` is where the schema sits (for
 * origins); `title` names the first table. Untitled nested objects add rows in dot
 * notation; titled ones get their own table, once per title.
 */
export function fieldTables(schema: Schema, pointer: string, locate: Locator, title?: string): FieldTable[] {
  const tables: FieldTable[] = [];
  const seenTitles = new Set<string>();
  const queue: { schema: Schema; pointer: string; title?: string }[] = [{ schema, pointer, title }];
  if (title) seenTitles.add(title);

  /** Queues the table of a titled object (or goes through arrays/maps to one); true when it did. */
  const nestedTarget = (s: Schema, p: string): { schema: Schema; pointer: string; via: string } | undefined => {
    if (isSchema(s.items)) return { schema: s.items, pointer: joinPointer(p, "items"), via: "[0]" };
    const value = mapValue(s);
    if (value && !hasProperties(s)) return { schema: value, pointer: joinPointer(p, "additionalProperties"), via: ".<key>" };
    return { schema: s, pointer: p, via: "" };
  };

  const addRows = (table: FieldTable, s: Schema, p: string, prefix: string, depth: number) => {
    const shape = objectShape(s, p);
    for (const prop of shape.properties) {
      const key = prefix + prop.name;
      table.fields.push({
        key,
        type: typeName(prop.schema),
        description: typeof prop.schema.description === "string" ? prop.schema.description : "",
        required: shape.required.has(prop.name),
        enumValues: Array.isArray(prop.schema.enum) ? prop.schema.enum : undefined,
        origin: locate(prop.pointer),
        descriptionOrigins: typeof prop.schema.description === "string" ? locate.lines(joinPointer(prop.pointer, "description")) : undefined,
      });
      descend(table, prop.schema, prop.pointer, key, depth);
    }
  };

  const descend = (table: FieldTable, s: Schema, p: string, key: string, depth: number) => {
    if (depth > 12) return;
    let target = nestedTarget(s, p);
    // Through arrays of arrays, maps of arrays…
    for (let i = 0; target && target.schema !== s && i < 4 && !hasProperties(target.schema); i++) {
      const next = nestedTarget(target.schema, target.pointer);
      if (!next || next.schema === target.schema) break;
      target = { ...next, via: target.via + next.via };
    }
    if (!target || !hasProperties(target.schema)) return;
    const t = target.schema.title;
    if (typeof t === "string" && t) {
      if (!seenTitles.has(t)) {
        seenTitles.add(t);
        queue.push({ schema: target.schema, pointer: target.pointer, title: t });
      }
      return;
    }
    addRows(table, target.schema, target.pointer, key + target.via + ".", depth + 1);
  };

  while (queue.length) {
    const next = queue.shift()!;
    const table: FieldTable = { title: next.title, fields: [], origin: locate(next.pointer) };
    if (hasProperties(next.schema)) addRows(table, next.schema, next.pointer, "", 0);
    else {
      // A map or array at the top: its values' table is what there is to show.
      descend(table, next.schema, next.pointer, "", 0);
    }
    if (table.fields.length) tables.push(table);
  }
  return tables;
}
