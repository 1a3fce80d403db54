// One YAML or JSON source file, parsed with the position of every value kept,
// so that any JSON pointer into it can be turned into file:line:column.
// YAML goes through js-yaml's event stream when it is common YAML
// (./common-yaml.ts, about four times faster), else through the `yaml` package
// (document nodes with their ranges), which words every YAML diagnostic;
// JSON (`.json` and the extension-less event files) through ./json-text.ts,
// which is strict JSON with exact positions. Either way the result is the value
// plus a `PositionIndex` (pointer → where it is written), which is plain data:
// ./parse-cache.ts keeps it between runs.
import { createRequire } from "node:module";
import type { Document, Node } from "yaml";
import { error, type Diagnostic } from "../diagnostics/diagnostic.ts";
import { parseCommonYaml } from "./common-yaml.ts";
import { mapLiteralOffset, type OffsetMap } from "./embedded-text.ts";
import { JsonDepthError, JsonSyntaxError, parseJson } from "./json-text.ts";
import { MAX_DATA_DEPTH } from "./limits.ts";
import { childPointer, getByPointer } from "./pointer.ts";
import type { NodeSpan, Parsed, PositionIndex } from "./position-index.ts";

export type { NodeSpan, Parsed, PositionIndex };

// The `yaml` package is loaded on first use: when every YAML file comes from the
// parse cache or ./common-yaml.ts, it is not needed at all. In dist/, the bare
// `require` is esbuild's: it bundles the package and runs its modules on this
// first call (some 25 ms less than loading its sixty files from node_modules);
// running the TypeScript (tests, tsx), there is no bare `require` in a module.
let yamlPackage: typeof import("yaml") | undefined;
const yaml = () =>
  (yamlPackage ??= (typeof require === "function" ? require("yaml") : createRequire(import.meta.url)("yaml")) as typeof import("yaml"));

/** Line and column (1-based) of offsets in a text. */
class LineStarts {
  private readonly starts: number[] = [0];
  constructor(text: string) {
    for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) this.starts.push(i + 1);
  }
  linePos(offset: number): { line: number; col: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: offset - this.starts[lo] + 1 };
  }
}

export type DataKind = "yaml" | "json";

export interface Position {
  line: number;
  column: number;
}

/** A string value of a file (e.g. a JSON example) and how to map offsets in it back to the file. */
export interface EmbeddedText {
  text: string;
  /** File offset of the string's value start (used when a finer mapping is not possible). */
  start: number;
  /** File offset for an offset inside `text`, when it can be mapped exactly. */
  map: OffsetMap;
}

export class DataFile {
  private readonly lines: LineStarts;

  constructor(
    /** Path relative to the spec root, forward slashes, symbolic links resolved. */
    readonly path: string,
    readonly absPath: string,
    readonly text: string,
    readonly kind: DataKind,
    readonly value: unknown,
    private readonly index: PositionIndex,
  ) {
    this.lines = new LineStarts(text);
  }

  /** Line and column (1-based) of a text offset. */
  position(offset: number): Position {
    const p = this.lines.linePos(Math.max(0, Math.min(offset, this.text.length)));
    return { line: p.line, column: p.col };
  }

  /**
   * Offset of the value at `pointer`; when the pointer goes further than the file
   * (a missing property), that of the deepest value that exists. A YAML block
   * mapping or sequence is placed at its key, and so is any value with `key`.
   */
  offsetOf(pointer: string, options: { key?: boolean } = {}): number {
    for (let p = pointer; ; p = p.slice(0, p.lastIndexOf("/"))) {
      const span = this.index.get(p);
      if (span) return span.keyStart !== undefined && ((options.key && p === pointer) || span.block) ? span.keyStart : span.start;
      if (p === "") return 0;
    }
  }

  /** file:line:column parts for the value at `pointer`. */
  locate(pointer: string, options: { key?: boolean } = {}): { file: string } & Position {
    return { file: this.path, ...this.position(this.offsetOf(pointer, options)) };
  }

