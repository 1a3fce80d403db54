// The fast way through YAML for the common case. js-yaml's `parseEvents` gives
// a flat list of events (collection starts, scalars with their source ranges,
// ends) in about a quarter of the time the `yaml` package takes to build its
// document (most of a cold run's loading went there). One pass over the events
// builds the value and the position index together; scalars are decoded and
// typed by js-yaml (its core schema, the same YAML 1.2 core schema as the
// `yaml` package's). The result must be exactly what ./data-file.ts gets from
// the `yaml` package (value, pointers, positions); so anything outside the plain
// subset where the two are known to agree gives `undefined`, and the caller
// parses with the `yaml` package as before: syntax errors (every diagnostic
// keeps its wording), tags, anchors and aliases, directives, `---` and `...`,
// several documents, keys that are not plain strings or numbers, duplicate
// keys, very long keys, nesting at the depth limit, numbers too large for a
// double, `|+` blocks, tabs, lone carriage returns and byte order marks.
import {
  CHOMPING_MODE,
  COLLECTION_STYLE,
  CORE_SCHEMA,
  EVENT_ID,
  getScalarValue,
  NOT_RESOLVED,
  parseEvents,
  SCALAR_STYLE,
  type Event,
  type ScalarEvent,
  type ScalarTagDefinition,
} from "js-yaml";
import type { NodeSpan, Parsed, PositionIndex } from "./position-index.ts";
import { MAX_DATA_DEPTH } from "./limits.ts";
import { escapeSegment } from "./pointer.ts";

const LONE_CR = /\r(?!\n)/;
const DOCUMENT_MARKER = /^(?:---|\.\.\.)(?:[ \r\n]|$)/m;

/** Within YAML's 1024 characters from an implicit key's start to its `:`, with room to spare. */
const MAX_KEY_SPAN = 1000;

/** js-yaml's "no such range" offset. */
const NONE = -1;

/** The `yaml` package's names of the scalar styles, which the index keeps. */
const STYLE_NAMES: Record<number, string> = {
  [SCALAR_STYLE.PLAIN]: "PLAIN",
  [SCALAR_STYLE.SINGLE_QUOTED]: "QUOTE_SINGLE",
  [SCALAR_STYLE.DOUBLE_QUOTED]: "QUOTE_DOUBLE",
  [SCALAR_STYLE.LITERAL_BLOCK]: "BLOCK_LITERAL",
  [SCALAR_STYLE.FOLDED_BLOCK]: "BLOCK_FOLDED",
};

/** An array or object being filled, with where it is. */
interface Frame {
  value: unknown[] | Record<string, unknown>;
  pointer: string;
  /** Where it starts: an empty item of a sequence is placed there. */
  start: number;
  depth: number;
  /** In a mapping: the key read, waiting for its value. */
  key?: string;
  keyStart?: number;
}

/** Why the fast path gives up: the `yaml` package decides instead. */
class NotCommon extends Error {}
const giveUp = (): never => {
  throw new NotCommon();
};

/** The value and position index of a YAML text, or undefined when the `yaml` package must parse it. */
export function parseCommonYaml(text: string): Parsed | undefined {
  // A lone carriage return is a line break to js-yaml, not to the `yaml` package;
  // and the `yaml` package refuses tabs in more places than js-yaml does.
  // Document markers (`---`, `...`) are left to it too: js-yaml drops an empty document before `...`;
  // and a byte order mark, which shifts the `yaml` package's columns.
  if (LONE_CR.test(text) || text.includes("\t") || text.includes("\ufeff") || DOCUMENT_MARKER.test(text)) return undefined;
  let events: Event[];
  try {
    // One level more than our limit: deeper documents are given up below, not refused here.
    events = parseEvents(text, { maxDepth: MAX_DATA_DEPTH + 1 });
  } catch {
    return undefined; // a syntax error: the `yaml` package words the diagnostic
  }
  try {
    return new EventWalk(text).run(events);
  } catch (e) {
    if (e instanceof NotCommon) return undefined;
    throw e;
  }
}

class EventWalk {
  private readonly index: PositionIndex = new Map();
  private readonly frames: Frame[] = [];
  private root: unknown = null;
  /** Where the last scalar or collection start seen ends: the lower bound of a block scalar's indicator. */
  private lastEnd = 0;

  constructor(private readonly text: string) {}

  run(events: readonly Event[]): Parsed {
    const first = events[0];
    // One document, without directives (`%YAML 1.1` would change how scalars are typed)
    // and without `---` or `...` (js-yaml also takes an indented ` ---` for one).
    if (first?.type !== EVENT_ID.DOCUMENT || first.directives.length > 0 || first.explicitStart || first.explicitEnd) giveUp();
    let i = 1;
    for (; i < events.length; i++) {
      const event = events[i];
      if (event.type === EVENT_ID.POP && this.frames.length === 0) break; // the document's end
      this.step(event);
    }
    if (i !== events.length - 1) giveUp(); // a second document, or no end
    return { value: this.root, index: this.index };
  }

