import { describe, expect, it } from "vitest";
import { lines, px } from "./test-helpers.ts";

describe("topic and sidebar", () => {
  it("topic: title and body", () => {
    expect(px(".. topic:: Title\n\n   Body.")).toBe(lines("<topic>", "    <title>", "        Title", "    <paragraph>", "        Body."));
  });

  it("sidebar with subtitle; topics are not allowed inside body elements", () => {
    expect(px(".. sidebar:: Side\n   :subtitle: Sub\n\n   Body.")).toBe(
      lines("<sidebar>", "    <title>", "        Side", "    <subtitle>", "        Sub", "    <paragraph>", "        Body."),
    );
    expect(px(".. sidebar::\n   :subtitle: Sub\n\n   Body.")).toContain('The "subtitle" option may not be used without a title.');
    expect(px("- .. topic:: T\n\n     x")).toContain('The "topic" directive may not be used within topics or body elements.');
  });
});

describe("line-block and parsed-literal", () => {
  it("lines keep their indentation as nesting and inline markup is parsed", () => {
    expect(px(".. line-block::\n\n   one *two*\n      three\n   four")).toBe(
      lines(
        "<line_block>",
        "    <line>",
        "        one ",
        "        <emphasis>",
        "            two",
        "    <line_block>",
        "        <line>",
        "            three",
        "    <line>",
        "        four",
      ),
    );
  });

  it("parsed-literal keeps whitespace and parses inline markup", () => {
    expect(px(".. parsed-literal::\n\n   a  **b**\n     c")).toBe(
      lines('<literal_block xml:space="preserve">', "    a  ", "    <strong>", "        b", "    ", "      c"),
    );
  });
});

describe("code", () => {
  it("language and classes; no lexer for plain text", () => {
    expect(px(".. code:: text\n   :class: x\n\n   a = 1")).toBe(lines('<literal_block classes="code text x" xml:space="preserve">', "    a = 1"));
  });

  it("line numbers", () => {
    expect(px(".. code::\n   :number-lines: 9\n\n   a\n   b")).toBe(
      lines(
        '<literal_block classes="code" xml:space="preserve">',
        '    <inline classes="ln">',
        "         9 ",
        "    a",
        '    <inline classes="ln">',
        "        10 ",
        "    b",
      ),
    );
    expect(px(".. code::\n   :number-lines: x\n\n   a")).toContain(":number-lines: with non-integer start value");
  });

  it("Python is highlighted with docutils' long token classes", () => {
    expect(px(".. code:: python\n\n   x = len('a')  # n")).toBe(
      lines(
        '<literal_block classes="code python" xml:space="preserve">',
        '    <inline classes="name">',
        "        x",
        "     ",
        '    <inline classes="operator">',
        "        =",
        "     ",
        '    <inline classes="name builtin">',
        "        len",
        '    <inline classes="punctuation">',
        "        (",
        '    <inline classes="literal string single">',
        "        'a'",
        '    <inline classes="punctuation">',
        "        )",
        "      ",
        '    <inline classes="comment single">',
        "        # n",
      ),
    );
  });

  it("the syntaxHighlight setting selects short class names", () => {
    expect(px(".. code:: python\n\n   pass", { syntaxHighlight: "short" })).toBe(
      lines('<literal_block classes="code python" xml:space="preserve">', '    <inline classes="k">', "        pass"),
    );
  });

  it("unknown languages give docutils' warning", () => {
    expect(px(".. code:: no-such-language\n\n   x")).toContain('Cannot analyze code. No Pygments lexer found for "no-such-language".');
  });
});

describe("math, rubric, quotes, compound, container", () => {
  it("math blocks are split at blank lines", () => {
    expect(px(".. math::\n   :name: eq\n\n   a\n\n   b")).toBe(
      lines('<math_block ids="eq" names="eq" xml:space="preserve">', "    a", '<math_block xml:space="preserve">', "    b"),
    );
  });

  it("rubric", () => {
    expect(px(".. rubric:: A *rubric*")).toBe(lines("<rubric>", "    A ", "    <emphasis>", "        rubric"));
  });

  it("epigraph, highlights and pull-quote are classed block quotes with attributions", () => {
    expect(px(".. epigraph::\n\n   Words.\n\n   -- Author")).toBe(
      lines('<block_quote classes="epigraph">', "    <paragraph>", "        Words.", "    <attribution>", "        Author"),
    );
    expect(px(".. pull-quote::\n\n   Words.")).toBe(lines('<block_quote classes="pull-quote">', "    <paragraph>", "        Words."));
  });

  it("compound and container", () => {
    expect(px(".. compound::\n\n   a\n\n   b")).toBe(lines("<compound>", "    <paragraph>", "        a", "    <paragraph>", "        b"));
    expect(px(".. container:: One two\n\n   a")).toBe(lines('<container classes="one two">', "    <paragraph>", "        a"));
  });
});