  /** The string at `pointer` with a mapping from offsets inside it to file offsets. */
  embeddedText(pointer: string): EmbeddedText | undefined {
    const span = this.index.get(pointer);
    const value = getByPointer(this.value, pointer);
    if (!span?.scalar || typeof value !== "string") return undefined;
    if (span.scalar.style === "JSON") {
      // Without escapes the characters line up one to one with the source.
      const exact = this.text.slice(span.start + 1, span.scalar.end - 1) === value;
      return { text: value, start: span.start, map: (o) => (exact && o < value.length ? span.start + 1 + o : undefined) };
    }
    return { text: value, start: span.start, map: mapLiteralOffset(this.text, span.scalar.style, span.start, span.scalar.end, value) };
  }
}

/** The kind of a source file from its name: `.json` is JSON, everything else (`.yaml`, no extension) YAML, which accepts JSON. */
export function kindOf(path: string): DataKind {
  return /\.json$/i.test(path) ? "json" : "yaml";
}

/** YAML text that is written as JSON: parsed as JSON first, for exact positions and JSON's own error messages. */
function looksLikeJson(text: string): boolean {
  return /^\s*[[{]/.test(text);
}

export type ParseResult = { file: DataFile; diagnostics: Diagnostic[] } | { file: undefined; diagnostics: Diagnostic[] };

/** Reuse of earlier parses (see ./parse-cache.ts). */
export interface ParseMemo {
  get(kind: DataKind, text: string): Parsed | undefined;
  set(kind: DataKind, text: string, parsed: Parsed): void;
}

/** file:line:column of an offset in a text. */
function lineAt(path: string, text: string): At {
  return (offset: number) => {
    const p = new LineStarts(text).linePos(offset);
    return { file: path, line: p.line, column: p.col };
  };
}

/** Parse the text of a source file; syntax errors become diagnostics at their place. */
export function parseDataFile(path: string, absPath: string, text: string, kind: DataKind = kindOf(path), memo?: ParseMemo): ParseResult {
  const at = lineAt(path, text);
  if (text.trim() === "") {
    return { file: undefined, diagnostics: [error("file-empty", "This file is empty.", { file: path, line: 1, column: 1 })] };
  }
  const known = memo?.get(kind, text);
  if (known) return { file: new DataFile(path, absPath, text, kind, known.value, known.index), diagnostics: [] };
  if (kind === "json" || looksLikeJson(text)) {
    try {
      const parsed = parseJson(text);
      const index: PositionIndex = new Map();
      for (const [pointer, span] of parsed.spans) {
        const s: NodeSpan = { start: span.start };
        if (span.keyStart !== undefined) s.keyStart = span.keyStart;
        if (text[span.start] === '"') s.scalar = { style: "JSON", end: span.end };
        index.set(pointer, s);
      }
      memo?.set(kind, text, { value: parsed.value, index });
      return { file: new DataFile(path, absPath, text, kind, parsed.value, index), diagnostics: [] };
    } catch (e) {
      if (!(e instanceof JsonSyntaxError)) throw e;
      if (e instanceof JsonDepthError) return { file: undefined, diagnostics: [tooDeep(at(e.offset))] };
      const jsonError = { file: undefined, diagnostics: [error("json-syntax", `This file is not valid JSON: ${e.message}.`, at(e.offset))] };
      if (kind === "json") return jsonError;
      // YAML accepts more than JSON (comments, trailing commas in flow style); if it fails too, JSON's message says more.
      const asYaml = parseYaml(path, absPath, text, memo, at);
      return asYaml.file ? asYaml : jsonError;
    }
  }
  return parseYaml(path, absPath, text, memo, at);
}

type At = (offset: number) => { file: string; line: number; column: number };

/** YAML: the common case through ./common-yaml.ts (fast), anything else through the `yaml` package. */
function parseYaml(path: string, absPath: string, text: string, memo: ParseMemo | undefined, at: At): ParseResult {
  const common = parseCommonYaml(text);
  if (!common) return parseWithYamlPackage(path, absPath, text, memo, at);
  memo?.set("yaml", text, common);
  return { file: new DataFile(path, absPath, text, "yaml", common.value, common.index), diagnostics: [] };
}

/**
 * YAML through the `yaml` package's document, with its diagnostics. Exported for
 * the tests that hold ./common-yaml.ts to giving the same value and positions.
 */
export function parseWithYamlPackage(path: string, absPath: string, text: string, memo?: ParseMemo, at: At = lineAt(path, text)): ParseResult {
  const kind: DataKind = "yaml";
  let doc: Document;
  try {
    const parsed = parseYamlDocument(text);
    if ("deep" in parsed) return { file: undefined, diagnostics: [tooDeep(at(parsed.deep))] };
    if ("errors" in parsed) {
      return { file: undefined, diagnostics: parsed.errors.map((e) => error("yaml-syntax", `This file is not valid YAML: ${plainYamlMessage(e.message)}`, at(e.offset))) };
    }
    doc = parsed.doc;
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    // The YAML parser ran out of stack: only very deep nesting does that.
    return { file: undefined, diagnostics: [tooDeep(at(deepestLineStart(text)))] };
  }
  if (doc.errors.length > 0) {
    // The parser reports its own stack overflow as an error; it is nesting too deep.
    const overflow = doc.errors.find((e) => /call stack/i.test(e.message));
    if (overflow) return { file: undefined, diagnostics: [tooDeep(at(overflow.pos[0]))] };
    const diagnostics = doc.errors.slice(0, MAX_YAML_ERRORS).map((e) =>
      error("yaml-syntax", `This file is not valid YAML: ${plainYamlMessage(e.message)}`, at(e.pos[0])),
    );
    return { file: undefined, diagnostics };
  }
  // Before anything walks the document (toJS and the index recurse), bound its depth.
  const deep = tooDeepYamlNode(doc);
  if (deep !== undefined) return { file: undefined, diagnostics: [tooDeep(at(deep))] };
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 1000 });
  } catch (e) {
    return { file: undefined, diagnostics: [error("yaml-syntax", `This file is not valid YAML: ${(e as Error).message}`, at(0))] };
  }
  const index = indexYaml(doc);
  memo?.set(kind, text, { value, index });
  return { file: new DataFile(path, absPath, text, kind, value, index), diagnostics: [] };
}

