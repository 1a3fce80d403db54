// Body elements: paragraph, block quote and attribution, admonitions, topics (including
// the table of contents), sidebars, containers, compound paragraphs, line blocks, and
// the invisible elements (comment, substitution definition, pending, meta).
import { type HtmlWriter, encode, isElement, SKIP, type VisitorTable } from "../writer.ts";

/** The specific admonitions and their titles (docutils' English labels). */
export const ADMONITION_LABELS: Record<string, string> = {
  attention: "Attention!", caution: "Caution!", danger: "!DANGER!", error: "Error", hint: "Hint",
  important: "Important", note: "Note", tip: "Tip", warning: "Warning",
};

export const ADMONITION_TAGS = new Set(["admonition", ...Object.keys(ADMONITION_LABELS)]);

const ATTRIBUTION_FORMATS: Record<string, [string, string]> = {
  dash: ["\u2014", ""], parentheses: ["(", ")"], parens: ["(", ")"], none: ["", ""],
};

/** Elements whose HTML tag is closed by `</aside>` etc.: topics choose their tag by class. */
function topicTag(classes: string[]): { tag: string; role?: string; classes: string[] } {
  if (classes.includes("contents")) return { tag: "nav", classes: [] };
  if (classes.includes("abstract")) return { tag: "div", role: "doc-abstract", classes: ["topic"] };
  if (classes.includes("dedication")) return { tag: "div", role: "doc-dedication", classes: ["topic"] };
  return { tag: "aside", classes: ["topic"] };
}

const SUPPORTED_BLOCK_TAGS = ["ins", "del"];

export const blockVisitors: VisitorTable = {
  paragraph: {
    visit: (w, node) => void w.body.push(w.starttag(node, "p", {}, { suffix: "" })),
    depart(w, node) {
      w.body.push("</p>");
      const parent = node.parent;
      if (!(parent && (parent.tagname === "list_item" || parent.tagname === "entry") && parent.children.length === 1)) {
        w.body.push("\n");
      }
    },
  },
  block_quote: {
    visit: (w, node) => void w.body.push(w.starttag(node, "blockquote")),
    depart: (w) => void w.body.push("</blockquote>\n"),
  },
  attribution: {
    visit(w, node) {
      const [prefix, suffix] = ATTRIBUTION_FORMATS[w.settings.attribution] ?? ATTRIBUTION_FORMATS.dash;
      w.context.push(suffix);
      w.body.push(w.starttag(node, "p", {}, { suffix: prefix, class: "attribution" }));
    },
    depart: (w) => void w.body.push(`${w.context.pop() as string}</p>\n`),
  },
  compound: {
    visit: (w, node) => void w.body.push(w.starttag(node, "div", {}, { class: "compound" })),
    depart: (w) => void w.body.push("</div>\n"),
  },
  container: {
    visit(w, node) {
      const tags = node.classes.filter((c) => SUPPORTED_BLOCK_TAGS.includes(c));
      const tag = tags.length === 1 ? tags[0] : "div";
      const nodeClasses = tags.length === 1 ? node.classes.filter((c) => c !== tag) : node.classes;
      w.nodeData(node).tag = tag;
      w.body.push(w.starttag(node, tag, {}, { nodeClasses, class: "docutils container" }));
    },
    depart: (w, node) => void w.body.push(`</${w.nodeData(node).tag as string}>\n`),
  },
  line_block: {
    visit: (w, node) => void w.body.push(w.starttag(node, "div", {}, { class: "line-block" })),
    depart: (w) => void w.body.push("</div>\n"),
  },
  line: {
    visit(w, node) {
      w.body.push(w.starttag(node, "div", {}, { suffix: "", class: "line" }));
      if (!node.children.length) w.body.push("<br />");
    },
    depart: (w) => void w.body.push("</div>\n"),
  },
  topic: {
    visit(w, node) {
      const t = topicTag(node.classes);
      let role = t.role;
      if (t.tag === "nav" && node.parent?.tagname === "document") role = "doc-toc";
      w.nodeData(node).tag = t.tag;
      w.body.push(w.starttag(node, t.tag, { role }, { classes: t.classes }));
    },
    depart: (w, node) => void w.body.push(`</${w.nodeData(node).tag as string}>\n`),
  },
  sidebar: {
    visit: (w, node) => void w.body.push(w.starttag(node, "aside", {}, { class: "sidebar" })),
    depart: (w) => void w.body.push("</aside>\n"),
  },
  // Invisible elements
  comment: {
    visit(w, node) {
      w.body.push(`<!-- ${encodeComment(node.astext())} -->\n`);
      return SKIP;
    },
  },
  substitution_definition: { visit: () => SKIP },
  pending: { visit: () => SKIP },
  meta: { visit: () => SKIP },
};

/** Comment text: a "-" followed by another "-" gets a space after it (no "--" inside a comment). */
function encodeComment(text: string): string {
  return text.replace(/-(?=-)/g, "- ");
}

function admonition(tagname: string): VisitorTable[string] {
  return {
    visit(w, node) {
      const classes = ["admonition"];
      const extra = tagname === "admonition" ? undefined : tagname;
      w.body.push(w.starttag(node, "aside", {}, { classes, class: extra }));
      if (extra) w.body.push(`<p class="admonition-title">${encode(ADMONITION_LABELS[tagname])}</p>\n`);
    },
    depart: (w) => void w.body.push("</aside>\n"),
  };
}

for (const tag of ADMONITION_TAGS) blockVisitors[tag] = admonition(tag);

export { isElement };
export type { HtmlWriter };
