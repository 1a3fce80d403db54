import { describe, expect, it } from "vitest";
import { LexerError, tokenize } from "./index.ts";

const classes = (code: string, language: string) => tokenize(code, language).map(([c, v]) => [c.join(" "), v]);

describe("Python lexer", () => {
  it("keywords, names, strings, numbers, operators", () => {
    expect(classes('def f(a=1.5):\n    return "s%d" % a', "python")).toEqual([
      ["keyword", "def"],
      ["", " "],
      ["name function", "f"],
      ["punctuation", "("],
      ["name", "a"],
      ["operator", "="],
      ["literal number float", "1.5"],
      ["punctuation", "):"],
      ["whitespace", "\n"],
      ["", "    "],
      ["keyword", "return"],
      ["", " "],
      ["literal string double", '"s'],
      ["literal string interpol", "%d"],
      ["literal string double", '"'],
      ["", " "],
      ["operator", "%"],
      ["", " "],
      ["name", "a"],
    ]);
  });

  it("docstrings, comments, imports, constants", () => {
    expect(classes('"""Doc."""\nfrom os import path  # c\nx = None', "py")).toEqual([
      ["literal string doc", '"""Doc."""'],
      ["whitespace", "\n"],
      ["keyword namespace", "from"],
      ["", " "],
      ["name namespace", "os"],
      ["", " "],
      ["keyword namespace", "import"],
      ["", " "],
      ["name", "path"],
      ["", "  "],
      ["comment single", "# c"],
      ["whitespace", "\n"],
      ["name", "x"],
      ["", " "],
      ["operator", "="],
      ["", " "],
      ["keyword constant", "None"],
    ]);
  });
});

describe("TeX lexer", () => {
  it("commands, braces, comments and math (adjacent tokens of one type merged)", () => {
    expect(classes("a \\emph{b} $x^2$ % c", "latex")).toEqual([
      ["", "a "],
      ["keyword", "\\emph"],
      ["name builtin", "{"],
      ["", "b"],
      ["name builtin", "}"],
      ["", " "],
      ["literal string", "$"],
      ["name builtin", "x^"],
      ["literal number", "2"],
      ["literal string", "$"],
      ["", " "],
      ["comment", "% c"],
    ]);
  });
});

describe("languages", () => {
  it("plain text for text, none and languages without a lexer here; an error for unknown names", () => {
    expect(tokenize("x", "text")).toEqual([[[], "x"]]);
    expect(tokenize("{}", "json")).toEqual([[[], "{}"]]);
    expect(() => tokenize("x", "s-lang")).toThrow(LexerError);
  });

  it("long input lexes in linear time", () => {
    const code = "x = 1 + 2  # c\n".repeat(20000);
    const start = Date.now();
    expect(tokenize(code, "python").length).toBeGreaterThan(100000);
    expect(Date.now() - start).toBeLessThan(2000);
  });
});
