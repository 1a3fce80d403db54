// Mutations of a source text for the fuzz tests, as fast-check arbitraries: a
// mutated text is a valid source with a few edits applied, so that it gets past
// the first syntax error and into the later stages. The edits are the shapes
// adversarial inputs take: hostile snippets (control characters, NUL, origin-mark
// look-alikes, template variables, `$ref`s out of the tree, lone surrogates),
// deletions, duplications, deep nesting, long repeated lines, truncation.
import fc from "fast-check";

export type SourceKind = "yaml" | "json" | "rst";

const SNIPPETS = [
  "\u0000", "\u00000\u0000", "\x1b]0;x\x07", "\x1b[2J", "\r", "\t", "\u2028", "\u202e", "\ud800", "\udfff", "\ufeff",
  "{{ unknown_var }}", "{{", "}}", "$ref", '"$ref": "../../../../etc/passwd"', "$ref: /etc/passwd", "$ref: '#/nowhere'",
  "__proto__", '"__proto__": {}', "constructor", "pattern: \"(a+)+$\"", 'pattern: "(?=x)"', '"pattern": "(["',
  "&anchor", "*anchor", "<<: *a", "!!binary", "? ", "- ", ": ", "---", "...", "#", "'", '"', "\\", "|", ">",
  "[", "]", "{", "}", ",", "1e999", "-0", "99999999999999999999", "null", "true",
  "..", "::", ".. note::", ".. contents::", ".. include:: /etc/passwd", ".. raw:: html", "`a`_", "a_", "|sub|", "[#]_", "**", "``",
  "====", "----", "    ", "\n", "\n\n", "::\n\n    x", "+--+\n|  |\n+--+",
];

const NESTERS: Record<SourceKind, [string, string][]> = {
  json: [["[", "]"], ['{"a":', "}"]],
  yaml: [["[", "]"], ["{a: ", "}"], ["- ", ""]],
  // Kept shallow for RST: nesting depth in the RST engine is its own issue.
  rst: [["* ", ""], ["> ", ""]],
};

type Mutation =
  | { op: "insert"; at: number; text: string }
  | { op: "delete"; at: number; length: number }
  | { op: "duplicate"; at: number; length: number; times: number }
  | { op: "nest"; at: number; pair: number; depth: number }
  | { op: "repeatLine"; at: number; times: number }
  | { op: "truncate"; at: number };

function mutation(kind: SourceKind): fc.Arbitrary<Mutation> {
  const at = fc.double({ min: 0, max: 1, noNaN: true });
  const deep = kind === "rst" ? 12 : 400;
  return fc.oneof(
    fc.record({ op: fc.constant("insert" as const), at, text: fc.oneof(fc.constantFrom(...SNIPPETS), fc.string({ maxLength: 12, unit: "binary" })) }),
    fc.record({ op: fc.constant("delete" as const), at, length: fc.integer({ min: 1, max: 40 }) }),
    fc.record({ op: fc.constant("duplicate" as const), at, length: fc.integer({ min: 1, max: 60 }), times: fc.integer({ min: 1, max: 30 }) }),
    fc.record({ op: fc.constant("nest" as const), at, pair: fc.nat(), depth: fc.integer({ min: 1, max: deep }) }),
    fc.record({ op: fc.constant("repeatLine" as const), at, times: fc.integer({ min: 2, max: 300 }) }),
    fc.record({ op: fc.constant("truncate" as const), at }),
  );
}

function apply(kind: SourceKind, text: string, m: Mutation): string {
  const i = Math.floor(m.at * text.length);
  switch (m.op) {
    case "insert":
      return text.slice(0, i) + m.text + text.slice(i);
    case "delete":
      return text.slice(0, i) + text.slice(i + m.length);
    case "duplicate": {
      const piece = text.slice(i, i + m.length);
      return text.slice(0, i) + piece.repeat(m.times) + text.slice(i);
    }
    case "nest": {
      const pairs = NESTERS[kind];
      const [open, close] = pairs[m.pair % pairs.length];
      if (kind === "rst") {
        // Nested list items or block quotes, one level per line.
        const lines = Array.from({ length: m.depth }, (_, d) => `${"  ".repeat(d)}${open}item ${d}`);
        return text.slice(0, i) + "\n\n" + lines.join("\n\n") + "\n\n" + text.slice(i);
      }
      return text.slice(0, i) + open.repeat(m.depth) + close.repeat(m.depth) + text.slice(i);
    }
    case "repeatLine": {
      const start = text.lastIndexOf("\n", i - 1) + 1;
      const end = text.indexOf("\n", i);
      const line = text.slice(start, end === -1 ? text.length : end + 1);
      return text.slice(0, start) + line.repeat(m.times) + text.slice(start);
    }
    case "truncate":
      return text.slice(0, i);
  }
}

/** A source text of `kind` with one to six mutations applied. */
export function mutatedText(kind: SourceKind, base: string): fc.Arbitrary<string> {
  return fc.array(mutation(kind), { minLength: 1, maxLength: 6 }).map((ms) => ms.reduce((t, m) => apply(kind, t, m), base));
}
