// Syntax highlighting for the `code` directive and role, as docutils does it with
// Pygments: token classes in docutils' "long" form ("literal string double").
// Lexers exist here for Python, TeX/LaTeX and JSON; "", "text" and "none" mean plain text.
// Other languages Pygments knows (./pygments-names.ts) are emitted as plain text; for
// names Pygments does not know, docutils' warning is given.
import { lex, type States } from "./engine.ts";
import { PYTHON_STATES } from "./python.ts";
import { lexJson } from "./json.ts";
import { PYGMENTS_LANGUAGES } from "./pygments-names.ts";
import { TEX_STATES } from "./tex.ts";

export type Token = [string[], string];

type Lexer = States | ((text: string) => Array<[string, string]>);

const LEXERS: Record<string, Lexer> = {
  json: lexJson, "json-object": lexJson,
  python: PYTHON_STATES, py: PYTHON_STATES, sage: PYTHON_STATES, python3: PYTHON_STATES, py3: PYTHON_STATES,
  bazel: PYTHON_STATES, starlark: PYTHON_STATES,
  tex: TEX_STATES, latex: TEX_STATES,
};


/** Thrown when no lexer is known for a language (docutils' LexerError). */
export class LexerError extends Error {}

/** Pygments' short class names of the token types the lexers here emit (pygments.token.STANDARD_TYPES). */
const SHORT_NAMES: Record<string, string> = {
  Text: "", "Text.Whitespace": "w", Error: "err", Keyword: "k", "Keyword.Constant": "kc", "Keyword.Namespace": "kn",
  Name: "n", "Name.Attribute": "na", "Name.Builtin": "nb", "Name.Builtin.Pseudo": "bp", "Name.Class": "nc",
  "Name.Decorator": "nd", "Name.Exception": "ne", "Name.Function": "nf", "Name.Function.Magic": "fm",
  "Name.Namespace": "nn", "Name.Variable": "nv", "Name.Variable.Magic": "vm", Literal: "l", "Literal.String": "s",
  "Literal.String.Affix": "sa", "Literal.String.Backtick": "sb", "Literal.String.Double": "s2",
  "Literal.String.Single": "s1", "Literal.String.Doc": "sd", "Literal.String.Escape": "se",
  "Literal.String.Interpol": "si", "Literal.Number": "m", "Literal.Number.Bin": "mb", "Literal.Number.Float": "mf",
  "Literal.Number.Hex": "mh", "Literal.Number.Integer": "mi", "Literal.Number.Oct": "mo", Operator: "o",
  "Operator.Word": "ow", Punctuation: "p", Comment: "c", "Comment.Hashbang": "ch", "Comment.Single": "c1",
  "Comment.Multiline": "cm", "Name.Tag": "nt",
};

/** How token classes are written (docutils' syntax_highlight setting). */
export type TokenNames = "long" | "short" | "none";

/** Pygments' token type → docutils' class list (unstyled token types give none). */
function classesOf(type: string, names: TokenNames): string[] {
  if (names === "short") return SHORT_NAMES[type] ? [SHORT_NAMES[type]] : [];
  return type.toLowerCase().split(".").filter((c) => c !== "token" && c !== "text" && c !== "");
}

/**
 * The tokens of `code` in `language`; one plain token when there is no lexer to use
 * or highlighting is off (`names` "none").
 */
export function tokenize(code: string, language: string, names: TokenNames = "long"): Token[] {
  if (!language || language === "text" || language === "none" || names === "none") return [[[], code]];
  const lexer = LEXERS[language.toLowerCase()];
  if (!lexer) {
    if (PYGMENTS_LANGUAGES.has(language.toLowerCase())) return [[[], code]];
    throw new LexerError(`Cannot analyze code. No Pygments lexer found for "${language}".`);
  }
  // Pygments strips leading and trailing newlines and ends the text with one.
  const text = code.replace(/^\n+|\n+$/g, "") + "\n";
  const merged: Array<[string, string]> = [];
  for (const [type, value] of typeof lexer === "function" ? lexer(text) : lex(text, lexer)) {
    const last = merged[merged.length - 1];
    if (last && last[0] === type) last[1] += value;
    else merged.push([type, value]);
  }
  const out: Token[] = [];
  merged.forEach(([type, value], i) => {
    const v = i === merged.length - 1 && value.endsWith("\n") ? value.slice(0, -1) : value;
    if (v || i < merged.length - 1) out.push([classesOf(type, names), v]);
  });
  return out;
}
