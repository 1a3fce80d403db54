// Preformatted and code content: literal_block (with "code" classes), doctest_block,
// raw (only format "html" is written), math and math_block (MathML, see ../math/).
import { Element } from "../../nodes.ts";
import { encode, type HtmlWriter, SKIP, type VisitorTable } from "../writer.ts";
import { texToMathml, MathSyntaxError } from "../math/tex-to-mathml.ts";
import { pickMathEnvironment } from "../math/environment.ts";

function writeMath(w: HtmlWriter, node: Element, block: boolean): typeof SKIP {
  const code = node.astext();
  let mathml: string;
  try {
    mathml = texToMathml(code, block ? pickMathEnvironment(code) : "");
  } catch (e) {
    if (!(e instanceof MathSyntaxError)) throw e;
    // docutils reports the conversion error and writes the source as a problematic span/pre.
    const msg = e.message;
    w.reportWarning(msg, node);
    if (block) {
      w.body.push(w.starttag(node, "pre", {}, { suffix: "", class: "math problematic" }));
      w.body.push(encode(code), "</pre>\n");
    } else {
      w.body.push(w.starttag(node, "span", {}, { suffix: "", class: "math problematic" }));
      w.body.push(encode(code), "</span>");
    }
    return SKIP;
  }
  if (block) {
    w.body.push(w.starttag(node, "div"));
    w.body.push(mathml, "\n</div>\n");
  } else {
    if (node.ids.length) {
      w.body.push(w.starttag(node, "span", {}, { suffix: "" }), mathml, "</span>");
    } else w.body.push(mathml);
  }
  return SKIP;
}

export const literalVisitors: VisitorTable = {
  literal_block: {
    visit(w, node) {
      w.body.push(w.starttag(node, "pre", {}, { suffix: "", class: "literal-block" }));
      if (node.classes.includes("code")) w.body.push("<code>");
    },
    depart(w, node) {
      if (node.classes.includes("code")) w.body.push("</code>");
      w.body.push("</pre>\n");
    },
  },
  doctest_block: {
    visit: (w, node) => void w.body.push(w.starttag(node, "pre", {}, { suffix: "", classes: ["code", "python", "doctest"] })),
    depart: (w) => void w.body.push("\n</pre>\n"),
  },
  raw: {
    visit(w, node) {
      const formats = (node.str("format") ?? "").split(/\s+/);
      if (w.settings.rawHtml && formats.includes("html")) {
        const tag = node.parent && isTextElement(node.parent) ? "span" : "div";
        if (node.classes.length) w.body.push(w.starttag(node, tag, {}, { suffix: "" }));
        w.body.push(node.astext());
        if (node.classes.length) w.body.push(`</${tag}>`);
      }
      return SKIP;
    },
  },
  math: { visit: (w, node) => writeMath(w, node, false) },
  math_block: { visit: (w, node) => writeMath(w, node, true) },
};

import { TEXT_ELEMENTS } from "../../nodes.ts";
function isTextElement(node: Element): boolean {
  return TEXT_ELEMENTS.has(node.tagname);
}
