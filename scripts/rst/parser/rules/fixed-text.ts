// Elements whose whitespace is significant get xml:space="preserve" (docutils' FixedTextElement).
import { Element, Text } from "../../nodes.ts";

export function fixedText(tagname: string, rawsource: string, text: string): Element {
  const node = new Element(tagname, { "xml:space": "preserve" }, text ? [new Text(text)] : []);
  node.rawsource = rawsource;
  return node;
}
