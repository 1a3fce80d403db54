// Where the block parser hands text to the inline markup parser (parser/inline/).
import type { Element, Node } from "../nodes.ts";
import type { ParserContext } from "./context.ts";
import { parseInline } from "./inline/index.ts";

/** Parses inline markup in `text` (docutils' Inliner.parse): nodes and system messages. */
export function parseInlineText(text: string, lineno: number, ctx: ParserContext): [Node[], Element[]] {
  return parseInline(text, lineno, ctx);
}
