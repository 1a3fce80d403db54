// The `code` directive (docutils' CodeBlock); its token stream is shared with
// the `code` role in ../code/.
import { Element, type Node, Text } from "../nodes.ts";
import { LexerError, type Token, type TokenNames, tokenize } from "../code/lexers/index.ts";
import { classOption, unchanged } from "../options.ts";
import { addName, assertHasContent, directive, error, warning } from "./util.ts";

export { type Token, tokenize, LexerError } from "../code/lexers/index.ts";
export { appendTokens, normalizeLanguage, numberLines, tokenNames } from "../code/tokens.ts";
import { appendTokens, normalizeLanguage, numberLines, tokenNames } from "../code/tokens.ts";

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
