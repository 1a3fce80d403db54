// Body elements (docutils' directives/body.py): topic, sidebar, line-block,
// parsed-literal, math, rubric, epigraph/highlights/pull-quote, compound, container.
import { Element, type Node, Text } from "../nodes.ts";
import type { DirectiveCall, DirectiveDefinition } from "../parser/context.ts";
import { classNames, classOption, unchanged, unchangedRequired } from "../options.ts";
import { addName, applyAttributes, assertHasContent, attributesFrom, directive, error, place } from "./util.ts";
import { CODE_DIRECTIVE } from "./code.ts";
import { pushAll } from "../arrays.ts";

const CLASS_NAME = { class: classOption, name: unchanged };

/** topic and sidebar: a title (optional for sidebars), an optional subtitle, body elements. */
function runPseudoSection(call: DirectiveCall, tagname: string): Node[] {
  const parent = call.ctx.parent;
  if (!(call.ctx.matchTitles || parent.tagname === "sidebar")) {
    throw error(`The "${call.name}" directive may not be used within topics or body elements.`);
  }
  assertHasContent(call);
  const titles: Element[] = [];
  const messages: Element[] = [];
  if (call.arguments.length) {
    const titleText = call.arguments[0];
    const [nodes, msgs] = call.ctx.inlineText(titleText, call.lineno);
    const title = new Element("title", {}, nodes);
    title.rawsource = titleText;
    titles.push(title);
    pushAll(messages, msgs);
    if (typeof call.options.subtitle === "string") {
      const [subNodes, subMsgs] = call.ctx.inlineText(call.options.subtitle, call.lineno);
      const subtitle = new Element("subtitle", {}, subNodes);
      subtitle.rawsource = call.options.subtitle;
      titles.push(subtitle);
      pushAll(messages, subMsgs);
    }
  }
  const text = call.content.join("\n");
  const node = new Element(tagname, {}, [...titles, ...messages]);
  node.rawsource = text;
  node.classes.push(...((call.options.class as string[] | undefined) ?? []));
  addName(call, node);
  if (text) call.ctx.nestedParse(call.content, call.contentOffset, node);
  return [node];
}

/** Nests the lines of a line block by their indentation (docutils' nest_line_block_lines). */
export function nestLineBlock(block: Element, indents: Map<Element, number | null>): void {
  const items = block.children as Element[];
  for (let i = 0; i < items.length; i++) {
    if ((indents.get(items[i]) ?? null) === null) indents.set(items[i], i ? (indents.get(items[i - 1]) ?? 0) : 0);
  }
  const work: Element[] = [block];
  while (work.length) {
    const current = work.pop()!;
    const lines = current.clearChildren() as Element[];
    let least = Infinity;
    for (const line of lines) least = Math.min(least, indentOf(line, indents));
    let nested: Element | null = null;
    for (const line of lines) {
      if (indentOf(line, indents) > least) {
        if (!nested) {
          nested = new Element("line_block");
          current.append(nested);
          work.push(nested);
        }
        nested.append(line);
      } else {
        nested = null;
        current.append(line);
      }
    }
  }
}

function indentOf(node: Element, indents: Map<Element, number | null>): number {
  if (node.tagname === "line_block") return indentOf(node.children[0] as Element, indents);
  return indents.get(node) ?? 0;
}

function runBlockQuote(call: DirectiveCall, cls: string): Node[] {
  assertHasContent(call);
  const elements = call.ctx.blockQuote(call.content, call.contentOffset);
  for (const e of elements) if (e.tagname === "block_quote") e.classes.push(cls);
  return elements;
}

