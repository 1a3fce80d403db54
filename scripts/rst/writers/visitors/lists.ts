// Lists: bullet, enumerated, definition (with classifiers and "details"), field and
// option lists, and docutils' test for "simple" (compact) lists.
import { Element, INVISIBLE_ELEMENTS } from "../../nodes.ts";
import { type HtmlWriter, isElement, type VisitorTable } from "../writer.ts";

type CheckKind = "pass" | "ignore" | "item";

/** How docutils' SimpleListChecker treats each node type; anything else makes a list non-simple. */
const CHECK: Record<string, CheckKind> = {
  "#text": "ignore", paragraph: "ignore",
  bullet_list: "pass", enumerated_list: "pass", docinfo: "pass",
  author: "ignore", authors: "item", address: "item", contact: "pass", copyright: "ignore",
  date: "ignore", organization: "ignore", status: "ignore", version: "item",
  definition_list: "pass", definition_list_item: "pass", term: "ignore", classifier: "pass",
  definition: "item", field_list: "pass", field: "pass", field_body: "item", field_name: "ignore",
  list_item: "item",
  comment: "ignore", substitution_definition: "ignore", target: "ignore", pending: "ignore",
};

/** A list item (or field body, definition, …) is simple if it holds at most one visible child, not counting a trailing nested list after a paragraph. */
function simpleItem(node: Element): boolean {
  const children = node.children.filter((c) => !(c instanceof Element && INVISIBLE_ELEMENTS.has(c.tagname)));
  if (
    children.length &&
    isElement(children[0], "paragraph") &&
    isElement(children[children.length - 1], "bullet_list", "enumerated_list", "field_list")
  ) {
    children.pop();
  }
  return children.length <= 1;
}

/** docutils' check_simple_list: walks the list and fails on anything that is not simple. */
export function isSimpleList(node: Element): boolean {
  const stack: Element[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    const kind = CHECK[n.tagname];
    if (kind === undefined) return false;
    if (kind === "ignore") continue;
    if (kind === "item" && !simpleItem(n)) return false;
    for (let i = n.children.length - 1; i >= 0; i--) {
      const c = n.children[i];
      if (c instanceof Element) stack.push(c);
    }
  }
  return true;
}

/** docutils' is_compactable. */
export function isCompactable(w: HtmlWriter, node: Element): boolean {
  if (node.classes.includes("compact")) return true;
  if (node.classes.includes("open")) return false;
  if ((node.tagname === "field_list" || node.tagname === "definition_list") && !w.settings.compactFieldLists) return false;
  if ((node.tagname === "enumerated_list" || node.tagname === "bullet_list") && !w.settings.compactLists) return false;
  if (node.parent?.classes.includes("contents")) return true;
  return isSimpleList(node);
}

function inDetails(node: Element): boolean {
  return !!node.parent?.parent?.classes.includes("details");
}

