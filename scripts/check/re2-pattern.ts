// Schema `pattern`s (and `patternProperties` names) run on RE2, which matches in
// time linear in the input, instead of JavaScript's backtracking engine, where
// `^(a+)+$` against forty `a`s takes minutes. ajv takes the engine through its
// `code.regExp` option; `code` is the same engine as source text, for the
// validators ajv writes out as modules (./schema-registry.ts caches them).
//
// A pattern RE2 cannot take (a syntax error, or lookaround and backreferences,
// which RE2 leaves out) matches everything here: the `patterns` check reports it
// at the pattern's line, and the rest of the schema is still applied.
//
// RE2 is loaded on the first pattern: a run whose checks were all kept needs none.
import { createRequire } from "node:module";
import { MAX_PATTERN_LENGTH } from "../sources/limits.ts";

/** Outcomes remembered per pattern: for strings up to this length, and at most this many. */
const REMEMBERED_LENGTH = 64;
const REMEMBERED_COUNT = 4096;

/** The engine as source text: an expression that needs `require` in scope. */
const ENGINE_SOURCE = `(function () {
  let RE2JS;
  // ajv keys the patterns of a schema by toString(): it must differ from one pattern to another.
  const shown = function (source, flags) { return function () { return "/" + source + "/" + (flags || ""); }; };
  return function re2(source, flags) {
    let compiled;
    try {
      if (source.length > ${MAX_PATTERN_LENGTH}) throw new Error("too long");
      RE2JS = RE2JS || require("re2js").RE2JS;
      compiled = RE2JS.compile(source);
    } catch (e) {
      return { test: function () { return true; }, toString: shown(source, flags) };
    }
    // The same short strings (property names under patternProperties) are tested again and again: their outcome is remembered.
    const known = new Map();
    const test = function (text) {
      let found = known.get(text);
      if (found === undefined) {
        found = compiled.matcher(text).find();
        if (text.length <= ${REMEMBERED_LENGTH} && known.size < ${REMEMBERED_COUNT}) known.set(text, found);
      }
      return found;
    };
    return { test: test, toString: shown(source, flags) };
  };
})()`;

type Engine = ((source: string, flags: string) => { test(text: string): boolean }) & { code: string };

const require = createRequire(import.meta.url);

/** The RE2 engine for ajv's `code.regExp`. */
export const re2RegExp: Engine = Object.assign(new Function("require", `return ${ENGINE_SOURCE};`)(require) as Engine, { code: ENGINE_SOURCE });

/** Why RE2 cannot take a pattern, or undefined when it can. */
export function patternProblem(source: string): string | undefined {
  if (source.length > MAX_PATTERN_LENGTH) return `it is ${source.length} characters long; patterns are limited to ${MAX_PATTERN_LENGTH}`;
  try {
    (require("re2js") as typeof import("re2js")).RE2JS.compile(source);
    return undefined;
  } catch (e) {
    return (e as Error).message.replace(/^error parsing regexp: /, "");
  }
}
