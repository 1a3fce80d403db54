// frontmatter.DocInfo (priority 340): a field list first in the document (after the
// title and invisible elements) becomes the `docinfo`; known bibliographic fields
// (Author, Date, Version, ...) become their own elements, Dedication and Abstract
// become topics, RCS keywords ($Date: ... $) are reduced to their values.
import type { Document } from "../document.ts";
import { Element, type Node, Text, unescape } from "../nodes.ts";
import { fullyNormalizeName, makeId } from "../ids.ts";
import { firstChildNotIn, isElement, PRE_BIBLIOGRAPHIC } from "./util.ts";

/** English bibliographic field names → canonical names (docutils.languages.en). */
const BIBLIOGRAPHIC_FIELDS: Record<string, string> = {
  author: "author", authors: "authors", organization: "organization", address: "address",
  contact: "contact", version: "version", revision: "revision", status: "status", date: "date",
  copyright: "copyright", dedication: "dedication", abstract: "abstract",
};
const TOPIC_LABELS: Record<string, string> = { dedication: "Dedication", abstract: "Abstract" };
const AUTHOR_SEPARATORS = [";", ","];
const TEXT_FIELDS = new Set([
  "author", "organization", "address", "contact", "version", "revision", "status", "date", "copyright",
]);
const TITULAR_DECORATIVE_META = new Set(["title", "subtitle", "rubric", "decoration", "header", "footer", "meta"]);

/** docutils' DocInfo.rcs_keyword_substitutions. */
const RCS_KEYWORDS: Array<[RegExp, (m: RegExpExecArray) => string]> = [
  [/\$Date: (\d\d\d\d)[-/](\d\d)[-/](\d\d)[ T][\d:]+[^$]* \$/i, (m) => `${m[1]}-${m[2]}-${m[3]}`],
  [/\$RCSfile: (.+),v \$/i, (m) => m[1]],
  [/\$[a-zA-Z]+: (.+) \$/, (m) => m[1]],
];

/** docutils' utils.clean_rcs_keywords: a paragraph of one Text has its RCS keyword reduced. */
export function cleanRcsKeywords(paragraph: Element): void {
  if (paragraph.children.length !== 1 || !(paragraph.children[0] instanceof Text)) return;
  const t = paragraph.children[0];
  for (const [re, sub] of RCS_KEYWORDS) {
    const m = re.exec(t.data);
    if (m) {
      const global = new RegExp(re.source, re.flags + "g");
      paragraph.children[0].replaceSelf(new Text(t.data.replace(global, (...args) => sub(args.slice(0, -2) as unknown as RegExpExecArray))));
      return;
    }
  }
}

class TransformError extends Error {}

export function docInfo(document: Document): void {
  if (document.settings.docinfoXform === false) return;
  const index = firstChildNotIn(document, PRE_BIBLIOGRAPHIC);
  if (index < 0) return;
  const candidate = document.children[index];
  if (!isElement(candidate, "field_list")) return;
  const biblioindex = firstChildNotIn(document, TITULAR_DECORATIVE_META);
  const nodelist = extractBibliographic(document, candidate);
  candidate.remove();
  document.insert(biblioindex, nodelist);
}

function warn(document: Document, field: Element, message: string): void {
  const body = field.children[field.children.length - 1] as Element;
  body.append(document.reporter.warning(message, [], { baseNode: field }));
}

function extractBibliographic(document: Document, fieldList: Element): Element[] {
  const docinfo = new Element("docinfo");
  const topics: Record<string, Element | null> = { dedication: null, abstract: null };
  for (const field of [...fieldList.children]) {
    if (!isElement(field, "field") || !isElement(field.children[0], "field_name") || !isElement(field.children[field.children.length - 1], "field_body")) {
      if (field instanceof Element) docinfo.append(field);
      continue;
    }
    const fieldName = field.children[0] as Element;
    const name = fieldName.children[0]?.astext() ?? "";
    const normedname = fullyNormalizeName(name);
    try {
      const body = field.children[1] as Element | undefined;
      if (!(field.children.length === 2 && normedname in BIBLIOGRAPHIC_FIELDS)) throw new TransformError();
      if (!body || body.children.length < 1) {
        warn(document, field, `Cannot extract empty bibliographic field "${name}".`);
        throw new TransformError();
      }
      const canonical = BIBLIOGRAPHIC_FIELDS[normedname];
      if (TEXT_FIELDS.has(canonical) || canonical === "authors") restoreInitial(body);
      if (TEXT_FIELDS.has(canonical)) {
        checkSingleParagraph(document, field, name);
        const para = body.children[0] as Element;
        cleanRcsKeywords(para);
        const attrs: Record<string, string> = canonical === "address" ? { "xml:space": "preserve" } : {};
        docinfo.append(new Element(canonical, attrs, para.clearChildren()));
      } else if (canonical === "authors") {
        extractAuthors(document, field, name, docinfo);
      } else {
        if (topics[canonical]) {
          warn(document, field, `There can only be one "${name}" field.`);
          throw new TransformError();
        }
        const title = new Element("title", {}, [new Text(TOPIC_LABELS[canonical])]);
        title.rawsource = name;
        topics[canonical] = new Element("topic", { classes: [canonical] }, [title, ...body.clearChildren()]);
      }
    } catch (e) {
      if (!(e instanceof TransformError)) throw e;
      const last = field.children[field.children.length - 1] as Element;
      if (last.children.length === 1 && isElement(last.children[0], "paragraph")) cleanRcsKeywords(last.children[0]);
      const classvalue = makeId(normedname);
      if (classvalue) field.classes.push(classvalue);
      docinfo.append(field);
    }
  }
  const nodelist: Element[] = [];
  if (docinfo.children.length) nodelist.push(docinfo);
  for (const name of ["dedication", "abstract"]) if (topics[name]) nodelist.push(topics[name]!);
  return nodelist;
}

