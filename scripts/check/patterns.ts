// Check: every `pattern` of a schema, and every name under `patternProperties`,
// is a regular expression the RE2 engine takes (./re2-pattern.ts); one that is
// not is an error at the pattern, not at the schema that uses it. Examples are
// data, not schemas: values under `example`, `examples`, `x-example`, `enum` and
// `default`, and event example files, are not looked at.
import { error, type Diagnostic } from "../diagnostics/diagnostic.ts";
import type { DataFile } from "../sources/data-file.ts";
import { joinPointer } from "../sources/pointer.ts";
import type { Check } from "./check.ts";
import { patternProblem } from "./re2-pattern.ts";

const DATA_KEYS = new Set(["example", "examples", "x-example", "enum", "default"]);
/** Keys whose value maps names to schemas: a `pattern` key there is a property name. */
const NAME_MAPS = new Set(["properties", "definitions", "patternProperties", "responses", "parameters", "paths"]);

export const patterns: Check = (ctx) => {
  const examples = new Set<DataFile>(ctx.events.examples.map((e) => e.file));
  const out: Diagnostic[] = [];
  for (const file of ctx.cache.loadedFiles()) {
    if (!examples.has(file)) out.push(...patternsOf(file));
  }
  return out;
};

/** The diagnostics for the patterns of one file (an iterative walk: no depth limit needed). */
export function patternsOf(file: DataFile): Diagnostic[] {
  const out: Diagnostic[] = [];
  const report = (source: string, pointer: string, key: boolean) => {
    const problem = patternProblem(source);
    if (problem) {
      out.push(
        error("pattern-invalid", `The pattern \`${source.length > 80 ? source.slice(0, 80) + "…" : source}\` cannot be used: ${problem}. Patterns are run with RE2, which has no lookaround and no backreferences.`, {
          ...file.locate(pointer, { key }),
          pointer,
        }),
      );
    }
  };
  const stack: [unknown, string, string | undefined][] = [[file.value, "", undefined]];
  while (stack.length) {
    const [value, pointer, parentKey] = stack.pop()!;
    if (value === null || typeof value !== "object") continue;
    if (Array.isArray(value)) {
      value.forEach((v, i) => stack.push([v, joinPointer(pointer, i), undefined]));
      continue;
    }
    const inNameMap = parentKey !== undefined && NAME_MAPS.has(parentKey);
    for (const [k, v] of Object.entries(value)) {
      const p = joinPointer(pointer, k);
      if (parentKey === "patternProperties") report(k, p, true);
      if (!inNameMap && k === "pattern" && typeof v === "string") report(v, p, false);
      else if (!inNameMap && DATA_KEYS.has(k)) continue;
      else stack.push([v, p, k]);
    }
  }
  return out;
}
