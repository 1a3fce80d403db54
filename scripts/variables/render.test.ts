import { describe, expect, it } from "vitest";
import type { Field } from "./units/schema-fields.ts";
import { KeptValues } from "../kept-values.ts";
import { keepVariableParts } from "./kept-parts.ts";
import { OriginMarks, renderTemplate } from "./render.ts";
import { childTags, listTables } from "./testing/list-tables.ts";
import { tableView } from "./views.ts";

const origin = (line: number) => ({ file: "api/x.yaml", line });

const longDescription = [
  "The first paragraph of a long description, which goes on for a while so that",
  "it takes more than one line in the source.",
  "",
  "A second paragraph introduces a literal block::",
  "",
  "    {",
  '      "key": "value"',
  "    }",
  "",
  "- then a list item",
  "- and another",
].join("\n");

const fields: Field[] = [
  { key: "long", type: "string", description: longDescription, required: true, origin: origin(10), descriptionOrigins: longDescription.split("\n").map((_, i) => origin(11 + i)) },
  { key: "a.b[0].c", type: "[Event]", description: "", required: false, enumValues: ["x", "", 3], origin: origin(30) },
  { key: "star*key", type: "{string: integer}", description: "- starts with a list", required: true, origin: origin(40) },
];

describe("field tables", () => {
  const value = renderTemplate("fields.njk", { tables: [tableView("Long and nested", "Key", fields, origin(1))] }, origin(1));
  const [table] = listTables(value.text);

  it("renders a list-table whose content parses as rows of three cells, without warnings", () => {
    expect(table.caption).toBe("Long and nested");
    expect(table.options).toContain(":header-rows: 1");
    expect(table.problems).toEqual([]);
    expect(table.rows).toHaveLength(4);
    expect(table.rows.every((r) => r.length === 3)).toBe(true);
  });

  it("keeps several paragraphs, a literal block and a list inside one cell", () => {
    const cell = table.rows[1][2];
    expect(childTags(cell)).toEqual(["paragraph", "paragraph", "literal_block", "bullet_list"]);
    expect(cell.findAll("literal_block")[0].astext()).toBe('{\n  "key": "value"\n}');
    expect(cell.astext()).toMatch(/^Required\. The first paragraph/);
  });

  it("quotes keys and escapes types and enum values", () => {
    expect(table.rows[2][0].astext()).toBe("a.b[0].c");
    expect(table.rows[2][1].astext()).toBe("[Event]");
    expect(table.rows[2][2].astext()).toBe('One of: [x, "", 3].');
    expect(table.rows[3][1].astext()).toBe("{string: integer}");
    // A description starting with a list keeps "Required." out of the list.
    expect(childTags(table.rows[3][2])).toEqual(["paragraph", "bullet_list"]);
  });

  it("gives each line the origin of the row or description line it comes from", () => {
    const lines = value.text.split("\n");
    const at = (needle: string) => value.origins![lines.findIndex((l) => l.includes(needle))];
    expect(at("``long``")).toEqual(origin(10));
    expect(at("The first paragraph")).toEqual(origin(11));
    expect(at('"key": "value"')).toEqual(origin(17));
    expect(at("and another")).toEqual(origin(21));
    expect(at("``a.b[0].c``")).toEqual(origin(30));
    expect(value.origins).toHaveLength(lines.length - 1);
  });
});

describe("origin marks", () => {
  it("applies a mark to its line and the following ones, steps through line lists, and squeezes blank lines", () => {
    const marks = new OriginMarks();
    const text = `${marks.at(origin(5))}a\nb\n\n\n${marks.atLines([origin(7), origin(8)])}c\nd\ne\n\n`;
    const value = marks.resolve(text, origin(1));
    expect(value.text).toBe("a\nb\n\nc\nd\ne\n");
    expect(value.origins).toEqual([origin(5), origin(5), origin(5), origin(7), origin(8), origin(8)]);
  });
});

describe("origin marks cannot be forged by source text", () => {
  it("a description holding NUL characters that look like a mark keeps its text and its origin", () => {
    const marks = new OriginMarks();
    const rendered = `${marks.at(origin(7))}first line\nsays \u00000\u0000 and \u000099\u0000 here\n${marks.at(origin(9))}last\n`;
    const value = marks.resolve(rendered, origin(1));
    expect(value.text).toBe("first line\nsays \u00000\u0000 and \u000099\u0000 here\nlast\n");
    expect(value.origins).toEqual([origin(7), origin(7), origin(9)]);
  });

  it("in a rendered field table too", () => {
    const forged: Field[] = [{ key: "k", type: "string", description: "a \u00005\u0000 b \u0000999\u0000", required: true, origin: origin(50) }];
    const value = renderTemplate("fields.njk", { tables: [tableView("T", "Key", forged, origin(1))] }, origin(1));
    const row = value.text.split("\n").findIndex((l) => l.includes("a \u00005\u0000 b"));
    expect(row).toBeGreaterThan(-1);
    expect(value.origins![row]).toEqual(origin(50));
  });
});

describe("rendered templates kept between runs", () => {
  const tables = (caption: string) => ({ tables: [tableView(caption, "Key", fields, origin(1))] });

  it("are rendered once per context, the kept value the same as a fresh one, until no longer set", () => {
    const fresh = renderTemplate("fields.njk", tables("Kept"), origin(1));
    const kept = new KeptValues<unknown>();
    keepVariableParts(kept);
    try {
      expect(renderTemplate("fields.njk", tables("Kept"), origin(1))).toEqual(fresh);
      expect(renderTemplate("fields.njk", tables("Kept"), origin(1))).toEqual(fresh);
      expect(kept.computed).toHaveLength(1);
      // The next run starts from what this one used, as the stage memo keeps it (JSON).
      const next = new KeptValues<unknown>(new Map(JSON.parse(JSON.stringify([...kept.next()]))));
      keepVariableParts(next);
      expect(renderTemplate("fields.njk", tables("Kept"), origin(1))).toEqual(fresh);
      expect(renderTemplate("fields.njk", tables("Another"), origin(1)).text).toContain("Another");
      expect(next.computed).toHaveLength(1);
      // A context that JSON would not say all of is rendered every time.
      const withMap = { ...tables("Kept"), extra: new Map([["a", "b"]]) };
      expect(renderTemplate("fields.njk", withMap, origin(1))).toEqual(fresh);
      expect(next.computed).toHaveLength(1);
    } finally {
      keepVariableParts(undefined);
    }
    expect(kept.computed).toHaveLength(1);
  });
});