export const listVisitors: VisitorTable = {
  bullet_list: {
    visit(w, node) {
      const oldCompact = w.compactSimple;
      w.context.push([w.compactSimple, w.compactP]);
      w.compactP = null;
      w.compactSimple = isCompactable(w, node);
      const cls = w.compactSimple && !oldCompact ? "simple" : undefined;
      w.body.push(w.starttag(node, "ul", {}, { class: cls }));
    },
    depart(w) {
      [w.compactSimple, w.compactP] = w.context.pop() as [boolean, boolean | null];
      w.body.push("</ul>\n");
    },
  },
  enumerated_list: {
    visit(w, node) {
      const classes: string[] = [];
      if (node.has("enumtype")) classes.push(node.str("enumtype")!);
      if (isCompactable(w, node)) classes.push("simple");
      w.body.push(w.starttag(node, "ol", { start: node.str("start") }, { classes }));
    },
    depart: (w) => void w.body.push("</ol>\n"),
  },
  list_item: {
    visit: (w, node) => void w.body.push(w.starttag(node, "li", {}, { suffix: "" })),
    depart: (w) => void w.body.push("</li>\n"),
  },
  definition_list: {
    visit(w, node) {
      if (node.classes.includes("details")) {
        // A list of disclosure widgets (<details>), wrapped in a div that carries the classes.
        w.body.push(w.starttag(node, "div"));
        return;
      }
      const classes = isCompactable(w, node) ? ["simple"] : [];
      w.body.push(w.starttag(node, "dl", {}, { classes }));
    },
    depart(w, node) {
      w.body.push(node.classes.includes("details") ? "</div>\n" : "</dl>\n");
    },
  },
  definition_list_item: {
    visit(w, node) {
      const parent = node.parent;
      if (parent?.classes.includes("details")) {
        const open = parent.classes.includes("open") ? "open" : undefined;
        w.body.push(w.starttag(node, "details", { open }));
      }
    },
    depart(w, node) {
      if (node.parent?.classes.includes("details")) w.body.push("</details>\n");
    },
  },
  term: {
    visit(w, node) {
      if (inDetails(node)) {
        w.body.push(w.starttag(node, "summary", {}, { suffix: "" }));
      } else {
        const item = node.parent!;
        w.body.push(w.starttag(node, "dt", {}, { suffix: "", classes: [...item.classes], ids: [...item.ids] }));
      }
    },
  },
  classifier: {
    visit: (w, node) => void w.body.push(w.starttag(node, "span", {}, { suffix: "", class: "classifier" })),
    depart: (w) => void w.body.push("</span>"),
  },
  definition: {
    visit(w, node) {
      if (inDetails(node)) w.body.push("</summary>\n");
      else {
        w.body.push("</dt>\n");
        w.body.push(w.starttag(node, "dd", {}, { suffix: "" }));
      }
    },
    depart(w, node) {
      if (!inDetails(node)) w.body.push("</dd>\n");
    },
  },
  field_list: {
    visit(w, node) {
      const classes = [...node.classes];
      let style: string | undefined;
      const i = classes.findIndex((c) => c.startsWith("field-indent-"));
      if (i >= 0) {
        const length = cssLength(classes[i].slice(13));
        if (length !== null) {
          style = `--field-indent: ${length};`;
          classes.splice(i, 1);
        }
      }
      classes.push("field-list");
      if (isCompactable(w, node)) classes.push("simple");
      w.body.push(w.starttag(node, "dl", { style }, { nodeClasses: classes }));
    },
    depart: (w) => void w.body.push("</dl>\n"),
  },
  field: {},
  field_name: {
    visit(w, node) {
      w.body.push(w.starttag(node, "dt", {}, { suffix: "", classes: [...(node.parent?.classes ?? [])] }));
    },
    depart: (w) => void w.body.push('<span class="colon">:</span></dt>\n'),
  },
  field_body: {
    visit(w, node) {
      w.body.push(w.starttag(node, "dd", {}, { suffix: "", classes: [...(node.parent?.classes ?? [])] }));
      if (!node.children.length) w.body.push("<p></p>");
    },
    depart: (w) => void w.body.push("</dd>\n"),
  },
  option_list: {
    visit: (w, node) => void w.body.push(w.starttag(node, "dl", {}, { class: "option-list" })),
    depart: (w) => void w.body.push("</dl>\n"),
  },
  option_list_item: {},
  option_group: {
    visit(w, node) {
      w.body.push(w.starttag(node, "dt", {}, { suffix: "" }));
      w.body.push("<kbd>");
    },
    depart: (w) => void w.body.push("</kbd></dt>\n"),
  },
  option: {
    visit: (w, node) => void w.body.push(w.starttag(node, "span", {}, { suffix: "", class: "option" })),
    depart(w, node) {
      w.body.push("</span>");
      if (isElement(w.next(node), "option")) w.body.push(", ");
    },
  },
  option_string: {},
  option_argument: {
    visit(w, node) {
      w.body.push(node.str("delimiter") ?? " ");
      w.body.push(w.starttag(node, "var", {}, { suffix: "" }));
    },
    depart: (w) => void w.body.push("</var>"),
  },
  description: {
    visit: (w, node) => void w.body.push(w.starttag(node, "dd", {}, { suffix: "" })),
    depart: (w) => void w.body.push("</dd>\n"),
  },
};

/** docutils' length_or_percentage_or_unitless(value, "px"): a number with an optional CSS unit. */
export function cssLength(value: string): string | null {
  const m = /^([0-9.]+)\s*(em|ex|px|in|cm|mm|pt|pc|%|ch|rem|vw|vh|vmin|vmax|Q)?$/.exec(value.trim());
  if (!m || !/^\d*\.?\d*$/.test(m[1]) || m[1] === ".") return null;
  return m[1] + (m[2] ?? "px");
}
