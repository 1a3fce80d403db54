// The html5 writer's machinery: the state docutils' HTMLTranslator keeps while it walks
// the doctree (output buffers, a context stack, section level, compact-list flags),
// `starttag`/`emptytag` (ids, classes and sorted attributes), escaping, and the
// iterative walk that calls the visitor table (`visitors/index.ts`).
import type { Document } from "../document.ts";
import { emptyList } from "../arrays.ts";
import { Element, type Node, Text } from "../nodes.ts";

/** Returned by a `visit` function to skip the node's children and its `depart`. */
export const SKIP = Symbol("skip");

export interface Visitor {
  visit?(w: HtmlWriter, node: Element): void | typeof SKIP;
  depart?(w: HtmlWriter, node: Element): void;
}

export type VisitorTable = Record<string, Visitor>;

/** Writer settings (docutils' html5 writer options we support, with docutils' defaults). */
export interface WriterSettings {
  /** "brackets" or "superscript" (docutils' footnote_references). */
  footnoteReferences: "brackets" | "superscript";
  /** Link footnote/citation labels back to their references. */
  footnoteBacklinks: boolean;
  /** Space-separated extra table classes (docutils' table_style). */
  tableStyle: string;
  compactLists: boolean;
  compactFieldLists: boolean;
  /** "dash", "parentheses"/"parens" or "none". */
  attribution: "dash" | "parentheses" | "parens" | "none";
  /** Heading level of top-level sections; 0: h2 below a document title, else h1 (docutils' default). */
  initialHeaderLevel: number;
  /** Append an empty self-link to section headings. */
  sectionSelfLink: boolean;
  /** Render references whose URI uses a script-capable scheme (javascript:, vbscript:, data:) as links. */
  allowUnsafeUris: boolean;
  /** Pass `raw` content with format "html" through (docutils always does; the parser decides whether raw exists). */
  rawHtml: boolean;
}

export const DEFAULT_WRITER_SETTINGS: WriterSettings = {
  footnoteReferences: "brackets",
  footnoteBacklinks: true,
  tableStyle: "",
  compactLists: true,
  compactFieldLists: true,
  attribution: "dash",
  initialHeaderLevel: 0,
  sectionSelfLink: true,
  allowUnsafeUris: false,
  rawHtml: true,
};

const SPECIAL: Record<string, string> = { "&": "&amp;", "<": "&lt;", '"': "&quot;", ">": "&gt;", "@": "&#64;" };

