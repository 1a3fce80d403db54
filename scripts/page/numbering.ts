// The section tree of a page: every section numbered from its place in the tree
// (1, 1.2, 1.2.3 ...), the number written into its title, and endpoint titles
// ("GET /path") given an HTTP method badge. The table of contents is made from
// the tree this returns. An operation's summary (a paragraph of class
// `operation-summary` right after its title) becomes the title line, above
// `METHOD /path`.
import { Element, Text, type Document } from "../rst/index.ts";

export const METHOD_NAMES = ["GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"] as const;

export interface SectionEntry {
  /** The section's first id: the anchor its heading links to. */
  id: string;
  /** e.g. `2.4.1`. */
  number: string;
  /** Title text, without the number or the method. */
  title: string;
  /** The HTTP method of an endpoint title, e.g. `GET`. */
  method?: string;
  /** For an endpoint: its path without the API prefix (`/_matrix/client/api/v1`), for the contents. */
  shortTitle?: string;
  /** An operation's summary, e.g. "Create a new room." */
  summary?: string;
  children: SectionEntry[];
}

const METHOD_TITLE = new RegExp(`^(${METHOD_NAMES.join("|")})(\\s+)(?=\\S)`);

/** Splits "GET /a/b" into its method and the rest; undefined for any other title. */
export function splitMethod(title: string): { method: string; rest: string } | undefined {
  const m = METHOD_TITLE.exec(title);
  return m ? { method: m[1], rest: title.slice(m[0].length) } : undefined;
}

function childSections(node: Element): Element[] {
  return node.children.filter((c): c is Element => c instanceof Element && c.tagname === "section");
}

function titleOf(section: Element): Element | undefined {
  const first = section.children.find((c) => c instanceof Element && c.tagname === "title");
  return first as Element | undefined;
}

/** `/_matrix/client/api/v1/rooms/{roomId}` → `…/rooms/{roomId}`: the part that tells endpoints apart. */
export function shortPath(path: string): string {
  const m = /^\/_matrix\/[^/\s]+\/(?:api\/)?[^/\s]+(?=\/)/.exec(path);
  return m ? `…${path.slice(m[0].length)}` : path;
}

/** Text with a line-break opportunity (<wbr>) after each slash, so that a long path wraps between its segments. */
function breakAfterSlashes(data: string): (Text | Element)[] {
  const nodes: (Text | Element)[] = [];
  const parts = data.split("/");
  parts.forEach((part, i) => {
    const last = i === parts.length - 1;
    if (part || !last) nodes.push(new Text(last ? part : part + "/"));
    if (!last && parts[i + 1] !== "") nodes.push(new Element("raw", { format: "html" }, [new Text("<wbr>")]));
  });
  return nodes;
}

/** Wraps a leading HTTP method of a title in an inline badge; the path may wrap after its slashes. */
function badgeTitle(title: Element): string | undefined {
  const first = title.children[0];
  if (!(first instanceof Text)) return undefined;
  const split = splitMethod(first.data);
  if (!split) return undefined;
  const badge = new Element("inline", { classes: ["http-method", `http-method-${split.method.toLowerCase()}`] }, [new Text(split.method)]);
  const rest = first.data.slice(split.method.length);
  first.replaceSelf([badge, ...breakAfterSlashes(rest)]);
  return split.method;
}

export const SUMMARY_CLASS = "operation-summary";

/**
 * Moves an operation's summary paragraph into its title: the title becomes
 * the summary, then the method and path on a line of their own. Returns the
 * summary's text.
 */
function summaryIntoTitle(section: Element, title: Element): string | undefined {
  const index = section.children.indexOf(title);
  const next = section.children[index + 1];
  if (!(next instanceof Element) || next.tagname !== "paragraph" || !next.classes.includes(SUMMARY_CLASS)) return undefined;
  const text = next.astext().replace(/\s+/g, " ").trim();
  const summary = new Element("inline", { classes: [SUMMARY_CLASS] }).append(...next.clearChildren());
  const route = new Element("inline", { classes: ["operation-route"] }).append(...title.clearChildren());
  title.append(summary, route);
  next.remove();
  return text;
}

/**
 * Numbers every section of the document (in place) and returns the tree.
 * Sections without an id (which docutils always gives them) are left out of the tree.
 */
export function numberSections(document: Document): SectionEntry[] {
  const walk = (parent: Element, prefix: string): SectionEntry[] => {
    const entries: SectionEntry[] = [];
    childSections(parent).forEach((section, i) => {
      const number = prefix ? `${prefix}.${i + 1}` : String(i + 1);
      const title = titleOf(section);
      const fullTitle = title ? title.astext().replace(/\s+/g, " ").trim() : "";
      let method: string | undefined;
      let summary: string | undefined;
      if (title) {
        method = badgeTitle(title);
        if (method) summary = summaryIntoTitle(section, title);
        title.insert(0, [new Element("inline", { classes: ["section-number"] }, [new Text(number)]), new Text(" ")]);
      }
      const children = walk(section, number);
      const id = section.ids[0];
      if (id) {
        const titleText = method ? fullTitle.slice(method.length).trim() : fullTitle;
        const short = method ? shortPath(titleText) : undefined;
        entries.push({ id, number, title: titleText, ...(method ? { method } : {}), ...(short && short !== titleText ? { shortTitle: short } : {}), ...(summary ? { summary } : {}), children });
      } else entries.push(...children);
    });
    return entries;
  };
  return walk(document, "");
}
