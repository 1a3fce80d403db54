// A strict JSON parser that remembers where every value starts: the map from
// JSON pointer to text offset lets a diagnostic point at the failing value.
// JSON.parse gives neither positions for values nor, on Node 20, reliable
// positions for syntax errors; this parser gives both.
import { MAX_DATA_DEPTH } from "./limits.ts";
import { childPointer } from "./pointer.ts";

export interface JsonSpan {
  /** Offset of the first character of the value. */
  start: number;
  /** Offset just after the value. */
  end: number;
  /** Offset of the property name (its opening quote), when the value is a property. */
  keyStart?: number;
}

export interface ParsedJson {
  value: unknown;
  /** Every value by JSON pointer ("" is the whole document). */
  spans: Map<string, JsonSpan>;
}

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** Arrays and objects nested deeper than MAX_DATA_DEPTH: reported at the bracket that goes too deep. */
export class JsonDepthError extends JsonSyntaxError {}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

export function parseJson(text: string): ParsedJson {
  const spans = new Map<string, JsonSpan>();
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;

  const describe = (at: number) =>
    at >= text.length ? "the end of the text" : `\`${text[at] === "\n" ? "\\n" : text[at]}\``;
  const fail = (expected: string, at = i): never => {
    throw new JsonSyntaxError(`expected ${expected}, found ${describe(at)}`, at);
  };
  const skipSpace = () => {
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else return;
    }
  };

  const parseString = (): string => {
    const start = i;
    i++; // opening quote
    let out = "";
    let chunk = i;
    for (;;) {
      if (i >= text.length) throw new JsonSyntaxError("this string is never closed", start);
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        out += text.slice(chunk, i);
        i++;
        return out;
      }
      if (c < 0x20) throw new JsonSyntaxError("a string may not contain a raw line break or control character", i);
      if (c === 0x5c) {
        out += text.slice(chunk, i);
        const e = text[i + 1];
        const simple: Record<string, string> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };
        if (e !== undefined && e in simple) {
          out += simple[e];
          i += 2;
        } else if (e === "u" && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
        } else {
          throw new JsonSyntaxError(`\`\\${e ?? ""}\` is not a valid escape in a JSON string`, i);
        }
        chunk = i;
        continue;
      }
      i++;
    }
  };

  // Recursive, but never deeper than MAX_DATA_DEPTH: that bounds the stack.
  /** After an item of an object or array: true at its closing bracket, false after a comma; anything else is an error. */
  const closes = (bracket: string, item: string): boolean => {
    skipSpace();
    if (text[i] === ",") {
      i++;
      return false;
    }
    if (text[i] === bracket) {
      i++;
      return true;
    }
    return fail(`\`,\` or \`${bracket}\` after ${item}`);
  };

  const parseValue = (pointer: string, keyStart: number | undefined, depth: number): unknown => {
    skipSpace();
    const start = i;
    const c = text[i];
    let value: unknown;
    if ((c === "{" || c === "[") && depth >= MAX_DATA_DEPTH) {
      throw new JsonDepthError(`arrays and objects are nested more than ${MAX_DATA_DEPTH} levels deep here`, i);
    }
    if (c === "{") {
      i++;
      const obj: Record<string, unknown> = {};
      skipSpace();
      if (text[i] === "}") i++;
      else {
        for (;;) {
          skipSpace();
          if (text[i] !== '"') fail("a property name in double quotes");
          const k = i;
          const key = parseString();
          skipSpace();
          if (text[i] !== ":") fail("`:` after the property name");
          i++;
          const v = parseValue(childPointer(pointer, key), k, depth + 1);
          // A key such as `__proto__` is a property like any other, never the prototype.
          Object.defineProperty(obj, key, { value: v, writable: true, enumerable: true, configurable: true });
          if (closes("}", "the property value")) break;
        }
      }
      value = obj;
    } else if (c === "[") {
      i++;
      const arr: unknown[] = [];
      skipSpace();
      if (text[i] === "]") i++;
      else {
        for (;;) {
          arr.push(parseValue(childPointer(pointer, arr.length), undefined, depth + 1));
          if (closes("]", "the array item")) break;
        }
      }
      value = arr;
    } else if (c === '"') {
      value = parseString();
    } else if (text.startsWith("true", i)) {
      value = true;
      i += 4;
    } else if (text.startsWith("false", i)) {
      value = false;
      i += 5;
    } else if (text.startsWith("null", i)) {
      value = null;
      i += 4;
    } else {
      NUMBER.lastIndex = i;
      const m = NUMBER.exec(text);
      if (!m) fail("a JSON value");
      value = Number(m![0]);
      i += m![0].length;
    }
    spans.set(pointer, keyStart === undefined ? { start, end: i } : { start, end: i, keyStart });
    return value;
  };

  const value = parseValue("", undefined, 0);
  skipSpace();
  if (i < text.length) fail("the end of the text after the JSON value");
  return { value, spans };
}
