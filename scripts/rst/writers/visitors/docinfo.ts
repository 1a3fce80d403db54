// The bibliographic fields (docinfo): a <dl class="docinfo"> written before the body,
// with one dt/dd pair per field (docutils' English labels).
import { emptyList } from "../../arrays.ts";
import type { Element } from "../../nodes.ts";
import { type HtmlWriter, type VisitorTable } from "../writer.ts";
import { isCompactable } from "./lists.ts";

export const DOCINFO_LABELS: Record<string, string> = {
  author: "Author", authors: "Authors", organization: "Organization", address: "Address",
  contact: "Contact", version: "Version", revision: "Revision", status: "Status", date: "Date",
  copyright: "Copyright",
};

function visitItem(w: HtmlWriter, node: Element, name: string): void {
  w.body.push(`<dt class="${name}">${DOCINFO_LABELS[name]}<span class="colon">:</span></dt>\n`);
  w.body.push(w.starttag(node, "dd", {}, { suffix: "", class: name }));
}

function item(name: string): VisitorTable[string] {
  return {
    visit: (w, node) => visitItem(w, node, name),
    depart: (w) => void w.body.push("</dd>\n"),
  };
}

export const docinfoVisitors: VisitorTable = {
  docinfo: {
    visit(w, node) {
      w.context.push(w.body.length);
      const classes = ["docinfo"];
      if (isCompactable(w, node)) classes.push("simple");
      w.body.push(w.starttag(node, "dl", {}, { classes }));
    },
    depart(w) {
      w.body.push("</dl>\n");
      const start = w.context.pop() as number;
      w.docinfo = w.body.slice(start);
      w.body = emptyList();
    },
  },
  author: {
    visit(w, node) {
      if (node.parent?.tagname !== "authors") visitItem(w, node, "author");
      w.body.push("<p>");
    },
    depart(w, node) {
      w.body.push("</p>");
      if (node.parent?.tagname === "authors") w.body.push("\n");
      else w.body.push("</dd>\n");
    },
  },
  authors: item("authors"),
  organization: item("organization"),
  contact: item("contact"),
  version: item("version"),
  revision: item("revision"),
  status: item("status"),
  date: item("date"),
  copyright: item("copyright"),
  address: {
    visit(w, node) {
      visitItem(w, node, "address");
      w.body.push(w.starttag(node, "pre", {}, { suffix: "", class: "address" }));
    },
    depart: (w) => void w.body.push("\n</pre>\n</dd>\n"),
  },
};
