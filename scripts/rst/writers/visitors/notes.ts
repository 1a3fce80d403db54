// Footnotes and citations: grouped in <aside class="footnote-list …"> and
// <div role="list" class="citation-list">, with labels linking back to the references.
import { attval, isElement, type VisitorTable } from "../writer.ts";

export const noteVisitors: VisitorTable = {
  footnote: {
    visit(w, node) {
      const style = w.settings.footnoteReferences;
      if (!isElement(w.previous(node), "footnote")) w.body.push(`<aside class="footnote-list ${style}">\n`);
      w.body.push(w.starttag(node, "aside", { role: "doc-footnote" }, { classes: ["footnote", style] }));
    },
    depart(w, node) {
      w.body.push("</aside>\n");
      if (!isElement(w.next(node), "footnote")) w.body.push("</aside>\n");
    },
  },
  citation: {
    visit(w, node) {
      if (!isElement(w.previous(node), "citation")) w.body.push('<div role="list" class="citation-list">\n');
      w.body.push(w.starttag(node, "div", { role: "doc-biblioentry" }, { classes: ["citation"] }));
    },
    depart(w, node) {
      w.body.push("</div>\n");
      if (!isElement(w.next(node), "citation")) w.body.push("</div>\n");
    },
  },
  label: {
    visit(w, node) {
      w.body.push('<span class="label"><span class="fn-bracket">[</span>');
      const backrefs = w.settings.footnoteBacklinks ? (node.parent?.backrefs ?? []) : [];
      if (backrefs.length === 1) w.body.push(`<a role="doc-backlink" href="#${attval(backrefs[0])}">`);
    },
    depart(w, node) {
      const backrefs = w.settings.footnoteBacklinks ? (node.parent?.backrefs ?? []) : [];
      if (backrefs.length === 1) w.body.push("</a>");
      w.body.push('<span class="fn-bracket">]</span></span>\n');
      if (backrefs.length > 1) {
        const links = backrefs.map((ref, i) => `<a role="doc-backlink" href="#${attval(ref)}">${i + 1}</a>`);
        w.body.push(`<span class="backrefs">(${links.join(",")})</span>\n`);
      }
    },
  },
};
