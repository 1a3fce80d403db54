// Where the block parser hands text to the inline markup parser (parser/inline/).
import type { Element, Node } from "../nodes.ts";
import { Text } from "../nodes.ts";
import type { ParserContext } from "./context.ts";

/** Parses inline markup in `text` (docutils' Inliner.parse): nodes and system messages. */
export function parseInlineText(text: string, _lineno: number, _ctx: ParserContext): [Node[], Element[]] {
  return [text ? [new Text(text)] : [], []];
}