/** Where every value of a YAML document is written, by JSON pointer. */
function indexYaml(doc: Document): PositionIndex {
  const { isAlias, isMap, isScalar, isSeq } = yaml();
  const index: PositionIndex = new Map();
  const visiting = new Set<Node>();
  const visit = (input: Node | null | undefined, pointer: string, keyStart: number | undefined, fallback: number) => {
    let node = input;
    if (isAlias(node)) node = (node.resolve(doc) as Node | undefined) ?? null;
    const range = input?.range ?? node?.range;
    // `key:` with nothing after it: the key is the place.
    const empty = !node || !range || (isScalar(node) && node.value === null && range[0] === range[1]);
    const span: NodeSpan = { start: empty ? (keyStart ?? fallback) : range![0] };
    if (keyStart !== undefined) span.keyStart = keyStart;
    if ((isMap(node) || isSeq(node)) && !node.flow && !isAlias(input)) span.block = true;
    if (isScalar(node) && typeof node.value === "string" && range) span.scalar = { style: node.type ?? "PLAIN", end: range[1] };
    index.set(pointer, span);
    // Values under an alias are placed at the alias (their ancestor in the index):
    // descending into it again could take exponential time on nested aliases.
    if (!node || isAlias(input) || visiting.has(node)) return;
    visiting.add(node);
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        const k = isScalar(pair.key) ? pair.key.range?.[0] : undefined;
        visit(pair.value as Node | null, childPointer(pointer, key), k, k ?? span.start);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => visit(item as Node | null, childPointer(pointer, i), undefined, span.start));
    }
    visiting.delete(node);
  };
  visit(doc.contents as Node | null, "", undefined, 0);
  return index;
}

/** Syntax errors after which a YAML file is not read further: the rest would mostly be noise, and costly. */
const MAX_YAML_ERRORS = 20;