export const BODY_DIRECTIVES: Record<string, DirectiveDefinition> = {
  topic: directive({
    requiredArguments: 1,
    finalArgumentWhitespace: true,
    optionSpec: CLASS_NAME,
    hasContent: true,
    run: (call) => runPseudoSection(call, "topic"),
  }),
  sidebar: directive({
    optionalArguments: 1,
    finalArgumentWhitespace: true,
    optionSpec: { ...CLASS_NAME, subtitle: unchangedRequired },
    hasContent: true,
    run(call) {
      if (call.ctx.parent.tagname === "sidebar") {
        throw error(`The "${call.name}" directive may not be used within a sidebar element.`);
      }
      if ("subtitle" in call.options && !call.arguments.length) {
        throw error('The "subtitle" option may not be used without a title.');
      }
      return runPseudoSection(call, "sidebar");
    },
  }),
  "line-block": directive({
    optionSpec: CLASS_NAME,
    hasContent: true,
    run(call) {
      assertHasContent(call);
      const block = new Element("line_block");
      block.classes.push(...((call.options.class as string[] | undefined) ?? []));
      addName(call, block);
      const out: Node[] = [block];
      const indents = new Map<Element, number | null>();
      call.content.forEach((lineText, i) => {
        const stripped = lineText.trim();
        const [nodes, messages] = call.ctx.inlineText(stripped, call.lineno + call.contentOffset + i);
        const line = new Element("line", {}, nodes);
        line.rawsource = lineText;
        indents.set(line, stripped ? lineText.length - lineText.trimStart().length : null);
        block.append(line);
        pushAll(out, messages);
      });
      nestLineBlock(block, indents);
      return out;
    },
  }),
  "parsed-literal": directive({
    optionSpec: CLASS_NAME,
    hasContent: true,
    run(call) {
      assertHasContent(call);
      const text = call.content.join("\n");
      const [nodes, messages] = call.ctx.inlineText(text, call.lineno);
      const node = applyAttributes(new Element("literal_block", { "xml:space": "preserve" }, nodes), attributesFrom(call.options));
      node.rawsource = text;
      place(call, node, call.contentOffset + 1);
      addName(call, node);
      return [node, ...messages];
    },
  }),
  code: CODE_DIRECTIVE,
  math: directive({
    optionSpec: CLASS_NAME,
    hasContent: true,
    run(call) {
      assertHasContent(call);
      const out: Node[] = [];
      for (const block of call.content.join("\n").split("\n\n")) {
        if (!block) continue;
        const node = applyAttributes(new Element("math_block", { "xml:space": "preserve" }, [new Text(block)]), attributesFrom(call.options));
        node.rawsource = call.blockText;
        place(call, node, call.contentOffset + 1);
        addName(call, node);
        out.push(node);
      }
      return out;
    },
  }),
  rubric: directive({
    requiredArguments: 1,
    finalArgumentWhitespace: true,
    optionSpec: CLASS_NAME,
    run(call) {
      const text = call.arguments[0];
      const [nodes, messages] = call.ctx.inlineText(text, call.lineno);
      const rubric = applyAttributes(new Element("rubric", {}, nodes), attributesFrom(call.options));
      rubric.rawsource = text;
      addName(call, rubric);
      return [rubric, ...messages];
    },
  }),
  epigraph: directive({ hasContent: true, run: (call) => runBlockQuote(call, "epigraph") }),
  highlights: directive({ hasContent: true, run: (call) => runBlockQuote(call, "highlights") }),
  "pull-quote": directive({ hasContent: true, run: (call) => runBlockQuote(call, "pull-quote") }),
  compound: directive({
    optionSpec: CLASS_NAME,
    hasContent: true,
    run(call) {
      assertHasContent(call);
      // (docutils keeps the content's text as rawsource; not kept here: nested
      // compounds would each hold a copy of all they contain.)
      const node = new Element("compound");
      node.classes.push(...((call.options.class as string[] | undefined) ?? []));
      addName(call, node);
      call.ctx.nestedParse(call.content, call.contentOffset, node);
      return [node];
    },
  }),
  container: directive({
    optionalArguments: 1,
    finalArgumentWhitespace: true,
    optionSpec: { name: unchanged },
    hasContent: true,
    run(call) {
      assertHasContent(call);
      let classes: string[] = [];
      if (call.arguments.length) {
        try {
          classes = classNames(call.arguments[0]);
        } catch {
          throw error(`Invalid class attribute value for "${call.name}" directive: "${call.arguments[0]}".`);
        }
      }
      const node = new Element("container"); // no rawsource: see compound
      node.classes.push(...classes);
      addName(call, node);
      call.ctx.nestedParse(call.content, call.contentOffset, node);
      return [node];
    },
  }),
};
