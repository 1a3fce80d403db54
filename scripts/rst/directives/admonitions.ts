// Admonitions (docutils' directives/admonitions.py): the nine specific ones
// (attention ... warning) and the generic `admonition` with a title.
import { makeId } from "../ids.ts";
import { Element } from "../nodes.ts";
import type { DirectiveCall, DirectiveDefinition } from "../parser/context.ts";
import { classOption, unchanged } from "../options.ts";
import { addName, applyAttributes, assertHasContent, attributesFrom, directive, place } from "./util.ts";

export const SPECIFIC_ADMONITIONS = [
  "attention", "caution", "danger", "error", "hint", "important", "note", "tip", "warning",
] as const;

const OPTIONS = { class: classOption, name: unchanged };

function runAdmonition(call: DirectiveCall, tagname: string): Element[] {
  assertHasContent(call);
  const node = applyAttributes(new Element(tagname), attributesFrom(call.options));
  // docutils keeps the content's text as the node's rawsource; nothing reads it, and
  // with nested admonitions every level would keep a copy of all it holds.
  addName(call, node);
  if (tagname === "admonition") {
    const titleText = call.arguments[0];
    const [textNodes, messages] = call.ctx.inlineText(titleText, call.lineno);
    const title = new Element("title", {}, textNodes);
    title.rawsource = titleText;
    place(call, title, call.lineno);
    node.append(title, ...messages);
    if (!("class" in call.options)) node.classes.push("admonition-" + makeId(titleText));
  }
  call.ctx.nestedParse(call.content, call.contentOffset, node);
  return [node];
}

export const ADMONITION_DIRECTIVES: Record<string, DirectiveDefinition> = {
  admonition: directive({
    requiredArguments: 1,
    finalArgumentWhitespace: true,
    optionSpec: OPTIONS,
    hasContent: true,
    run: (call) => runAdmonition(call, "admonition"),
  }),
};

for (const name of SPECIFIC_ADMONITIONS) {
  ADMONITION_DIRECTIVES[name] = directive({
    finalArgumentWhitespace: true,
    optionSpec: OPTIONS,
    hasContent: true,
    run: (call) => runAdmonition(call, name),
  });
}