/**
 * `yaml.parseDocument`, in its two steps, stopping early: the parser's tokens are
 * gathered first, and if more than MAX_YAML_ERRORS of them are errors (junk such
 * as thousands of unbalanced brackets, which the composer is slow on), only the
 * first ones are reported. A second document is an error, as parseDocument has it.
 */
function parseYamlDocument(text: string): { doc: Document } | { errors: { message: string; offset: number }[] } | { deep: number } {
  const { Composer, Parser } = yaml();
  const tokens: import("yaml").CST.Token[] = [];
  const errors: { message: string; offset: number }[] = [];
  for (const token of new Parser().parse(text)) {
    if (token.type === "error") {
      errors.push({ message: token.message, offset: token.offset });
      if (errors.length > MAX_YAML_ERRORS) return { errors: errors.slice(0, MAX_YAML_ERRORS) };
    }
    tokens.push(token);
  }
  // Too deep for the limit: found on the parser's tokens, before the composer (which recurses, and is slow on it).
  const deep = tooDeepYamlTokens(tokens);
  if (deep !== undefined) return { deep };
  const docs = [...new Composer({ prettyErrors: false, uniqueKeys: true }).compose(tokens, true, text.length)];
  const doc = docs[0] as Document;
  if (docs.length > 1) return { errors: [{ message: "This file holds more than one YAML document (a second `---` or `...`).", offset: docs[1].range[0] }] };
  return { doc };
}

/** The offset of the first collection nested deeper than MAX_DATA_DEPTH among the parser's tokens, or undefined. Iterative. */
function tooDeepYamlTokens(tokens: readonly import("yaml").CST.Token[]): number | undefined {
  type Loose = { type?: string; offset?: number; value?: unknown; items?: { key?: unknown; value?: unknown }[] };
  const stack: [Loose | undefined, number][] = tokens.map((t) => [t as Loose, 0]);
  while (stack.length) {
    const [token, depth] = stack.pop()!;
    if (!token || typeof token !== "object") continue;
    let d = depth;
    if (token.type === "flow-collection" || token.type === "block-map" || token.type === "block-seq") {
      d = depth + 1;
      if (d > MAX_DATA_DEPTH) return token.offset ?? 0;
    }
    if (token.type === "document") stack.push([token.value as Loose, d]);
    for (const item of token.items ?? []) {
      stack.push([item.value as Loose, d]);
      stack.push([item.key as Loose, d]);
    }
  }
  return undefined;
}

function tooDeep(where: Partial<Diagnostic>): Diagnostic {
  return error("nesting-too-deep", `Arrays and objects are nested more than ${MAX_DATA_DEPTH} levels deep here; that is the limit.`, where);
}

/**
 * The offset of the first collection nested deeper than MAX_DATA_DEPTH in a YAML
 * document (aliases are not followed: their targets are checked where they are
 * written), or undefined. Iterative, so any depth is safe.
 */
function tooDeepYamlNode(doc: Document): number | undefined {
  const { isMap, isPair, isSeq } = yaml();
  const stack: [unknown, number][] = [[doc.contents, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (!isMap(node) && !isSeq(node)) continue;
    if (depth >= MAX_DATA_DEPTH) return node.range?.[0] ?? 0;
    for (const item of node.items as unknown[]) {
      if (isPair(item)) {
        stack.push([item.value, depth + 1]);
        stack.push([item.key, depth + 1]);
      } else stack.push([item, depth + 1]);
    }
  }
  return undefined;
}

/** The start of the most indented line: where a block document too deep for the parser goes deepest. */
function deepestLineStart(text: string): number {
  let best = 0;
  let bestIndent = -1;
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf("\n", start);
    if (end === -1) end = text.length;
    let indent = start;
    while (indent < end && text.charCodeAt(indent) === 0x20) indent++;
    if (indent - start > bestIndent && indent < end) {
      bestIndent = indent - start;
      best = indent;
    }
    start = end + 1;
  }
  return best;
}

function plainYamlMessage(message: string): string {
  const first = message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "").trim();
  return /[.!?]$/.test(first) ? first : first + ".";
}
