// ./common-yaml.ts must give exactly what the `yaml` package path gives (value,
// pointers, positions) whenever it gives anything: checked on the spec's own
// files, on mutations of them, and on generated documents that mix every
// style of scalar and collection, comments, blank lines and CRLF.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mutatedText } from "../fuzz/mutations.ts";
import { parseCommonYaml } from "./common-yaml.ts";
import { parseDataFile, parseWithYamlPackage, type Parsed } from "./data-file.ts";

// `npm run fuzz` (FUZZ_LONG=1) runs many more inputs with a fresh seed; FUZZ_SEED replays one.
const LONG = process.env.FUZZ_LONG === "1";
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : LONG ? Date.now() : 7;
const RUNS = (short: number) => Number(process.env.FUZZ_RUNS ?? (LONG ? short * 20 : short));

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

/** What the `yaml` package path gives for a text: its value and index, or its first diagnostic. */
function throughYamlPackage(text: string): Parsed | string {
  const result = parseWithYamlPackage("t.yaml", "/t.yaml", text);
  if (!result.file) return result.diagnostics.map((d) => d.message).join("; ");
  const index = (result.file as unknown as { index: Parsed["index"] }).index;
  return { value: result.file.value, index };
}

/** Fails when the fast path gives a result that differs from the `yaml` package's; returns whether it gave one. */
function sameAsYamlPackage(text: string): boolean {
  const fast = parseCommonYaml(text);
  if (!fast) return false;
  const slow = throughYamlPackage(text);
  expect(typeof slow === "string" ? slow : "parsed", "the `yaml` package accepts it too").toBe("parsed");
  const expected = slow as Parsed;
  expect(fast.value).toStrictEqual(expected.value);
  expect([...fast.index.keys()]).toStrictEqual([...expected.index.keys()]);
  for (const [pointer, span] of expected.index) expect({ pointer, span: fast.index.get(pointer) }).toStrictEqual({ pointer, span });
  return true;
}

function specYamlFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith(".yaml")) out.push(path);
    }
  };
  walk(join(ROOT, "api"));
  out.push(join(ROOT, "specification/targets.yaml"));
  return out;
}

describe("common YAML through js-yaml's events", () => {
  it("gives the `yaml` package's value and positions for the spec's own files", () => {
    const files = specYamlFiles();
    const fast = files.filter((f) => sameAsYamlPackage(readFileSync(f, "utf8")));
    // Nearly all of them take the fast path (pushrules.yaml's closing brackets are too little indented for js-yaml).
    expect(fast.length).toBeGreaterThan(files.length * 0.8);
  });

  it("places keys, values, blocks and scalars as the `yaml` package does", () => {
    const text = [
      "a: 1",
      "'q': \"two\"",
      "b: |",
      "  {\"x\": 1}",
      "",
      "c: >-  # a | comment",
      "  folded",
      "   more",
      "",
      "d:",
      "- x",
      "-",
      "- {k: [1, 'y']}",
      "e:",
      "__proto__: p",
      "200: ok",
      "f: |-",
      "  stripped",
      "   ",
      "",
    ].join("\n");
    expect(sameAsYamlPackage(text)).toBe(true);
    const value = parseCommonYaml(text)!.value as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toContain("__proto__");
    expect(parseCommonYaml(text)!.index.get("/b")).toStrictEqual({ start: 19, keyStart: 16, scalar: { style: "BLOCK_LITERAL", end: 32 } });
  });

  it("leaves to the `yaml` package what it alone can word or decide", () => {
    for (const text of [
      "a: [1, 2",                     // a syntax error
      "a: &x 1\nb: *x",               // anchors and aliases
      "a: !!str 1",                   // tags
      "%YAML 1.1\n---\na: yes",       // directives
      "a: 1\n---\nb: 2",              // two documents
      "a: 1\na: 2",                   // a duplicate key
      "1: a\n'1': b",                 // keys equal once stringified
      "? [a]\n: b",                   // a collection as a key
      "~: a",                         // a null key
      "a: 1e999",                     // a number too large for a double
      "a: |2\n   x",                  // an explicit indentation indicator
      "a: |+\n  x\n\n",               // kept trailing lines
      "...\na: 1",                     // document markers
      "a:\tb",                        // tabs
      "a: 1\rb: 2",                   // a lone carriage return
      "\ufeff- - ",                    // a byte order mark
      "x".repeat(1100) + ": 1",       // a key too long for the \`yaml\` package
      "[".repeat(200) + "]".repeat(200), // deeper than the limit
    ]) {
      expect(parseCommonYaml(text), text).toBeUndefined();
      const result = parseDataFile("t.yaml", "/t.yaml", text);
      expect(result.diagnostics).toStrictEqual(parseWithYamlPackage("t.yaml", "/t.yaml", text).diagnostics);
    }
  });

  it("agrees with the `yaml` package on mutated spec files", () => {
    // The first lines of each file: long texts, duplicated and repeated by several mutations, outgrow a string
    // (long runs can still meet that limit of ../fuzz/mutations.ts now and then: a RangeError there, not here).
    const bases = specYamlFiles().map((f) => readFileSync(f, "utf8").split("\n").slice(0, 60).join("\n"));
    const input = fc.constantFrom(...bases).chain((base) => mutatedText("yaml", base));
    let fast = 0;
    fc.assert(fc.property(input, (text) => void (sameAsYamlPackage(text) && fast++)), { seed: SEED, numRuns: RUNS(300) });
    expect(fast).toBeGreaterThan(RUNS(300) / 20);
  }, 1_200_000);

  it("agrees with the `yaml` package on generated documents", () => {
    let fast = 0;
    fc.assert(fc.property(yamlDocument, (text) => void (sameAsYamlPackage(text) && fast++)), { seed: SEED + 1, numRuns: RUNS(1500) });
    // Enough of them are common YAML for the comparison to mean something.
    expect(fast).toBeGreaterThan(RUNS(1500) / 4);
  }, 1_200_000);
});

