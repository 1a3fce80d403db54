// The loaders on their own: positions, embedded JSON, $ref rules, the changelog model.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { newestEntry, parseChangelog } from "./changelog.ts";
import { parseDataFile } from "./data-file.ts";
import { JsonSyntaxError, parseJson } from "./json-text.ts";
import { dereference, trace } from "./refs.ts";
import { SourceCache } from "./source-cache.ts";

const temps: string[] = [];
afterAll(() => temps.forEach((t) => rmSync(t, { recursive: true, force: true })));

function treeWith(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "sources-"));
  temps.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe("parseJson", () => {
  it("gives the same value as JSON.parse and the offset of every value and key", () => {
    const text = '{\n  "a": [1, {"b": "x\\u00e9\\n"}],\n  "c": null\n}';
    const { value, spans } = parseJson(text);
    expect(value).toEqual(JSON.parse(text));
    expect(text.slice(spans.get("/a/1/b")!.start)).toMatch(/^"x/);
    expect(spans.get("/c")).toMatchObject({ start: text.indexOf("null"), keyStart: text.indexOf('"c"') });
  });

  it("reports where a syntax error is", () => {
    const text = '{"a": 1,\n "b": }';
    try {
      parseJson(text);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(JsonSyntaxError);
      expect((e as JsonSyntaxError).offset).toBe(text.indexOf("}"));
    }
  });
});

describe("DataFile positions", () => {
  const yaml = [
    "paths:", //                      1
    "  /x:", //                       2
    "    get:", //                    3
    "      example: |-", //           4
    "        {", //                   5
    "", //                            6
    '          "k": "v"', //          7
    "        }", //                   8
    '      quoted: "{\\"k\\": 1}"', //  9
    '      plain: {"k": 2}', //      10
  ].join("\n");
  const parsed = parseDataFile("a.yaml", "/a.yaml", yaml);
  const file = parsed.file!;

  it("places values, and a block mapping at its key", () => {
    expect(file.locate("/paths/~1x/get")).toMatchObject({ line: 3, column: 5 });
    expect(file.locate("/paths/~1x/get/example")).toMatchObject({ line: 4, column: 16 });
    expect(file.locate("/paths/~1x/get/missing/deeper")).toMatchObject({ line: 3 });
  });

  it("maps an offset inside a literal block back to the file, across a blank line", () => {
    const text = file.embeddedText("/paths/~1x/get/example")!;
    expect(text.text).toBe('{\n\n  "k": "v"\n}');
    const offset = text.map(text.text.indexOf('"v"'))!;
    expect(file.position(offset)).toEqual({ line: 7, column: 16 });
  });

  it("falls back to the scalar when escapes make an exact mapping impossible", () => {
    const text = file.embeddedText("/paths/~1x/get/quoted")!;
    expect(text.text).toBe('{"k": 1}');
    expect(text.map(1)).toBeUndefined();
    expect(file.position(text.start)).toEqual({ line: 9, column: 15 });
  });
});

describe("YAML aliases", () => {
  it("refuses a document whose nested aliases would expand without end, quickly", () => {
    let text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
    for (let i = 1; i < 12; i++) text += `a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(", ")}]\n`;
    const started = Date.now();
    const result = parseDataFile("bomb.yaml", "/bomb.yaml", text);
    expect(result.file).toBeUndefined();
    expect(result.diagnostics.map((d) => d.code)).toEqual(["yaml-syntax"]);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("places values under an alias at the alias", () => {
    const file = parseDataFile("a.yaml", "/a.yaml", "base: &b\n  k: 1\ncopy: *b\n").file!;
    expect(file.value).toEqual({ base: { k: 1 }, copy: { k: 1 } });
    expect(file.locate("/copy/k")).toMatchObject({ line: 3, column: 7 });
  });
});

describe("SourceCache and $ref", () => {
  it("follows a symbolic link inside the root and names files by their real path", () => {
    const root = treeWith({
      "event-schemas/schema/v1/core/event.json": '{"type": "object", "properties": {"type": {"type": "string"}}}',
      "event-schemas/schema/v1/m.x": '{"allOf": [{"$ref": "core/event.json"}], "description": "x"}',
      "api/v1/x.yaml": 'schema:\n  "$ref": "events/m.x"\n  description: kept\n',
    });
    symlinkSync("../../event-schemas/schema/v1", join(root, "api/v1/events"));
    const cache = new SourceCache(root);
    const file = cache.load("api/v1/x.yaml")!;
    expect(cache.diagnostics).toEqual([]);
    expect(cache.loadedFiles().map((f) => f.path)).toEqual([
      "api/v1/x.yaml",
      "event-schemas/schema/v1/m.x",
      "event-schemas/schema/v1/core/event.json",
    ]);
    expect(dereference(cache, file)).toEqual({
      schema: {
        allOf: [{ type: "object", properties: { type: { type: "string" } } }],
        description: "kept",
      },
    });
    const at = trace(cache, file, "/schema/allOf/0/properties/type");
    expect([at.file.path, at.pointer]).toEqual(["event-schemas/schema/v1/core/event.json", "/properties/type"]);
  });

  it("loads a file named by several $refs, by several paths, once; and reports each $ref to a missing file", () => {
    const root = treeWith({
      "defs/d.yaml": "d: 1\n",
      "a.yaml": [
        'x: {"$ref": "defs/d.yaml#/d"}',
        'y: {"$ref": "./defs/../defs/d.yaml"}',
        'z: {"$ref": "gone.yaml"}',
        'w: {"$ref": "gone.yaml"}',
        "",
      ].join("\n"),
    });
    const cache = new SourceCache(root);
    const file = cache.load("a.yaml")!;
    expect(cache.load(join(root, "defs/d.yaml"))).toBe(cache.load("defs/d.yaml"));
    expect(cache.loadedFiles().map((f) => f.path)).toEqual(["a.yaml", "defs/d.yaml"]);
    expect(dereference(cache, file)).toEqual({ x: 1, y: { d: 1 }, z: {}, w: {} });
    expect(cache.diagnostics.map((d) => `${d.code} ${d.line}:${d.column}`)).toEqual(["ref-missing-file 3:13", "ref-missing-file 4:13"]);
  });

  it("refuses paths outside the root: beside it, in a folder whose name starts like the root's, and through a link", () => {
    const parent = treeWith({ "spec-other/o.yaml": "o: 1\n", "outside.yaml": "o: 2\n" });
    const root = join(parent, "spec");
    mkdirSync(join(root, "sub"), { recursive: true });
    symlinkSync(join(parent, "outside.yaml"), join(root, "sub/link.yaml"));
    writeFileSync(join(root, "in.yaml"), "i: 1\n");
    writeFileSync(
      join(root, "a.yaml"),
      ['x: {"$ref": "../outside.yaml"}', 'y: {"$ref": "../spec-other/o.yaml"}', 'z: {"$ref": "sub/link.yaml"}', 'w: {"$ref": "sub/../in.yaml"}', ""].join("\n"),
    );
    const cache = new SourceCache(root + "/");
    const file = cache.load("a.yaml")!;
    expect(dereference(cache, file)).toEqual({ x: {}, y: {}, z: {}, w: { i: 1 } });
    expect(cache.diagnostics.map((d) => `${d.code} ${d.line}`)).toEqual(["ref-outside-root 1", "ref-outside-root 2", "ref-outside-root 3"]);
    expect(cache.diagnostics[2].message).toContain("`sub/link.yaml` passes through a symbolic link");
    expect(cache.loadedFiles().map((f) => f.path)).toEqual(["a.yaml", "in.yaml"]);
  });

  it("refuses a fragment that is not a JSON pointer and a protocol-relative URL", () => {
    const root = treeWith({ "a.json": '{"x": {"$ref": "#defs"}, "y": {"$ref": "//example.org/s.json"}}' });
    const cache = new SourceCache(root);
    cache.load("a.json");
    expect(cache.diagnostics.map((d) => `${d.code} ${d.line}:${d.column}`)).toEqual(["ref-missing-pointer 1:16", "ref-url 1:40"]);
  });
});

describe("parseChangelog", () => {
  const text = [
    ".. A comment for editors,",
    "   over two lines.",
    "",
    "Specification changes in v0.2.0 (2015-10-02)",
    "============================================",
    "",
    "Modules, feature profiles.",
    "",
    "- New section.",
    "",
    "Specification changes in v0.1.0 (2015-06-01)",
    "============================================",
    "",
    "- First numbered release.",
    "",
  ].join("\n");

  it("gives the entries, newest first, with version, date, title line and body", () => {
    const log = parseChangelog(text, "CHANGELOG.rst");
    expect(log.diagnostics).toEqual([]);
    expect(log.entries.map((e) => [e.version, e.date, e.titleLine, e.bodyLine])).toEqual([
      ["v0.2.0", "2015-10-02", 4, 7],
      ["v0.1.0", "2015-06-01", 11, 14],
    ]);
    expect(newestEntry(log)?.body).toBe("Modules, feature profiles.\n\n- New section.");
  });

  it("takes a title of the right width with a longer underline, and rejects letters in the version", () => {
    const log = parseChangelog("Specification changes in v1.0.0-rc1 (2016-01-01)\n" + "=".repeat(60) + "\n\nText.\n", "CHANGELOG.rst");
    expect(log.diagnostics.map((d) => `${d.code} ${d.line}`)).toEqual(["changelog-title 1"]);
  });
});
