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

describe("Python strings", () => {
  it("f-strings lex their expressions; bytes and raw strings keep their escapes apart", () => {
    expect(classes('f"a{b!r:>3}{{c}}"', "python")).toEqual([
      ["literal string affix", "f"],
      ["literal string double", '"a'],
      ["literal string interpol", "{"],
      ["name", "b"],
      ["literal string interpol", "!r:"],
      ["literal string double", ">3"],
      ["literal string interpol", "}"],
      ["literal string escape", "{{"],
      ["literal string double", "c"],
      ["literal string escape", "}}"],
      ["literal string double", '"'],
    ]);
    expect(classes("r'\\n' b'\\x00'", "python")).toEqual([
      ["literal string affix", "r"],
      ["literal string single", "'\\n'"],
      ["", " "],
      ["literal string affix", "b"],
      ["literal string single", "'"],
      ["literal string escape", "\\x00"],
      ["literal string single", "'"],
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

describe("JSON lexer", () => {
  it("keys are told from string values by the colon that follows", () => {
    expect(classes('{"k" : "v", "n": [1, -2.5e3, true]}', "json")).toEqual([
      ["punctuation", "{"],
      ["name tag", '"k"'],
      ["whitespace", " "],
      ["punctuation", ":"],
      ["whitespace", " "],
      ["literal string double", '"v"'],
      ["punctuation", ","],
      ["whitespace", " "],
      ["name tag", '"n"'],
      ["punctuation", ":"],
      ["whitespace", " "],
      ["punctuation", "["],
      ["literal number integer", "1"],
      ["punctuation", ","],
      ["whitespace", " "],
      ["literal number float", "-2.5e3"],
      ["punctuation", ","],
      ["whitespace", " "],
      ["keyword constant", "true"],
      ["punctuation", "]}"],
    ]);
  });

  it("comments, errors and unterminated strings", () => {
    expect(classes("// c\n'x'", "json")).toEqual([
      ["comment single", "// c"],
      ["whitespace", "\n"],
      ["error", "'x'"],
    ]);
    expect(classes('"open', "json")).toEqual([["error", '"open']]);
  });
});

describe("syntax_highlight", () => {
  it("short class names, or no highlighting at all", () => {
    expect(tokenize("def f", "python", "short")).toEqual([[["k"], "def"], [[], " "], [["nf"], "f"]]);
    expect(tokenize("def f", "python", "none")).toEqual([[[], "def f"]]);
    expect(tokenize("x", "no-such-language", "none")).toEqual([[[], "x"]]);
  });
});

describe("languages", () => {
  it("plain text for text, none and languages without a lexer here; an error for unknown names", () => {
    expect(tokenize("x", "text")).toEqual([[[], "x"]]);
    expect(tokenize("a: 1", "yaml")).toEqual([[[], "a: 1"]]);
    expect(() => tokenize("x", "s-lang")).toThrow(LexerError);
  });

  it("lexing time grows linearly with the input", () => {
    const time = (n: number) => {
      const code = "x = f(1) + 'a'  # c\n".repeat(n);
      const start = performance.now();
      expect(tokenize(code, "python").length).toBeGreaterThan(n * 10);
      return performance.now() - start;
    };
    time(500);
    const small = time(2000);
    const large = time(8000);
    // Four times the input: about four times the time (a quadratic lexer would take sixteen).
    expect(large).toBeLessThan(10 * small + 500);
  });
});
