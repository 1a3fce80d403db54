// The `code` directive (docutils' CodeBlock) and the token stream it shares with
// the `code` role (tokens from ./lexers/, line numbers as docutils' NumberLines).
import { Element, type Node, Text } from "../nodes.ts";
import { LexerError, type Token, type TokenNames, tokenize } from "./lexers/index.ts";
import { classOption, unchanged } from "./options.ts";
import { addName, assertHasContent, directive, error, warning } from "./util.ts";

export { type Token, tokenize, LexerError } from "./lexers/index.ts";

/** The document's syntax_highlight setting ("long" unless set to "short" or "none"). */
export function tokenNames(settings: Record<string, unknown>): TokenNames {
  const v = settings.syntaxHighlight;
  return v === "short" || v === "none" ? v : "long";
}

/** Inserts line-number tokens (class "ln") at the start of each line, right-aligned (docutils' NumberLines). */
export function numberLines(tokens: Token[], startline: number, endline: number): Token[] {
  const width = String(endline).length;
  const fmt = (n: number) => String(n).padStart(width, " ") + " ";
  let lineno = startline;
  const out: Token[] = [[["ln"], fmt(lineno)]];
  for (const [classes, value] of tokens) {
    const lines = value.split("\n");
    for (let i = 0; i < lines.length - 1; i++) {
      out.push([classes, lines[i] + "\n"]);
      lineno++;
      out.push([["ln"], fmt(lineno)]);
    }
    out.push([classes, lines[lines.length - 1]]);
  }
  return out;
}

/** Appends tokens to `node`: classified ones as `inline` elements, others as text. */
export function appendTokens(node: Element, tokens: Token[]): void {
  for (const [classes, value] of tokens) {
    if (classes.length) node.append(new Element("inline", { classes }, value ? [new Text(value)] : []));
    else if (value) node.append(new Text(value));
  }
}

/** Language "none" switches highlighting off and is not a class. */
export function normalizeLanguage(language: string): string {
  return language === "none" ? "" : language;
}

export const CODE_DIRECTIVE = directive({
  optionalArguments: 1,
  optionSpec: { class: classOption, name: unchanged, "number-lines": unchanged },
  hasContent: true,
  run(call): Node[] {
    assertHasContent(call);
    const language = normalizeLanguage(call.arguments[0] ?? "");
    const classes = ["code"];
    if (language) classes.push(language);
    classes.push(...((call.options.class as string[] | undefined) ?? []));
    const code = call.content.join("\n");
    let tokens: Token[];
    try {
      tokens = tokenize(code, language, tokenNames(call.ctx.document.settings));
    } catch (e) {
      if (e instanceof LexerError) throw warning(e.message);
      throw e;
    }
    if ("number-lines" in call.options) {
      const raw = String(call.options["number-lines"] ?? "");
      const start = raw ? (/^\s*[+-]?\d+\s*$/.test(raw) ? Number.parseInt(raw, 10) : Number.NaN) : 1;
      if (Number.isNaN(start)) throw error(":number-lines: with non-integer start value");
      tokens = numberLines(tokens, start, start + call.content.length);
    }
    const node = new Element("literal_block", { classes, "xml:space": "preserve" });
    node.rawsource = code;
    addName(call, node);
    appendTokens(node, tokens);
    return [node];
  },
});