  private step(event: Event): void {
    switch (event.type) {
      case EVENT_ID.SCALAR:
        return this.scalar(event);
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE: {
        if (event.tagStart !== NONE || event.anchorStart !== NONE) giveUp();
        const value = event.type === EVENT_ID.MAPPING ? {} : [];
        const span: NodeSpan = { start: event.start };
        if (event.style === COLLECTION_STYLE.BLOCK) span.block = true;
        const parent = this.frames[this.frames.length - 1];
        if (parent && !Array.isArray(parent.value) && parent.key === undefined) giveUp(); // a collection as a key
        const depth = parent ? parent.depth + 1 : 0;
        // At the limit the `yaml` path gives the nesting diagnostic.
        if (depth >= MAX_DATA_DEPTH - 1) giveUp();
        this.lastEnd = event.start;
        const pointer = this.place(value, span, false);
        this.frames.push({ value, pointer, start: event.start, depth });
        return;
      }
      case EVENT_ID.POP: {
        const frame = this.frames.pop()!;
        if (frame.key !== undefined) giveUp(); // a key without a value event
        return;
      }
      default:
        giveUp(); // an alias, or another document
    }
  }

  private scalar(event: ScalarEvent): void {
    if (event.tagStart !== NONE || event.anchorStart !== NONE) giveUp();
    // Kept trailing blank lines (`|+`): the two libraries count them differently in some cases.
    if (event.chomping === CHOMPING_MODE.KEEP && event.style !== SCALAR_STYLE.PLAIN) giveUp();
    const empty = event.valueStart === NONE;
    const value = empty ? null : scalarValue(this.text, event);
    const parent = this.frames[this.frames.length - 1];
    if (parent && !Array.isArray(parent.value) && parent.key === undefined) {
      this.key(parent, event, value);
      return;
    }
    const span: NodeSpan = { start: empty ? 0 : this.sourceStart(event) };
    if (typeof value === "string") span.scalar = { style: STYLE_NAMES[event.style], end: this.sourceEnd(event) };
    if (!empty) this.lastEnd = span.scalar?.end ?? event.valueEnd;
    this.place(value, span, empty);
  }

  /** A mapping key: a string, a number or a boolean, written once. */
  private key(frame: Frame, event: ScalarEvent, value: unknown): void {
    // A `null` key is "" in the value but "null" in the `yaml` path's pointers: left to it.
    if (value === null || typeof value === "object") giveUp();
    const key = String(value);
    if (Object.prototype.hasOwnProperty.call(frame.value, key)) giveUp(); // the `yaml` path decides whether it is a duplicate
    frame.key = key;
    frame.keyStart = this.sourceStart(event);
    this.lastEnd = event.style === SCALAR_STYLE.PLAIN ? event.valueEnd : this.sourceEnd(event);
    // The `yaml` package refuses an implicit key whose `:` is more than 1024 characters after its start.
    const colon = this.text.indexOf(":", this.lastEnd);
    if (colon === -1 || colon - frame.keyStart > MAX_KEY_SPAN) giveUp();
  }

  /**
   * Put a value in its parent (or make it the document) and index it; returns its pointer.
   * An empty value (`key:` or `-` with nothing after it) is placed at its key, or at its sequence.
   */
  private place(value: unknown, span: NodeSpan, empty: boolean): string {
    const parent = this.frames[this.frames.length - 1];
    let pointer = "";
    if (!parent) {
      this.root = value;
    } else if (Array.isArray(parent.value)) {
      pointer = parent.pointer + "/" + parent.value.length;
      if (empty) span.start = parent.start;
      parent.value.push(value);
    } else {
      const key = parent.key!;
      pointer = parent.pointer + "/" + escapeSegment(key);
      const keyStart = parent.keyStart!;
      if (empty) span.start = keyStart;
      // Ordered as the `yaml` package's NodeSpan: start, keyStart, block, scalar.
      const withKey: NodeSpan = { start: span.start, keyStart };
      if (span.block) withKey.block = true;
      if (span.scalar) withKey.scalar = span.scalar;
      span = withKey;
      setProperty(parent.value, key, value);
      parent.key = undefined;
      parent.keyStart = undefined;
    }
    this.index.set(pointer, span);
    return pointer;
  }

  /** Where the scalar is written: its quote, its block indicator (`|`, `>`), or its first character. */
  private sourceStart(event: ScalarEvent): number {
    switch (event.style) {
      case SCALAR_STYLE.SINGLE_QUOTED:
      case SCALAR_STYLE.DOUBLE_QUOTED:
        return event.valueStart - 1;
      case SCALAR_STYLE.LITERAL_BLOCK:
      case SCALAR_STYLE.FOLDED_BLOCK:
        return blockIndicator(this.text, event, this.lastEnd);
      default:
        return event.valueStart;
    }
  }

