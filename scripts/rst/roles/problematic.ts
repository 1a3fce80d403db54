// Inline markup that could not be processed: a `problematic` node linked both ways
// with its system message (docutils' Inliner.problematic).
import { Element, Text } from "../nodes.ts";
import type { ParserContext } from "../parser/context.ts";

export function problematic(ctx: ParserContext, rawtext: string, message: Element): Element {
  const msgid = ctx.document.setId(message, ctx.parent);
  const node = new Element("problematic", { refid: msgid }, [new Text(rawtext)]);
  node.rawsource = rawtext;
  const id = ctx.document.setId(node);
  message.backrefs.push(id);
  return node;
}
