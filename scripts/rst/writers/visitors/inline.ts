// Text-level elements: emphasis, strong, literal, title_reference, sub/superscript,
// abbreviation/acronym, inline (with docutils' HTML5 semantic tags), generated.
import { attval, encode, type HtmlWriter, SKIP, type VisitorTable } from "../writer.ts";
import type { Element } from "../../nodes.ts";

/** Class values the html5 writer turns into an HTML text-level tag of the same name. */
export const SUPPORTED_INLINE_TAGS = [
  "code", "kbd", "dfn", "samp", "var", "bdi", "del", "ins", "mark", "small", "b", "i", "q", "s", "u",
];

function simple(tag: string): VisitorTable[string] {
  return {
    visit: (w, node) => void w.body.push(w.starttag(node, tag, {}, { suffix: "" })),
    depart: (w) => void w.body.push(`</${tag}>`),
  };
}

/** The first supported inline tag among `classes` (docutils iterates over a set; we use our list's order). */
function semanticTag(classes: string[]): string | undefined {
  return SUPPORTED_INLINE_TAGS.find((t) => classes.includes(t));
}

// Breaking points inside a literal word (docutils protects these with a "pre" span):
// two non-word characters with something on both sides, or "-"/"?" followed by anything.
function needsPreSpan(token: string): boolean {
  const chars = [...token];
  const nonWord = (c: string) => !/[\p{L}\p{N}\p{Mn}\p{Mc}_]/u.test(c);
  for (let i = 0; i + 1 < chars.length; i++) {
    if (chars[i] === "-" || chars[i] === "?") return true;
    if (i >= 1 && i + 2 < chars.length && nonWord(chars[i]) && nonWord(chars[i + 1])) return true;
  }
  return false;
}

/** Splits into runs of non-blank characters, runs of spaces, and newlines. */
function wordsAndSpaces(text: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    let j = i + 1;
    if (c === "\n") {
      out.push(c);
    } else if (c === " ") {
      while (j < text.length && text[j] === " ") j++;
      out.push(text.slice(i, j));
    } else {
      while (j < text.length && text[j] !== " " && text[j] !== "\n") j++;
      out.push(text.slice(i, j));
    }
    i = j;
  }
  return out;
}

function visitLiteral(w: HtmlWriter, node: Element): void | typeof SKIP {
  const tag = semanticTag(node.classes) ?? "span";
  const nodeClasses = node.classes.filter((c) => c !== tag);
  if (tag === "code") {
    w.body.push(w.starttag(node, "code", {}, { suffix: "", nodeClasses }));
    w.nodeData(node).code = true;
    return;
  }
  w.body.push(w.starttag(node, tag, {}, { suffix: "", nodeClasses, class: "docutils literal" }));
  let text = node.astext();
  if (node.parent?.tagname !== "literal_block") text = text.replace(/\n/g, " ");
  for (const token of wordsAndSpaces(text)) {
    if (token.trim() && needsPreSpan(token)) w.body.push(`<span class="pre">${encode(token)}</span>`);
    else w.body.push(encode(token));
  }
  w.body.push(`</${tag}>`);
  return SKIP;
}

export const inlineVisitors: VisitorTable = {
  emphasis: simple("em"),
  strong: simple("strong"),
  subscript: simple("sub"),
  superscript: simple("sup"),
  title_reference: simple("cite"),
  abbreviation: simple("abbr"),
  acronym: simple("abbr"),
  literal: {
    visit: visitLiteral,
    depart: (w) => void w.body.push("</code>"),
  },
  inline: {
    visit(w, node) {
      let tag = semanticTag(node.classes);
      const parent = node.parent;
      if (
        !tag &&
        node.classes.length === 1 &&
        node.classes[0] === "ln" &&
        parent?.tagname === "literal_block" &&
        parent.classes.includes("code")
      ) {
        // A line number of a numbered code block: close the running <code>, reopen it after the number.
        if (w.body[w.body.length - 1] === "<code>") w.body.pop();
        else w.body.push("</code>");
        tag = "small";
        w.nodeData(node).lineNumber = true;
      }
      tag ??= "span";
      const nodeClasses = node.classes.filter((c) => c !== tag);
      w.nodeData(node).tag = tag;
      w.body.push(w.starttag(node, tag, {}, { suffix: "", nodeClasses }));
    },
    depart(w, node) {
      const data = w.nodeData(node);
      w.body.push(`</${data.tag as string}>`);
      if (data.lineNumber) w.body.push(`<code data-lineno="${attval(node.astext())}">`);
    },
  },
  generated: {
    visit(w, node) {
      if (node.classes.includes("sectnum")) {
        const sectnum = node.astext().replace(/\u00a0+$/, "");
        w.body.push(`<span class="sectnum">${encode(sectnum)} </span>`);
        return SKIP;
      }
    },
  },
};
