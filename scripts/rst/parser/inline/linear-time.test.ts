// The inline parser must run in linear time on any input. Each input below would
// take minutes with a quadratic algorithm (or with docutils' backtracking regular
// expressions): the tests' time limit (60 s) catches that much on a slow, busy
// machine; how fast the engine is, is measured by `npm run bench`, not here.
import { describe, expect, it } from "vitest";
import { parseInline } from "./index.ts";
import { makeContext } from "./test-helpers.ts";

const N = 100_000;

function timed(text: string): { nodes: number; messages: number } {
  const [nodes, messages] = parseInline(text, 1, makeContext());
  return { nodes: nodes.length, messages: messages.length };
}

describe("linear time", { timeout: 60_000 }, () => {
  const cases: Record<string, string> = {
    "100,000 asterisks": "*".repeat(N),
    "100,000 backquotes": "`".repeat(N),
    "100,000 low lines": "_".repeat(N),
    "100,000 vertical bars": "|".repeat(N),
    "1 MB of plain prose": "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ".repeat(18_000),
    "1 MB of words joined by hyphens": "a-".repeat(500_000),
    "1 MB of colon-joined words (role prefixes)": ":a".repeat(500_000),
    "footnote labels never closed": "[1".repeat(N),
    "URI schemes whose URIs never end": "a:(".repeat(N),
    "one long URI": "http://" + "a".repeat(1_000_000),
    "e-mail local parts sharing one @": "a-".repeat(N) + "@" + "b.".repeat(N),
    "many angle brackets in a phrase reference": "`x " + "<".repeat(N) + "`_",
    "escapes everywhere": "\\*".repeat(N),
  };
  for (const [name, text] of Object.entries(cases)) {
    it(name, () => {
      const r = timed(text);
      // Every input is text of some kind: it comes out as nodes (and messages).
      expect(r.nodes).toBeGreaterThan(0);
    });
  }

  it("a 1 MB paragraph full of markup", () => {
    const unit = "Some *emphasis* and **strong** with ``literal``, a ref_, `a phrase`_, http://example.com/x, [1]_ and |sub|. ";
    const r = timed(unit.repeat(Math.ceil(1_000_000 / unit.length)));
    expect(r.nodes).toBeGreaterThan(100_000);
  });

  it("100,000 start-strings without end-strings", () => {
    const r = timed("*a ".repeat(N));
    expect(r.messages).toBe(N);
  });
});
