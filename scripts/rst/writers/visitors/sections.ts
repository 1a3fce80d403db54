// Document structure: document (<main>), section, title (h1..h6, captions and the
// titles of topics, sidebars and admonitions), subtitle, header/footer decoration,
// transition, rubric.
import type { Element } from "../../nodes.ts";
import { attval, type HtmlWriter, isElement, type VisitorTable } from "../writer.ts";
import { ADMONITION_TAGS } from "./blocks.ts";
import { emptyList, pushAll } from "../../arrays.ts";

/** Level of top sections: below the document title if there is one. */
function initialHeaderLevel(w: HtmlWriter): number {
  if (w.settings.initialHeaderLevel > 0) return w.settings.initialHeaderLevel;
  return w.document.children.some((c) => isElement(c, "title")) ? 2 : 1;
}

function sectionTitleTags(w: HtmlWriter, node: Element): [string, string] {
  const level = w.sectionLevel + initialHeaderLevel(w) - 1;
  const tag = `h${Math.min(level, 6)}`;
  const attrs = level > 6 ? { "aria-level": level } : {};
  let start = w.starttag(node, tag, attrs, { suffix: "" });
  let close = `</${tag}>\n`;
  if (node.has("refid")) {
    start += `<a class="toc-backref" href="#${attval(node.str("refid")!)}" role="doc-backlink">`;
    close = `</a>${close}`;
  }
  const ids = node.parent?.ids ?? [];
  if (ids.length && w.settings.sectionSelfLink) {
    close = close.replace(`</${tag}>`, `<a class="self-link" title="link to this section" href="#${attval(ids[ids.length - 1])}"></a></${tag}>`);
  }
  return [start, close];
}

/** Moves what was written for the document title/subtitle out of the body. */
function flushDocumentTitle(w: HtmlWriter): void {
  pushAll(w.bodyPreDocinfo, w.body);
  w.body = emptyList();
}

function captureDecoration(where: "header" | "footer"): VisitorTable[string] {
  return {
    visit: (w) => void w.context.push(w.body.length),
    depart(w, node) {
      const start = w.context.pop() as number;
      const part = [w.starttag(node, where), ...w.body.slice(start), `</${where}>\n`];
      w.body.length = start;
      if (where === "header") pushAll(w.bodyPrefix, part);
      else w.bodySuffix = pushAll(part, w.bodySuffix);
    },
  };
}

export const sectionVisitors: VisitorTable = {
  document: {
    depart(w, node) {
      const main = w.starttag(node, "main");
      w.output =
        w.bodyPrefix.join("") + main + w.bodyPreDocinfo.join("") + w.docinfo.join("") + w.body.join("") + "</main>\n" + w.bodySuffix.join("");
    },
  },
  section: {
    visit(w, node) {
      w.sectionLevel++;
      w.body.push(w.starttag(node, "section"));
    },
    depart(w) {
      w.sectionLevel--;
      w.body.push("</section>\n");
    },
  },
  title: {
    visit(w, node) {
      const parent = node.parent;
      const ptag = parent?.tagname ?? "";
      let close = "</p>\n";
      if (ptag === "topic" && parent!.classes.includes("contents")) {
        // docutils 1.0 links the title of a table of contents to the top of the page.
        w.body.push(w.starttag(node, "p", {}, { suffix: "", class: "topic-title" }));
        w.body.push('<a class="reference internal" href="#top">');
        close = "</a></p>\n";
      } else if (ptag === "topic") w.body.push(w.starttag(node, "p", {}, { suffix: "", class: "topic-title" }));
      else if (ptag === "sidebar") w.body.push(w.starttag(node, "p", {}, { suffix: "", class: "sidebar-title" }));
      else if (ADMONITION_TAGS.has(ptag)) {
        w.body.push(w.starttag(node, "p", {}, { suffix: "", class: "admonition-title" }));
      } else if (ptag === "table") {
        w.body.push(w.starttag(node, "caption", {}, { suffix: "" }));
        close = "</caption>\n";
      } else if (ptag === "document") {
        w.body.push(w.starttag(node, "h1", {}, { suffix: "", class: "title" }));
        close = "</h1>\n";
        w.inDocumentTitle = 1;
      } else {
        const [start, end] = sectionTitleTags(w, node);
        w.body.push(start);
        close = end;
      }
      w.context.push(close);
    },
    depart(w) {
      w.body.push(w.context.pop() as string);
      if (w.inDocumentTitle) {
        w.inDocumentTitle = 0;
        flushDocumentTitle(w);
      }
    },
  },
  subtitle: {
    visit(w, node) {
      const ptag = node.parent?.tagname;
      const cls = ptag === "sidebar" ? "sidebar-subtitle" : ptag === "document" ? "subtitle" : "section-subtitle";
      w.body.push(w.starttag(node, "p", {}, { suffix: "", classes: [cls] }));
    },
    depart(w, node) {
      w.body.push("</p>\n");
      if (node.parent?.tagname === "document") flushDocumentTitle(w);
    },
  },
  decoration: {},
  header: captureDecoration("header"),
  footer: captureDecoration("footer"),
  transition: {
    visit: (w, node) => void w.body.push(w.emptytag(node, "hr", {}, { class: "docutils" })),
  },
  rubric: {
    visit: (w, node) => void w.body.push(w.starttag(node, "p", {}, { suffix: "", class: "rubric" })),
    depart: (w) => void w.body.push("</p>\n"),
  },
};