// Generated documents: random trees written in random styles. Many are not valid
// YAML; the property only asks that the fast path never disagrees.

type Tree = { scalar: string; style: number } | { map: [string, Tree][]; flow: boolean } | { seq: Tree[]; flow: boolean } | { empty: true };

const WORDS = [
  "", "~", "null", "Null", "true", "False", "1", "-0", "+12", "012", "0o17", "0x1F", "1e3", ".5", "1.", "-.inf", ".NaN", "1e999",
  "99999999999999999999", "a b", "a:b", "a #b", "a# b", "x~y/z", "__proto__", "toString", "<<", "café", "-", "?", ":", "'", '"',
  "line\nbreak", "  lead", "trail  ", "tab\there", "{", "[a]", "http://h/p?a=1&b=2", "|", ">", "--- x", "#", "*", "&", "!",
];

const scalarText = fc.constantFrom(...WORDS);
const tree: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.record({ scalar: scalarText, style: fc.integer({ min: 0, max: 7 }) }),
    fc.constant({ empty: true as const }),
    fc.record({ map: fc.array(fc.tuple(scalarText, tie("node")), { maxLength: 4 }), flow: fc.boolean() }),
    fc.record({ seq: fc.array(tie("node"), { maxLength: 4 }), flow: fc.boolean() }),
  ),
})).node;

/** A scalar in one of the styles: plain, single or double quoted, literal or folded block with each chomping. */
function writeScalar(s: string, style: number, indent: string): string {
  switch (style) {
    case 0:
    case 1:
      return s.replace(/\n/g, " ");
    case 2:
      return `'${s.replace(/'/g, "''")}'`;
    case 3:
      return JSON.stringify(s);
    default: {
      const header = ["|", ">", "|-", ">+", "|+", "> # note |"][style % 6];
      const body = s === "" ? [] : s.split("\n").map((l) => indent + "  " + l);
      return [header, ...body, ...(style % 2 ? [""] : [indent + " ", ""])].join("\n");
    }
  }
}

function writeFlow(t: Tree): string {
  if ("scalar" in t) return writeScalar(t.scalar, Math.min(t.style, 3), "");
  if ("empty" in t) return "";
  if ("map" in t) return `{${t.map.map(([k, v]) => `${writeScalar(k, 3, "")}: ${writeFlow(v)}`).join(", ")}}`;
  return `[${t.seq.map(writeFlow).join(", ")}]`;
}

/** Lines of a block node at `indent`; `lead` is what comes before it on its first line (`key:` or `-`). */
function writeBlock(t: Tree, indent: string, lead: string): string[] {
  if ("empty" in t) return [lead];
  if ("scalar" in t) return [`${lead} ${writeScalar(t.scalar, t.style, indent)}`];
  if (t.flow || ("map" in t ? t.map.length : t.seq.length) === 0) return [`${lead} ${writeFlow(t)}`];
  const inner = indent + "  ";
  const lines: string[] = lead === "" ? [] : [lead];
  if ("map" in t) {
    for (const [k, v] of t.map) lines.push(...writeBlock(v, inner, `${inner}${/^[a-z_]+$/.test(k) ? k : JSON.stringify(k)}:`));
  } else {
    for (const item of t.seq) lines.push(...writeBlock(item, inner, `${inner}-`));
  }
  return lines;
}

const yamlDocument = fc
  .record({
    root: tree,
    comment: fc.boolean(),
    crlf: fc.boolean(),
    blank: fc.nat({ max: 5 }),
    // Line ends: a comment, trailing blanks, a blank or comment line after it, a value continued on the next line.
    ends: fc.array(fc.tuple(fc.nat(), fc.constantFrom(" # c", "  ", "\n", "\n# c", "\n    more")), { maxLength: 3 }),
  })
  .map(({ root, comment, crlf, blank, ends }) => {
    const lines = writeBlock(root, "", "").map((l) => l.replace(/^ {2}/, ""));
    for (const [at, end] of ends) if (lines.length) lines[at % lines.length] += end;
    if (comment) lines.splice(Math.min(blank, lines.length), 0, "# a comment");
    if (blank) lines.splice(Math.min(blank, lines.length), 0, "");
    const text = (lines.length ? lines : ["x"]).join("\n");
    return crlf ? text.replace(/\n/g, "\r\n") : text;
  });
