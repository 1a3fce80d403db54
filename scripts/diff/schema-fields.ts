// A JSON Schema flattened into its fields: `room_id`, `chunk[].event_id`,
// `content.info.mimetype`, each with a short type (`string`, `array of object`)
// and whether its parent object requires it. `allOf` members are merged;
// arrays add `[]`; a map's values (`additionalProperties`) add `.*`.
export interface SchemaField {
  type: string;
  required: boolean;
}

const MAX_DEPTH = 10;

type Schema = Record<string, unknown>;
const isObject = (v: unknown): v is Schema => v !== null && typeof v === "object" && !Array.isArray(v);

/** The schema with its `allOf` members merged in (properties and required lists joined). */
function merged(schema: Schema): Schema {
  if (!Array.isArray(schema.allOf)) return schema;
  const out: Schema = { ...schema };
  delete out.allOf;
  const properties: Schema = {};
  const required = new Set<string>();
  for (const part of [...(schema.allOf as unknown[]).filter(isObject).map(merged), schema]) {
    if (isObject(part.properties)) Object.assign(properties, part.properties);
    if (Array.isArray(part.required)) for (const r of part.required) if (typeof r === "string") required.add(r);
    if (part.type !== undefined && out.type === undefined) out.type = part.type;
    if (part.items !== undefined && out.items === undefined) out.items = part.items;
    if (part.additionalProperties !== undefined && out.additionalProperties === undefined) out.additionalProperties = part.additionalProperties;
  }
  if (Object.keys(properties).length) out.properties = properties;
  if (required.size) out.required = [...required];
  return out;
}

/** A short name of the schema's type: `string`, `integer`, `object`, `array of string`, `string|null`. */
export function typeName(input: unknown, depth = 0): string {
  if (!isObject(input)) return "any";
  const schema = merged(input);
  let type: string;
  if (typeof schema.type === "string") type = schema.type;
  else if (Array.isArray(schema.type)) type = schema.type.join("|");
  else if (isObject(schema.properties)) type = "object";
  else if (schema.items !== undefined) type = "array";
  else type = "any";
  if (type === "array" && depth < MAX_DEPTH) return `array of ${typeName(schema.items, depth + 1)}`;
  if (type === "object" && isObject(schema.additionalProperties) && !isObject(schema.properties)) return `map of ${typeName(schema.additionalProperties, depth + 1)}`;
  return type;
}

/** Every field of the schema, by path. */
export function schemaFields(schema: unknown): Map<string, SchemaField> {
  const out = new Map<string, SchemaField>();
  walk(schema, "", out, 0);
  return out;
}

function walk(input: unknown, prefix: string, out: Map<string, SchemaField>, depth: number): void {
  if (!isObject(input) || depth > MAX_DEPTH) return;
  const schema = merged(input);
  if (isObject(schema.properties)) {
    const required = new Set(Array.isArray(schema.required) ? schema.required.filter((r): r is string => typeof r === "string") : []);
    for (const [name, child] of Object.entries(schema.properties)) {
      const path = prefix ? `${prefix}.${name}` : name;
      out.set(path, { type: typeName(child), required: required.has(name) });
      walk(child, path, out, depth + 1);
    }
  }
  if (schema.items !== undefined) walk(schema.items, `${prefix}[]`, out, depth + 1);
  if (isObject(schema.additionalProperties)) walk(schema.additionalProperties, prefix ? `${prefix}.*` : "*", out, depth + 1);
}
