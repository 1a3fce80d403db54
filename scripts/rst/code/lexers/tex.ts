// TeX and LaTeX, tokenized with the rules of Pygments' TexLexer: commands,
// comments, braces and special characters, inline and display math.
import { type States, fallback, rule } from "./engine.ts";

const GENERAL = [rule("%.*?\\n", "Comment"), rule("[{}]", "Name.Builtin"), rule("[&_^]", "Name.Builtin")];

const MATH = [
  rule("\\\\(?:[a-zA-Z]+|\\S?)", "Name.Variable"),
  ...GENERAL,
  rule("[0-9]+", "Literal.Number"),
  rule("[-=!+*/()\\[\\]]", "Operator"),
  rule("[^=!+*/()\\[\\]\\\\$%&_^{}0-9-]+", "Name.Builtin"),
];

export const TEX_STATES: States = {
  root: [
    rule("\\\\\\[", "Literal.String.Backtick", "displaymath"),
    rule("\\\\\\(", "Literal.String", "inlinemath"),
    rule("\\$\\$", "Literal.String.Backtick", "displaymath"),
    rule("\\$", "Literal.String", "inlinemath"),
    rule("\\\\(?:[a-zA-Z@_:]+|\\S?)", "Keyword", "command"),
    rule("\\\\$", "Keyword"),
    ...GENERAL,
    rule("[^\\\\$%&_^{}]+", "Text"),
  ],
  inlinemath: [rule("\\\\\\)", "Literal.String", "#pop"), rule("\\$", "Literal.String", "#pop"), ...MATH],
  displaymath: [
    rule("\\\\\\]", "Literal.String", "#pop"),
    rule("\\$\\$", "Literal.String", "#pop"),
    rule("\\$", "Name.Builtin"),
    ...MATH,
  ],
  command: [rule("\\[.*?\\]", "Name.Attribute"), rule("\\*", "Keyword"), fallback("#pop")],
};