  /** Where the scalar's source ends, as the `yaml` package counts it. */
  private sourceEnd(event: ScalarEvent): number {
    switch (event.style) {
      case SCALAR_STYLE.SINGLE_QUOTED:
      case SCALAR_STYLE.DOUBLE_QUOTED:
        return event.valueEnd + 1;
      case SCALAR_STYLE.LITERAL_BLOCK:
      case SCALAR_STYLE.FOLDED_BLOCK:
        return blockEnd(this.text, event);
      default:
        return event.valueEnd;
    }
  }
}

/** As the `yaml` package sets a property: a key such as `__proto__` or `toString` becomes an own property, never the prototype. */
function setProperty(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (key in obj) Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
  else obj[key] = value;
}

/** The core schema's implicit scalar tags (null, bool, int, float), by the first characters each can match. */
const implicitTags = (() => {
  const byFirst = new Map<string, ScalarTagDefinition[]>();
  const any: ScalarTagDefinition[] = [];
  for (const tag of CORE_SCHEMA.tags) {
    if (tag.nodeKind !== "scalar" || !tag.implicit) continue;
    if (tag.implicitFirstChars === null) any.push(tag);
    else for (const c of tag.implicitFirstChars) byFirst.set(c, [...(byFirst.get(c) ?? []), tag]);
  }
  return { byFirst, any };
})();

/** What a number looks like in the core schema: if js-yaml leaves one a string (too large for a double), the `yaml` path decides. */
const NUMBER_LIKE = /^(?:[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+)$/;

/** A scalar's value: quoted and block scalars are strings; a plain one is typed by the core schema. */
function scalarValue(text: string, event: ScalarEvent): unknown {
  const source = getScalarValue(text, event);
  if (event.style !== SCALAR_STYLE.PLAIN) return source;
  const tags = implicitTags.byFirst.get(source.charAt(0)) ?? implicitTags.any;
  for (const tag of tags) {
    const value = tag.resolve(source, false, tag.tagName);
    if (value !== NOT_RESOLVED) return value;
  }
  if (NUMBER_LIKE.test(source)) giveUp();
  return source;
}

/** A block scalar header after its indicator: chomping only (an explicit indentation is left to the `yaml` path), then a comment or nothing. */
const BLOCK_HEADER_REST = /^[-+]?(?:[ \t]+#[^\n]*|[ \t]*)$/;

/**
 * The offset of a block scalar's indicator (`|`, `>`). js-yaml gives where the
 * content starts, the line after the header; the indicator is the first
 * character of the header line, after what came before it (`lastEnd`), that is
 * not `-`, `?`, `:` or blank (`- |`, `key: |`, `? |`, `--- |`).
 */
function blockIndicator(text: string, event: ScalarEvent, lastEnd: number): number {
  const headerEnd = event.valueStart - 1;
  if (text.charCodeAt(headerEnd) !== 0x0a) giveUp();
  const lineStart = text.lastIndexOf("\n", headerEnd - 1) + 1;
  let at = Math.max(lineStart, lastEnd);
  while (at < headerEnd && " \t-?:".includes(text[at])) at++;
  const indicator = event.style === SCALAR_STYLE.LITERAL_BLOCK ? "|" : ">";
  if (text[at] !== indicator) giveUp();
  let rest = text.slice(at + 1, headerEnd);
  if (rest.endsWith("\r")) rest = rest.slice(0, -1);
  if (!BLOCK_HEADER_REST.test(rest)) giveUp();
  return at;
}

/**
 * Where the `yaml` package ends a block scalar (not `|+`, which is given up):
 * after the line break of its last line, without trailing blank lines. js-yaml's
 * range takes the trailing blank lines in; those no more indented than the
 * first content line are dropped here, as the `yaml` lexer does.
 */
function blockEnd(text: string, event: ScalarEvent): number {
  const { valueStart, valueEnd } = event;
  let nl = text.charCodeAt(valueEnd - 1) === 0x0a ? valueEnd - 1 : valueEnd;
  // Tabs after the block are the `yaml` path's to report.
  let next = nl + 1;
  while (text.charCodeAt(next) === 0x20) next++;
  if (text.charCodeAt(next) === 0x09) giveUp();
  const indent = firstContentIndent(text, valueStart, valueEnd);
  for (;;) {
    let i = nl - 1;
    if (text.charCodeAt(i) === 0x0d) i--;
    const lastChar = i;
    while (text.charCodeAt(i) === 0x20) i--;
    if (text.charCodeAt(i) === 0x0a && i >= valueStart && i + 1 + indent > lastChar) nl = i;
    else break;
  }
  return Math.min(nl + 1, text.length);
}

/** The indentation of a block scalar's first line that is not blank. */
function firstContentIndent(text: string, from: number, to: number): number {
  let indent = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20) indent++;
    else if (c === 0x0a) indent = 0;
    else if (c !== 0x0d) return indent;
  }
  return giveUp();
}