/**
 * A name with a leading initial ("E. Xample") parses as a one-item enumerated list;
 * in a bibliographic field it is turned back into a paragraph (and the parser's INFO
 * about the list's start value is dropped).
 */
function restoreInitial(body: Element): void {
  const list = body.children[0];
  if (!isElement(list, "enumerated_list") || list.children.length !== 1) return;
  const enumtype = list.str("enumtype");
  if ((enumtype !== "upperalpha" && enumtype !== "loweralpha") || list.str("prefix") !== "" || list.str("suffix") !== ".") return;
  const rest = body.children.slice(1);
  if (!rest.every((c) => isElement(c, "system_message") && c.get("level") === 1)) return;
  const item = list.children[0];
  if (!(item instanceof Element) || item.children.length !== 1 || !isElement(item.children[0], "paragraph")) return;
  const start = typeof list.get("start") === "number" ? (list.get("start") as number) : 1;
  const letter = String.fromCharCode((enumtype === "upperalpha" ? 64 : 96) + start);
  const para = item.children[0];
  para.insert(0, new Text(`${letter}. `));
  for (const c of rest) c.remove();
  list.replaceSelf(para);
}

function describe(nodes: Node[]): string {
  return nodes.map((n) => `<${n.tagname}>`).join(", ");
}

function checkSingleParagraph(document: Document, field: Element, name: string): void {
  const body = field.children[field.children.length - 1] as Element;
  if (body.children.length > 1) {
    warn(document, field, `Bibliographic field "${name}"\nmust contain a single <paragraph>, not [${describe(body.children)}].`);
    throw new TransformError();
  }
  if (!isElement(body.children[0], "paragraph")) {
    warn(document, field, `Bibliographic field "${name}"\nmust contain a single <paragraph>, not a ${describe(body.children)}.`);
    throw new TransformError();
  }
}

function extractAuthors(document: Document, field: Element, name: string, docinfo: Element): void {
  const body = field.children[1] as Element;
  let authors: Node[][] | null = null;
  if (body.children.length === 1) {
    const only = body.children[0];
    if (isElement(only, "paragraph")) authors = authorsFromOneParagraph(body);
    else if (isElement(only, "bullet_list")) authors = authorsFromBulletList(only);
  } else authors = authorsFromParagraphs(body);
  const authorNodes = (authors ?? []).filter((a) => a.length).map((a) => new Element("author", {}, a));
  if (authorNodes.length) {
    docinfo.append(new Element("authors", {}, authorNodes));
    return;
  }
  warn(
    document,
    field,
    `Cannot extract "${name}" from bibliographic field:\n` +
      `Bibliographic field "${name}" must contain either\n` +
      ` a single paragraph (with author names separated by a character from the set "${AUTHOR_SEPARATORS.join("")}"),\n` +
      " multiple paragraphs (one per author),\n" +
      " or a bullet list with one author name per item.\n" +
      "Note: Leading initials can cause (mis)recognizing names as enumerated list.",
  );
  throw new TransformError();
}

function authorsFromOneParagraph(body: Element): Node[][] | null {
  let text = "";
  for (const n of body.traverse()) if (n instanceof Text) text += n.data;
  if (!text) return null;
  let names: string[] = [text];
  for (const sep of AUTHOR_SEPARATORS) {
    names = splitUnescaped(text, sep);
    if (names.length > 1) break;
  }
  return names
    .map((n) => unescape(n).trim())
    .filter((n) => n)
    .map((n) => [new Text(n)]);
}

/** Splits on `sep` where it is not backslash-escaped (not preceded by a NUL marker). */
function splitUnescaped(text: string, sep: string): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === sep && (i === 0 || text[i - 1] !== "\x00")) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out;
}

function authorsFromBulletList(list: Element): Node[][] | null {
  const authors: Node[][] = [];
  for (const item of list.children) {
    if (isElement(item, "comment")) continue;
    if (!(item instanceof Element) || item.children.length !== 1 || !isElement(item.children[0], "paragraph")) return null;
    authors.push([...(item.children[0] as Element).children]);
  }
  return authors.length ? authors : null;
}

function authorsFromParagraphs(body: Element): Node[][] | null {
  for (const item of body.children) if (!isElement(item, "paragraph", "comment")) return null;
  return body.children.filter((c) => !isElement(c, "comment")).map((c) => [...(c as Element).children]);
}
