// The token stream of highlighted code, shared by the `code` directive
// (../directives/code.ts) and the `code` role (../roles/standard.ts): tokens
// from ./lexers/, line numbers as docutils' NumberLines.
import { Element, Text } from "../nodes.ts";
import type { Token, TokenNames } from "./lexers/index.ts";

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

