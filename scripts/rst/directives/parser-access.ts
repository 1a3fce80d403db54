// The few parser services some directives need beyond ParserContext: block quotes
// with attributions (epigraph & co.) and option parsing for the `role` directive.
// A context may provide them itself (ParserContext.blockQuote/parseDirectiveBlock);
// otherwise the block parser's own functions are used on its Body state.
import { Element } from "../nodes.ts";
import type { DirectiveDefinition, ParserContext } from "../parser/context.ts";
import { isBlank } from "../parser/lines.ts";
import { Machine } from "../parser/machine.ts";
import { PATTERNS } from "../parser/patterns.ts";
import { blockQuote as parserBlockQuote } from "../parser/rules/block-quote.ts";
import { parseExtensionOptions } from "../parser/rules/directive.ts";
import type { Body } from "../parser/states/body.ts";

function bodyState(ctx: ParserContext): Body | null {
  return ctx instanceof Machine ? (ctx.state("Body") as Body) : null;
}

/** docutils' RSTState.block_quote: block quotes (split at attributions) from indented lines. */
export function blockQuotes(ctx: ParserContext, lines: string[], offset: number): Element[] {
  if (ctx.blockQuote) return ctx.blockQuote(lines, offset);
  const s = bodyState(ctx);
  if (s) return parserBlockQuote(s, lines, offset);
  const quote = new Element("block_quote");
  ctx.nestedParse(lines, offset, quote);
  return [quote];
}

export interface ParsedBlock {
  arguments: string[];
  options: Record<string, unknown>;
  content: string[];
  contentOffset: number;
}

/**
 * docutils' parse_directive_block for a definition without arguments (what the
 * `role` directive needs): the option field list, then content. Throws Error(message).
 */
export function parseOptionBlock(ctx: ParserContext, lines: string[], offset: number, d: DirectiveDefinition): ParsedBlock {
  if (ctx.parseDirectiveBlock) return ctx.parseDirectiveBlock(lines, offset, d);
  let indented = lines;
  let lineOffset = offset;
  if (indented.length && isBlank(indented[0])) {
    indented = indented.slice(1);
    lineOffset++;
  }
  let end = indented.length;
  while (end > 0 && isBlank(indented[end - 1])) end--;
  indented = indented.slice(0, end);
  let argBlock: string[] = [];
  let content = indented;
  let contentOffset = lineOffset;
  let i = 0;
  if (indented.length && d.optionSpec) {
    while (i < indented.length && !isBlank(indented[i])) i++;
    argBlock = indented.slice(0, i);
    content = indented.slice(i + 1);
    contentOffset = lineOffset + i + 1;
  }
  let options: Record<string, unknown> = {};
  if (d.optionSpec) {
    const start = argBlock.findIndex((l) => PATTERNS.fieldMarker.test(l));
    if (start >= 0) {
      const s = bodyState(ctx);
      if (!s) throw new Error("invalid option block");
      const [ok, data] = parseExtensionOptions(s, d.optionSpec, argBlock.slice(start));
      if (!ok) throw new Error(data as string);
      options = data as Record<string, unknown>;
      argBlock = argBlock.slice(0, start);
    }
  }
  if (argBlock.length) {
    content = [...argBlock, ...indented.slice(i)];
    contentOffset = lineOffset;
  }
  while (content.length && isBlank(content[0])) {
    content = content.slice(1);
    contentOffset++;
  }
  if (content.length && !d.hasContent) throw new Error("no content permitted");
  return { arguments: [], options, content, contentOffset };
}
