// Links and anchors: reference, target, problematic, footnote_reference,
// citation_reference, substitution_reference.
import type { Element } from "../../nodes.ts";
import { attval, type HtmlWriter, inTextElement, isElement, type VisitorTable } from "../writer.ts";

/** URI schemes that can run script when followed; not rendered as links unless allowed. */
const UNSAFE_SCHEMES = ["javascript:", "vbscript:", "data:"];

/** True when `uri` (ignoring case, whitespace and control characters) starts with a script-capable scheme. */
export function isUnsafeUri(uri: string): boolean {
  // Most URIs are rejected by their first significant character: only "j", "v" and
  // "d" (either case) begin an unsafe scheme, and no other character lower-cases to
  // one of them.
  let i = 0;
  while (i < uri.length && (uri.charCodeAt(i) <= 0x20 || uri.charCodeAt(i) === 0x7f)) i++;
  const first = uri.charCodeAt(i) | 0x20;
  if (first !== 0x6a && first !== 0x76 && first !== 0x64) return false;
  let squeezed = "";
  for (const ch of uri) {
    const code = ch.codePointAt(0)!;
    if (code <= 0x20 || code === 0x7f) continue;
    squeezed += ch.toLowerCase();
    if (squeezed.length > 12) break;
  }
  return UNSAFE_SCHEMES.some((s) => squeezed.startsWith(s));
}

function visitReference(w: HtmlWriter, node: Element): void {
  const refuri = node.str("refuri");
  let href: string | undefined;
  let kind = "";
  if (refuri !== undefined) {
    href = refuri;
    kind = " external";
    if (!w.settings.allowUnsafeUris && isUnsafeUri(refuri)) href = undefined;
  } else if (node.has("refid")) {
    href = "#" + node.str("refid");
    kind = " internal";
  }
  const onlyImage = node.children.length === 1 && isElement(node.children[0], "image");
  // The class is put together by one concatenation that every reference runs: an
  // appending branch that only image references take was first reached after this
  // function was optimized, and deoptimized it.
  const image = onlyImage || !inTextElement(node) ? " image-reference" : "";
  const cls = "reference" + kind + image;
  w.body.push(w.starttag(node, "a", { href }, { suffix: "", class: cls }));
}

export const referenceVisitors: VisitorTable = {
  reference: {
    visit: visitReference,
    depart(w, node) {
      w.body.push("</a>");
      if (!inTextElement(node)) w.body.push("\n");
    },
  },
  target: {
    visit(w, node) {
      if (!node.has("refuri") && !node.has("refid") && !node.has("refname")) {
        w.body.push(w.starttag(node, "span", {}, { suffix: "", class: "target" }));
        w.context.push("</span>");
      } else w.context.push("");
    },
    depart: (w) => void w.body.push(w.context.pop() as string),
  },
  problematic: {
    visit(w, node) {
      if (node.has("refid")) {
        w.body.push(`<a href="#${attval(node.str("refid")!)}">`);
        w.context.push("</a>");
      } else w.context.push("");
      w.body.push(w.starttag(node, "span", {}, { suffix: "", class: "problematic" }));
    },
    depart(w) {
      w.body.push("</span>");
      w.body.push(w.context.pop() as string);
    },
  },
  footnote_reference: {
    visit(w, node) {
      const href = "#" + (node.str("refid") ?? "");
      w.body.push(
        w.starttag(node, "a", { role: "doc-noteref", href }, { suffix: "", classes: [w.settings.footnoteReferences] }),
      );
      w.body.push('<span class="fn-bracket">[</span>');
    },
    depart(w) {
      w.body.push('<span class="fn-bracket">]</span></a>');
    },
  },
  citation_reference: {
    visit(w, node) {
      let href = "#";
      if (node.has("refid")) href += node.str("refid");
      else if (node.has("refname")) href += w.document.nameids.get(node.str("refname")!) ?? "";
      w.body.push(
        w.starttag(node, "a", { href, role: "doc-biblioref" }, { suffix: "[", classes: ["citation-reference"] }),
      );
    },
    depart: (w) => void w.body.push("]</a>"),
  },
  // Substitution references are replaced by the Substitutions transform; one that survives
  // (an error case) is written as its content.
  substitution_reference: {},
};

