// Syntax highlighting for the `code` directive and role, as docutils does it with
// Pygments: token classes in docutils' "long" form ("literal string double").
// Lexers exist here for Python and TeX/LaTeX; "", "text" and "none" mean plain text.
// Other languages Pygments knows (./pygments-names.ts) are emitted as plain text; for
// names Pygments does not know, docutils' warning is given.
import { lex, type States } from "./engine.ts";
import { PYTHON_STATES } from "./python.ts";
import { PYGMENTS_LANGUAGES } from "./pygments-names.ts";
import { TEX_STATES } from "./tex.ts";

export type Token = [string[], string];

const LEXERS: Record<string, States> = {
  python: PYTHON_STATES, py: PYTHON_STATES, sage: PYTHON_STATES, python3: PYTHON_STATES, py3: PYTHON_STATES,
  bazel: PYTHON_STATES, starlark: PYTHON_STATES,
  tex: TEX_STATES, latex: TEX_STATES,
};


/** Thrown when no lexer is known for a language (docutils' LexerError). */
export class LexerError extends Error {}

/** Pygments' dotted token type → docutils' class list (unstyled token types give none). */
function classesOf(type: string): string[] {
  return type.toLowerCase().split(".").filter((c) => c !== "token" && c !== "text" && c !== "");
}

/** The tokens of `code` in `language`; one plain token when there is no lexer to use. */
export function tokenize(code: string, language: string): Token[] {
  if (!language || language === "text" || language === "none") return [[[], code]];
  const states = LEXERS[language.toLowerCase()];
  if (!states) {
    if (PYGMENTS_LANGUAGES.has(language.toLowerCase())) return [[[], code]];
    throw new LexerError(`Cannot analyze code. No Pygments lexer found for "${language}".`);
  }
  // Pygments strips leading and trailing newlines and ends the text with one.
  const text = code.replace(/^\n+|\n+$/g, "") + "\n";
  const merged: Array<[string, string]> = [];
  for (const [type, value] of lex(text, states)) {
    const last = merged[merged.length - 1];
    if (last && last[0] === type) last[1] += value;
    else merged.push([type, value]);
  }
  const out: Token[] = [];
  merged.forEach(([type, value], i) => {
    const v = i === merged.length - 1 && value.endsWith("\n") ? value.slice(0, -1) : value;
    if (v || i < merged.length - 1) out.push([classesOf(type), v]);
  });
  return out;
}
