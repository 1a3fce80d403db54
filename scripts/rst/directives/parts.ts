// Document parts (docutils' directives/parts.py): contents, sectnum, header, footer.
import { fullyNormalizeName } from "../ids.ts";
import { Element, Text } from "../nodes.ts";
import type { DirectiveCall, DirectiveDefinition } from "../parser/context.ts";
import { choice, classOption, nonnegativeInt, pyInt, unchangedRequired } from "../options.ts";
import { assertHasContent, directive, error, place } from "./util.ts";

/** The English label of a table of contents. */
export const CONTENTS_LABEL = "Contents";

function decorationPart(call: DirectiveCall, tagname: "header" | "footer"): Element {
  const decoration = call.ctx.document.getDecoration();
  let part = decoration.children.find((c): c is Element => c instanceof Element && c.tagname === tagname);
  if (!part) {
    part = new Element(tagname);
    if (tagname === "header") decoration.insert(0, part);
    else decoration.append(part);
  }
  return part;
}

export const PARTS_DIRECTIVES: Record<string, DirectiveDefinition> = {
  contents: directive({
    optionalArguments: 1,
    finalArgumentWhitespace: true,
    optionSpec: {
      depth: nonnegativeInt,
      local: (v) => {
        if (v && v.trim()) throw new Error(`no argument is allowed; "${v}" supplied`);
        return null;
      },
      backlinks: (v) => {
        const value = choice(v, ["top", "entry", "none"]);
        return value === "none" ? null : value;
      },
      class: classOption,
    },
    run(call) {
      const { ctx } = call;
      if (!(ctx.matchTitles || ctx.parent.tagname === "sidebar")) {
        throw error(`The "${call.name}" directive may not be used within topics or body elements.`);
      }
      const { document } = ctx;
      let title: Element | null = null;
      let messages: Element[] = [];
      if (call.arguments.length) {
        const titleText = call.arguments[0];
        const [nodes, msgs] = ctx.inlineText(titleText, call.lineno);
        title = new Element("title", {}, nodes);
        title.rawsource = titleText;
        messages = msgs;
      } else if (!("local" in call.options)) {
        title = new Element("title", {}, [new Text(CONTENTS_LABEL)]);
      }
      const topic = new Element("topic", { classes: ["contents"] });
      topic.classes.push(...((call.options.class as string[] | undefined) ?? []));
      place(call, topic, call.lineno);
      if ("local" in call.options) topic.classes.push("local");
      let name = CONTENTS_LABEL;
      if (title) {
        name = title.astext();
        topic.append(title);
      }
      name = fullyNormalizeName(name);
      if (!document.hasName(name)) topic.names.push(name);
      document.noteImplicitTarget(topic);
      const pending = new Element("pending");
      pending.transform = "docutils.transforms.parts.Contents";
      pending.details = { ...call.options };
      pending.rawsource = call.blockText;
      document.notePending(pending, 720);
      topic.append(pending);
      return [topic, ...messages];
    },
  }),
  sectnum: directive({
    optionSpec: { depth: pyInt, start: pyInt, prefix: unchangedRequired, suffix: unchangedRequired },
    run(call) {
      const pending = new Element("pending");
      pending.transform = "docutils.transforms.parts.SectNum";
      pending.details = { ...call.options };
      call.ctx.document.notePending(pending, 710);
      return [pending];
    },
  }),
  header: directive({
    hasContent: true,
    run(call) {
      assertHasContent(call);
      call.ctx.nestedParse(call.content, call.contentOffset, decorationPart(call, "header"));
      return [];
    },
  }),
  footer: directive({
    hasContent: true,
    run(call) {
      assertHasContent(call);
      call.ctx.nestedParse(call.content, call.contentOffset, decorationPart(call, "footer"));
      return [];
    },
  }),
};
PARTS_DIRECTIVES["section-numbering"] = PARTS_DIRECTIVES.sectnum;