/** Escapes text for HTML content, as docutils' `encode` (also "@", which thwarts harvesters). */
export function encode(text: string): string {
  return NEEDS_ENCODING.test(text) ? text.replace(/[&<">@]/g, (c) => SPECIAL[c]) : text;
}
const NEEDS_ENCODING = /[&<">@]/;

/** Escapes an attribute value: control whitespace becomes a space, then `encode`. */
export function attval(text: string): string {
  // Most values need nothing: one test for both steps.
  if (!NEEDS_ATTVAL.test(text)) return text;
  return encode(CONTROL_WHITESPACE.test(text) ? text.replace(/[\n\r\t\v\f]/g, " ") : text);
}
const CONTROL_WHITESPACE = /[\n\r\t\v\f]/;
const NEEDS_ATTVAL = /[\n\r\t\v\f&<">@]/;

/** Element tag names docutils treats as "Sequential" (an extra id goes before the start tag). */
const SEQUENTIAL = new Set(["bullet_list", "enumerated_list", "definition_list", "field_list", "option_list"]);
const TABLE_INTERNAL_CLASSES = new Set(["colwidths-auto", "colwidths-given", "colwidths-grid"]);

export type AttrMap = Record<string, string | number | string[] | undefined>;
const EMPTY_ATTRS: AttrMap = Object.freeze({});

export interface TagOptions {
  suffix?: string;
  empty?: boolean;
  /** Classes placed before the node's own classes. */
  classes?: string[];
  /** Classes placed after the node's own classes (docutils' CLASS=...). */
  class?: string;
  /** Extra ids (after the node's). */
  ids?: string[];
  /** Replaces the node's own classes (used where docutils removed a class before writing the tag). */
  nodeClasses?: string[];
}

const EMPTY_OPTIONS: TagOptions = Object.freeze({});

/** starttag's scratch lists: attribute names and values (kept aligned), classes. */
const TAG_NAMES: string[] = [];
const TAG_VALUES: string[] = [];
const TAG_CLASSES: string[] = [];

/** Sets an attribute of the tag being built (a later value replaces an earlier one). */
function setAttribute(key: string, value: string): void {
  const i = TAG_NAMES.indexOf(key);
  if (i >= 0) TAG_VALUES[i] = value;
  else {
    TAG_NAMES.push(key);
    TAG_VALUES.push(value);
  }
}

/** Adds a class (once; "language-x" becomes the lang attribute, the first one only). Returns lang. */
function addClass(classes: string[], cls: string, lang: string | undefined): string | undefined {
  if (cls.startsWith("language-")) return lang ?? cls.slice(9);
  if (cls.trim() && !classes.includes(cls)) classes.push(cls);
  return lang;
}

/** Adds the classes of a whitespace-separated list (split(/\s+/) without a regular expression for plain spaces). */
function addClasses(classes: string[], list: string, lang: string | undefined): string | undefined {
  if (OTHER_WHITESPACE.test(list)) {
    for (const cls of list.split(/\s+/)) lang = addClass(classes, cls, lang);
    return lang;
  }
  let from = 0;
  for (;;) {
    const space = list.indexOf(" ", from);
    lang = addClass(classes, list.slice(from, space < 0 ? list.length : space), lang);
    if (space < 0) return lang;
    from = space + 1;
  }
}
/** Whitespace other than the plain space (\s without " "). */
const OTHER_WHITESPACE = /[^\S ]/;

export class HtmlWriter {
  readonly settings: WriterSettings;
  // The output lists are made with emptyList (see arrays.ts): a `[]` per writer changed
  // layout on its first string and deoptimized the visitors that push to it.
  /** What is written for the current part of the document. */
  body: string[] = emptyList();
  /** What precedes `<main>` in html_body: the header decoration. */
  bodyPrefix: string[] = emptyList();
  /** What follows `</main>`: the footer decoration. */
  bodySuffix: string[] = emptyList();
  bodyPreDocinfo: string[] = emptyList();
  docinfo: string[] = emptyList();
  /** Heterogeneous stack: what a `visit` pushes, its `depart` pops. */
  context: unknown[] = [];
  sectionLevel = 0;
  compactSimple = false;
  compactP: boolean | null = true;
  inDocumentTitle = 0;
  colspecs: Element[] = [];
  /** System messages the writer itself reports, written after the current block. */
  pendingMessages: Element[] = [];
  private table: VisitorTable = {};
  /** The html_body, set when the document has been departed. */
  output = "";
  /** Per-node data docutils keeps on the node itself (stubs, column counter, tag chosen). */
  private readonly data = new WeakMap<Element, Record<string, unknown>>();

  constructor(
    readonly document: Document,
    settings: Partial<WriterSettings> = {},
  ) {
    // Object.assign, not a spread: see Document's constructor (one hidden class for all).
    this.settings = Object.assign({}, DEFAULT_WRITER_SETTINGS, settings);
  }

  nodeData(node: Element): Record<string, unknown> {
    let d = this.data.get(node);
    if (!d) {
      d = {};
      this.data.set(node, d);
    }
    return d;
  }

  /** Builds a start tag for `node`: its ids and classes plus `attributes`, sorted by name. */
  starttag(node: Element, tagname: string, attributes: AttrMap = EMPTY_ATTRS, options: TagOptions = EMPTY_OPTIONS): string {
    let suffix = options.suffix ?? "\n";
    const empty = options.empty ?? false;
    // Attribute names and values go into two module-level scratch lists (starttag does
    // not re-enter): most tags have no attribute or one, and building a record, a
    // name list and two closures for each tag was most of the writer's allocation.
    const names = TAG_NAMES;
    const values = TAG_VALUES;
    names.length = 0;
    values.length = 0;
    for (const name in attributes) {
      const value = attributes[name];
      if (value === undefined) continue;
      setAttribute(name.toLowerCase(), Array.isArray(value) ? value.join(" ") : String(value));
    }
    const nodeClasses = options.nodeClasses ?? node.peekList("classes");
    if (options.classes || nodeClasses.length || options.class) {
      const classes = TAG_CLASSES;
      classes.length = 0;
      let lang: string | undefined;
      // Index loops here and below: for...of allocates an iterator per loop until
      // this method is optimized, and it runs for nearly every element written.
      const extra = options.classes;
      if (extra) for (let i = 0; i < extra.length; i++) classes.push(extra[i]);
      for (let i = 0; i < nodeClasses.length; i++) lang = addClass(classes, nodeClasses[i], lang);
      if (options.class) lang = addClasses(classes, options.class, lang);
      if (lang !== undefined) setAttribute("lang", lang);
      let joined: string | null = null;
      const table = node.tagname === "table";
      for (let i = 0; i < classes.length; i++) {
        const cls = classes[i];
        // Looked up for every class, not only a table's: a lookup first made after
        // starttag was optimized (the first table with classes) deoptimized it.
        const internal = TABLE_INTERNAL_CLASSES.has(cls);
        if (table && internal) continue;
        joined = joined === null ? cls : joined + " " + cls;
      }
      if (joined !== null) setAttribute("class", joined);
    }
    const ownIds = node.peekList("ids");
    const ids = options.ids ? [...ownIds, ...options.ids] : ownIds;
    let prefix = "";
    if (ids.length) {
      setAttribute("id", ids[0]);
      const before = empty || SEQUENTIAL.has(node.tagname) || node.tagname === "docinfo" || node.tagname === "table";
      for (let i = 1; i < ids.length; i++) {
        const span = `<span id="${attval(ids[i])}"></span>`;
        if (before) prefix += span;
        else suffix += span;
      }
    }
    let tag = prefix + "<" + tagname.toLowerCase();
    // Insertion sort by name (a handful of attributes at most), names and values together.
    for (let i = 1; i < names.length; i++) {
      const n = names[i];
      const v = values[i];
      let j = i - 1;
      for (; j >= 0 && names[j] > n; j--) {
        names[j + 1] = names[j];
        values[j + 1] = values[j];
      }
      names[j + 1] = n;
      values[j + 1] = v;
    }
    for (let i = 0; i < names.length; i++) tag += " " + names[i] + '="' + attval(values[i]) + '"';
    return tag + (empty ? " />" : ">") + suffix;
  }

  emptytag(node: Element, tagname: string, attributes: AttrMap = {}, options: TagOptions = {}): string {
    return this.starttag(node, tagname, attributes, { ...options, empty: true });
  }

  /** Walks `root` depth-first without recursion, calling the visitor table. */
  walk(root: Node, table: VisitorTable): void {
    this.table = table;
    // The open elements and, for each, the index of its next child to enter: two
    // parallel stacks rather than an object per element.
    const nodes: Element[] = [];
    const nextChild: number[] = [];
    let node: Node = root;
    let position = root.parent ? root.parent.children.indexOf(root) : 0;
    for (;;) {
      // Enter `node`. Sibling tests (`next`, `previous`) are O(1) through the node's index hint.
      node.indexHint = position;
      if (node instanceof Text) {
        this.body.push(encode(node.astext()));
      } else {
        const el = node as Element;
        const visitor = table[el.tagname];
        // Unknown node types: write their content (docutils would raise NotImplementedError).
        if (!visitor || !visitor.visit || visitor.visit(this, el) !== SKIP) {
          nodes.push(el);
          nextChild.push(0);
        }
      }
      // Find the next node to enter, departing the elements that have no child left.
      let top = nodes.length - 1;
      while (top >= 0) {
        const parent = nodes[top];
        const i = nextChild[top];
        if (i < parent.children.length) {
          nextChild[top] = i + 1;
          break;
        }
        nodes.pop();
        nextChild.pop();
        top--;
        table[parent.tagname]?.depart?.(this, parent);
        if (this.pendingMessages.length && !INLINE_ELEMENTS.has(parent.tagname) && parent.tagname !== "document") {
          this.flushMessages();
        }
      }
      if (top < 0) return;
      position = nextChild[top] - 1;
      node = nodes[top].children[position];
    }
  }

  private makeMessage(level: number, type: string, message: string, near: Element): Element {
    let line: number | null = null;
    for (let n: Element | null = near; n && line === null; n = n.parent) line = n.line;
    const attrs: Record<string, string | number> = { level, type, source: this.document.str("source") ?? "" };
    if (line !== null) attrs.line = line;
    return new Element("system_message", attrs, [new Element("paragraph", {}, [new Text(message)])]);
  }

  /** The next sibling of a node being written (docutils' next_node(descend=False, siblings=True)). */
  next(node: Node): Node | null {
    return node.nextSibling();
  }

  /** The previous sibling of a node being written. */
  previous(node: Node): Node | null {
    return node.previousSibling();
  }

  /** Reports a problem found while writing (docutils' writer adds such messages after the block). */
  reportWarning(message: string, near: Element): void {
    this.pendingMessages.push(this.makeMessage(2, "WARNING", message, near));
  }

  /** Writes a system message right here. */
  writeMessage(level: number, type: string, message: string, near: Element): void {
    this.walk(this.makeMessage(level, type, message, near), this.table);
  }

  private flushMessages(): void {
    const messages = this.pendingMessages;
    this.pendingMessages = [];
    for (const m of messages) this.walk(m, this.table);
  }
}

// ---- helpers the visitors share ----

/** True when `node`'s parent is a TextElement (docutils' isinstance(parent, TextElement)). */
export function inTextElement(node: Node): boolean {
  return !!node.parent && TEXT_ELEMENT_TAGS.has(node.parent.tagname);
}

import { INLINE_ELEMENTS, TEXT_ELEMENTS } from "../nodes.ts";
const TEXT_ELEMENT_TAGS = TEXT_ELEMENTS;

export function isElement(node: Node | null | undefined, ...tagnames: string[]): node is Element {
  return node instanceof Element && (tagnames.length === 0 || tagnames.includes(node.tagname));
}
