// An example to validate, with a way to place a JSON pointer inside it in the
// source file. A JSON example written as a YAML string is parsed with
// ../sources/json-text.ts and its offsets mapped back through the YAML scalar.
import { error, type Diagnostic } from "../diagnostics/diagnostic.ts";
import type { DataFile, Position } from "../sources/data-file.ts";
import { JsonDepthError, JsonSyntaxError, parseJson } from "../sources/json-text.ts";
import { MAX_DATA_DEPTH } from "../sources/limits.ts";
import { getByPointer } from "../sources/pointer.ts";

export interface LocatedExample {
  value: unknown;
  /** file:line:column of the value at `pointer` inside the example (or of its name, with `key`). */
  locate(pointer: string, key?: boolean): { file: string } & Position;
}

/**
 * Parse the JSON example held as a string at `pointer` of `file`. Returns the
 * example, or a diagnostic when it is empty or not JSON.
 */
export function exampleFromString(file: DataFile, pointer: string, text: string, label: string): LocatedExample | Diagnostic {
  const embedded = file.embeddedText(pointer);
  const start = embedded?.start ?? file.offsetOf(pointer);
  const at = (offset: number) => ({ file: file.path, ...file.position(embedded?.map(offset) ?? start) });
  if (text.trim() === "") return error("example-empty", `${label} is empty.`, { ...at(0), pointer });
  let parsed;
  try {
    parsed = parseJson(text);
  } catch (e) {
    if (!(e instanceof JsonSyntaxError)) throw e;
    if (e instanceof JsonDepthError) {
      return error("nesting-too-deep", `${label} nests arrays and objects more than ${MAX_DATA_DEPTH} levels deep here; that is the limit.`, { ...at(e.offset), pointer });
    }
    return error("example-not-json", `${label} is not valid JSON: ${e.message}.`, { ...at(e.offset), pointer });
  }
  return {
    value: parsed.value,
    locate(p, key) {
      for (let q = p; ; q = q.slice(0, q.lastIndexOf("/"))) {
        const span = parsed.spans.get(q);
        if (span) return at(key && q === p && span.keyStart !== undefined ? span.keyStart : span.start);
        if (q === "") return at(0);
      }
    },
  };
}

/** An example that is a whole file (event examples) or a YAML value written in place. */
export function exampleFromFile(file: DataFile, pointer = ""): LocatedExample {
  return {
    value: getByPointer(file.value, pointer),
    locate: (p, key) => file.locate(pointer + p, { key }),
  };
}

export function isDiagnostic(x: LocatedExample | Diagnostic): x is Diagnostic {
  return "severity" in x && "code" in x;
}
