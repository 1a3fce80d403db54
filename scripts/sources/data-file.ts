// One YAML or JSON source file, parsed with the position of every value kept,
// so that any JSON pointer into it can be turned into file:line:column.
// YAML goes through the `yaml` package (document nodes + LineCounter); JSON
// (`.json` and the extension-less event files) through ./json-text.ts, which is
// strict JSON with exact positions.
import { Document, isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Scalar } from "yaml";
import { error, type Diagnostic } from "../diagnostics.ts";
import { JsonSyntaxError, parseJson, type JsonSpan } from "./json-text.ts";
import { splitPointer } from "./pointer.ts";
import { mapLiteralOffset, type OffsetMap } from "./embedded-text.ts";

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
  private lines: LineCounter;

  constructor(
    /** Path relative to the spec root, forward slashes, symbolic links resolved. */
    readonly path: string,
    readonly absPath: string,
    readonly text: string,
    readonly kind: DataKind,
    readonly value: unknown,
    private readonly yamlDoc: Document | undefined,
    private readonly jsonSpans: Map<string, JsonSpan> | undefined,
  ) {
    this.lines = lineCounterFor(text);
  }

  /** Line and column (1-based) of a text offset. */
  position(offset: number): Position {
    const p = this.lines.linePos(Math.max(0, Math.min(offset, this.text.length)));
    return { line: p.line, column: p.col };
  }

  /**
   * Offset of the value at `pointer`; when the pointer goes further than the file
   * (a missing property), the offset of the deepest value that exists.
   * With `key`, the offset of the property name rather than its value.
   */
  offsetOf(pointer: string, options: { key?: boolean } = {}): number {
    if (this.jsonSpans) {
      let p = pointer;
      for (;;) {
        const span = this.jsonSpans.get(p);
        if (span) return options.key && p === pointer && span.keyStart !== undefined ? span.keyStart : span.start;
        if (p === "") return 0;
        p = p.slice(0, p.lastIndexOf("/"));
      }
    }
    if (this.yamlDoc) {
      const found = yamlNodeAt(this.yamlDoc, pointer);
      if (found.complete && found.keyOffset !== undefined) {
        // A block mapping or sequence starts on the line after its key; the key is the better place.
        const block = (isMap(found.node) || isSeq(found.node)) && !found.node.flow;
        if (options.key || block) return found.keyOffset;
      }
      return found.offset;
    }
    return 0;
  }

  /** file:line:column parts for the value at `pointer`. */
  locate(pointer: string, options: { key?: boolean } = {}): { file: string } & Position {
    return { file: this.path, ...this.position(this.offsetOf(pointer, options)) };
  }

  /** The string at `pointer` with a mapping from offsets inside it to file offsets. */
  embeddedText(pointer: string): EmbeddedText | undefined {
    if (this.yamlDoc) {
      const found = yamlNodeAt(this.yamlDoc, pointer);
      if (!found.complete || !isScalar(found.node) || typeof found.node.value !== "string") return undefined;
      const node = found.node as Scalar<string>;
      const start = node.range?.[0] ?? 0;
      return { text: node.value, start, map: mapLiteralOffset(this.text, node.type ?? "PLAIN", start, node.range?.[1] ?? start, node.value) };
    }
    if (this.jsonSpans) {
      const span = this.jsonSpans.get(pointer);
      const value = this.jsonSpans && span ? sliceString(this.text, span) : undefined;
      if (!span || value === undefined) return undefined;
      return { text: value.text, start: span.start, map: value.map };
    }
    return undefined;
  }
}

function sliceString(text: string, span: JsonSpan): { text: string; map: OffsetMap } | undefined {
  if (text[span.start] !== '"') return undefined;
  const raw = text.slice(span.start + 1, span.end - 1);
  let value: string;
  try {
    value = JSON.parse(text.slice(span.start, span.end)) as string;
  } catch {
    return undefined;
  }
  // Without escapes the characters line up one to one with the source.
  const exact = raw === value;
  return { text: value, map: (offset) => (exact ? span.start + 1 + offset : undefined) };
}

interface YamlLookup {
  node: Node | null;
  offset: number;
  keyOffset?: number;
  complete: boolean;
}

function yamlNodeAt(doc: Document, pointer: string): YamlLookup {
  let node = doc.contents as Node | null;
  let offset = node?.range?.[0] ?? 0;
  let keyOffset: number | undefined;
  for (const seg of splitPointer(pointer)) {
    if (isAlias(node)) node = (node.resolve(doc) as Node | undefined) ?? null;
    let next: Node | null | undefined;
    keyOffset = undefined;
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === seg);
      if (pair) {
        keyOffset = isScalar(pair.key) ? pair.key.range?.[0] : undefined;
        next = pair.value as Node | null;
        // `key:` with nothing after it: point at the key.
        if (next === null || !next.range || (isScalar(next) && next.value === null && next.range[0] === next.range[1])) {
          return { node: next ?? null, offset: keyOffset ?? offset, keyOffset, complete: true };
        }
      }
    } else if (isSeq(node)) {
      next = /^\d+$/.test(seg) ? (node.items[Number(seg)] as Node | null | undefined) : undefined;
    }
    if (next === undefined || next === null) return { node, offset, complete: false };
    node = next;
    offset = node.range?.[0] ?? offset;
  }
  return { node, offset, keyOffset, complete: true };
}

function lineCounterFor(text: string): LineCounter {
  const lc = new LineCounter();
  lc.addNewLine(0);
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) lc.addNewLine(i + 1);
  return lc;
}

/** The kind of a source file from its name: `.yaml`/`.yml` are YAML, everything else JSON. */
export function kindOf(path: string): DataKind {
  return /\.ya?ml$/i.test(path) ? "yaml" : "json";
}

export type ParseResult = { file: DataFile; diagnostics: Diagnostic[] } | { file: undefined; diagnostics: Diagnostic[] };

/** Parse the text of a source file; syntax errors become diagnostics at their place. */
export function parseDataFile(path: string, absPath: string, text: string, kind: DataKind = kindOf(path)): ParseResult {
  const at = (offset: number) => {
    const lc = lineCounterFor(text).linePos(offset);
    return { file: path, line: lc.line, column: lc.col };
  };
  if (text.trim() === "") {
    return { file: undefined, diagnostics: [error("file-empty", "This file is empty.", { file: path, line: 1, column: 1 })] };
  }
  if (kind === "json") {
    try {
      const parsed = parseJson(text);
      return { file: new DataFile(path, absPath, text, kind, parsed.value, undefined, parsed.spans), diagnostics: [] };
    } catch (e) {
      if (!(e instanceof JsonSyntaxError)) throw e;
      return { file: undefined, diagnostics: [error("json-syntax", `This file is not valid JSON: ${e.message}.`, at(e.offset))] };
    }
  }
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, keepSourceTokens: false });
  if (doc.errors.length > 0) {
    const diagnostics = doc.errors.map((e) =>
      error("yaml-syntax", `This file is not valid YAML: ${plainYamlMessage(e.message)}`, at(e.pos[0])),
    );
    return { file: undefined, diagnostics };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 1000 });
  } catch (e) {
    return { file: undefined, diagnostics: [error("yaml-syntax", `This file is not valid YAML: ${(e as Error).message}`, at(0))] };
  }
  return { file: new DataFile(path, absPath, text, kind, value, doc, undefined), diagnostics: [] };
}

function plainYamlMessage(message: string): string {
  const first = message.split("\n")[0].replace(/ at line \d+, column \d+:?$/, "").trim();
  return /[.!?]$/.test(first) ? first : first + ".";
}
