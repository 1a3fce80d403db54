import { describe, expect, it } from "vitest";
import type { Locator } from "./origin.ts";
import { fieldTables, objectShape, typeName } from "./schema-fields.ts";

/** A locator that records the pointer as the "file" so tests can see which value a row came from. */
const locate: Locator = Object.assign((pointer: string) => ({ file: pointer, line: 1 }), { lines: () => undefined });

describe("typeName", () => {
  it("names arrays, maps, titled objects and type lists", () => {
    expect(typeName({ type: "string" })).toBe("string");
    expect(typeName({ type: "array", items: { type: "object", title: "Event" } })).toBe("[Event]");
    expect(typeName({ type: "object", additionalProperties: { type: "integer" } })).toBe("{string: integer}");
    expect(typeName({ type: "object", title: "Users", additionalProperties: { type: "object", title: "Receipt" } })).toBe("{string: Receipt}");
    expect(typeName({ type: ["string", "null"] })).toBe("string or null");
    expect(typeName({ type: "object" })).toBe("object");
    expect(typeName({ properties: { a: { type: "string" } } })).toBe("object");
    expect(typeName(undefined)).toBe("any");
  });
});

describe("fieldTables", () => {
  const schema = {
    type: "object",
    required: ["a"],
    properties: {
      a: { type: "object", description: "A.", properties: { b: { type: "string", description: "B." } } },
      list: { type: "array", items: { type: "object", properties: { b: { type: "integer" } } } },
      dev: { type: "object", title: "Device", properties: { id: { type: "string" } } },
      devs: { type: "array", items: { type: "object", title: "Device", properties: { id: { type: "string" } } } },
      kind: { type: "string", enum: ["x", "y"] },
    },
  };

  it("flattens untitled nested objects in dot notation, arrays with [0]", () => {
    const [top] = fieldTables(schema, "", locate);
    expect(top.title).toBeUndefined();
    expect(top.fields.map((f) => f.key)).toEqual(["a", "a.b", "list", "list[0].b", "dev", "devs", "kind"]);
    expect(top.fields.find((f) => f.key === "list")!.type).toBe("[object]");
    expect(top.fields.find((f) => f.key === "devs")!.type).toBe("[Device]");
  });

  it("marks required fields and keeps enum values and origins", () => {
    const [top] = fieldTables(schema, "", locate);
    expect(top.fields.filter((f) => f.required).map((f) => f.key)).toEqual(["a"]);
    expect(top.fields.find((f) => f.key === "kind")!.enumValues).toEqual(["x", "y"]);
    expect(top.fields.find((f) => f.key === "a.b")!.origin.file).toBe("/properties/a/properties/b");
  });

  it("gives each titled nested object one table of its own", () => {
    const tables = fieldTables(schema, "", locate);
    expect(tables.map((t) => t.title)).toEqual([undefined, "Device"]);
    expect(tables[1].fields.map((f) => f.key)).toEqual(["id"]);
  });

  it("goes through maps to the table of their values", () => {
    const receipt = {
      type: "object",
      additionalProperties: {
        type: "object",
        title: "Receipts",
        properties: { "m.read": { type: "object", additionalProperties: { type: "object", title: "Receipt", properties: { ts: { type: "integer" } } } } },
      },
    };
    const tables = fieldTables(receipt, "", locate);
    expect(tables.map((t) => t.title)).toEqual(["Receipts", "Receipt"]);
    expect(tables[0].fields[0]).toMatchObject({ key: "m.read", type: "{string: Receipt}" });
  });

  it("merges allOf parts, the schema's own properties winning", () => {
    const shape = objectShape(
      { allOf: [{ properties: { type: { type: "string", description: "base" }, id: { type: "string" } }, required: ["id"] }], properties: { type: { type: "string", description: "own" } } },
      "",
    );
    expect(shape.properties.map((p) => p.name)).toEqual(["id", "type"]);
    expect(shape.properties[1].schema.description).toBe("own");
    expect(shape.properties[0].pointer).toBe("/allOf/0/properties/id");
    expect([...shape.required]).toEqual(["id"]);
  });
});
