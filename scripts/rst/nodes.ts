// The doctree: docutils' node model. One Element class keyed by `tagname`
// (docutils' node class names: "paragraph", "section", "reference", ...), and
// Text for character data. Attribute names and list-valued attributes follow
// docutils (`ids`, `classes`, `names`, `dupnames`, `backrefs` are always lists).
import { emptyList } from "./arrays.ts";

export type AttrValue = string | number | boolean | string[] | null;
export type Attributes = Record<string, AttrValue>;

/** Attributes that are always present as lists (docutils' Element.list_attributes). */
export const LIST_ATTRIBUTES = ["ids", "classes", "names", "dupnames", "backrefs"] as const;

// The fields of the node classes are assigned in their constructors rather than
// given class-field initializers: V8 defines initialized fields through code that
// the subclasses share, which is markedly slower than plain assignments once it sees
// several object layouts (Text, Element, Document), and nodes are made by the
// hundred thousand. `declare` only tells TypeScript the field exists.
export abstract class Node {
  declare parent: Element | null;
  /** Source file name, where known. */
  declare source: string | null;
  /** 1-based source line, where known. */
  declare line: number | null;

  abstract readonly tagname: string;
  abstract astext(): string;
  abstract deepcopy(): Node;

  /**
   * Where this node was last seen among its parent's children: a hint that makes
   * `index()` O(1) when the children did not move since (checked before use).
   */
  declare indexHint: number;

  constructor() {
    this.parent = null;
    this.source = null;
    this.line = null;
    this.indexHint = -1;
  }

  /** Position of this node among its parent's children (-1 when detached). */
  index(): number {
    const parent = this.parent;
    if (!parent) return -1;
    const ch = parent.children;
    if (ch[this.indexHint] === this) return this.indexHint;
    return (this.indexHint = ch.indexOf(this));
  }

  /** Detaches this node from its parent. */
  remove(): void {
    if (this.parent) this.parent.remove(this);
  }

  /** Replaces this node in its parent by `replacement` (one node or several). */
  replaceSelf(replacement: Node | Node[]): void {
    const parent = this.parent;
    if (!parent) return;
    const list = Array.isArray(replacement) ? replacement : [replacement];
    const i = this.index();
    parent.children.splice(i, 1);
    this.parent = null;
    parent.insert(i, list);
  }

  /** The next sibling, or null. */
  nextSibling(): Node | null {
    if (!this.parent) return null;
    return this.parent.children[this.index() + 1] ?? null;
  }

  previousSibling(): Node | null {
    if (!this.parent) return null;
    const i = this.index();
    return i > 0 ? this.parent.children[i - 1] : null;
  }

  /** The document root this node belongs to, if attached to one. */
  root(): Element {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    let n: Node = this;
    while (n.parent) n = n.parent;
    return n as Element;
  }

  /**
   * Yields this node and its descendants in document order (pre-order).
   * Iterative: deep trees do not overflow the stack.
   */
  *traverse(): Generator<Node> {
    const stack: Node[] = [this];
    while (stack.length) {
      const n = stack.pop()!;
      yield n;
      if (n instanceof Element) {
        for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
      }
    }
  }

  /** Descendant elements (this one included) with one of the given tag names, in document order. */
  findAll(...tagnames: string[]): Element[] {
    const out: Element[] = [];
    for (const n of this.traverse()) {
      if (n instanceof Element && (tagnames.length === 0 || tagnames.includes(n.tagname))) out.push(n);
    }
    return out;
  }
}

/** Character data. Backslash-escaped characters are stored with a NUL before them (as docutils does). */
export class Text extends Node {
  declare readonly tagname: "#text";
  declare data: string;
  declare rawsource: string;
  constructor(data: string, rawsource = "") {
    super();
    this.tagname = "#text";
    this.data = data;
    this.rawsource = rawsource;
  }
  /** The text with docutils' NUL escape markers removed. */
  astext(): string {
    return unescape(this.data);
  }
  deepcopy(): Text {
    const t = new Text(this.data, this.rawsource);
    t.source = this.source;
    t.line = this.line;
    return t;
  }
}

export class Element extends Node {
  declare tagname: string;
  declare attributes: Attributes;
  declare children: Node[];
  /** The source text this element was made from (docutils' rawsource). */
  declare rawsource: string;
  /** Set by references and transforms (docutils' node.referenced). */
  declare referenced?: boolean;
  /** Set by the references transform (docutils' node.resolved). */
  declare resolved?: boolean;
  /** For indirect targets pointing at another target (docutils' indirect_reference_name). */
  declare indirectReferenceName?: string;
  /** Data a transform attaches to a `pending` node (docutils' pending.details). */
  declare details?: Record<string, unknown>;
  /** Name of the transform a `pending` node stands for (docutils' pending.transform). */
  declare transform?: string;

  constructor(tagname: string, attributes?: Attributes, children?: Node[]) {
    super();
    this.tagname = tagname;
    this.children = [];
    this.rawsource = "";
    // Every element has the same fields from the start, so that they all share one layout.
    this.referenced = undefined;
    this.resolved = undefined;
    this.indirectReferenceName = undefined;
    this.details = undefined;
    this.transform = undefined;
    // The list attributes (`ids`, `classes`, ...) are made when first asked for
    // (`list()`): most elements never have any, and allocating five arrays for each
    // element dominated the cost of building large trees.
    // The attributes are copied (list values too): callers may share the object they pass.
    const attrs: Attributes = {};
    if (attributes !== undefined) {
      for (const k in attributes) {
        const v = attributes[k];
        attrs[k] = Array.isArray(v) ? v.slice() : v;
      }
    }
    this.attributes = attrs;
    if (children !== undefined && children.length) this.extend(children);
  }

  get(name: string): AttrValue | undefined {
    return this.attributes[name];
  }
  set(name: string, value: AttrValue): this {
    this.attributes[name] = value;
    return this;
  }
  has(name: string): boolean {
    return this.attributes[name] !== undefined;
  }
  delete(name: string): void {
    delete this.attributes[name];
  }
  /** A string attribute (or undefined). */
  str(name: string): string | undefined {
    const v = this.attributes[name];
    return v === undefined || v === null ? undefined : String(v);
  }
  /**
   * A list attribute without creating it: a shared empty list when missing or empty (do
   * not modify the result). Empty lists come in several hidden classes (a fresh `[]`
   * holds small integers until a string is pushed, a `filter` result...); answering
   * with the one shared list keeps the readers' property loads from meeting a new
   * array layout late and being deoptimized.
   */
  peekList(name: string): readonly string[] {
    const v = this.attributes[name];
    if (Array.isArray(v)) return v.length ? v : EMPTY_LIST;
    return v === undefined || v === null ? EMPTY_LIST : [String(v)];
  }
  /** A list attribute (created empty when missing). */
  list(name: string): string[] {
    let v = this.attributes[name];
    if (!Array.isArray(v)) {
      // emptyList, not []: empty lists and filled ones share a layout (see arrays.ts).
      v = v === undefined || v === null ? emptyList<string>() : [String(v)];
      this.attributes[name] = v;
    }
    return v;
  }
  /** Empties a list attribute (a new empty list: the old one may be shared). */
  clearList(name: string): void {
    this.attributes[name] = emptyList<string>();
  }
  get ids(): string[] {
    return this.list("ids");
  }
  get names(): string[] {
    return this.list("names");
  }
  get classes(): string[] {
    return this.list("classes");
  }
  get dupnames(): string[] {
    return this.list("dupnames");
  }
  get backrefs(): string[] {
    return this.list("backrefs");
  }

  append(...nodes: Node[]): this {
    return this.extend(nodes);
  }
  extend(nodes: Node[]): this {
    if (this.children.length === 0 && nodes.length > 0) return this.adopt(nodes);
    const children = this.children;
    for (let i = 0; i < nodes.length; i++) {
      const n = nodes[i];
      if (n.parent) n.remove();
      n.parent = this;
      n.indexHint = children.push(n) - 1;
    }
    return this;
  }
  /**
   * The first children of an empty element: an array of exactly their number (pushing
   * into an empty array reserves 16 slots at once, most elements have one or two
   * children, and the tree lives for the whole document).
   */
  private adopt(nodes: Node[]): this {
    // A copy first: `nodes` may be another element's children, which removing changes.
    const children = nodes.slice();
    for (let i = 0; i < children.length; i++) {
      const n = children[i];
      if (n.parent) n.remove();
      n.parent = this;
      n.indexHint = i;
    }
    this.children = children;
    return this;
  }
  insert(index: number, nodes: Node | Node[]): this {
    const list = Array.isArray(nodes) ? nodes : [nodes];
    for (const n of list) n.remove();
    for (const n of list) n.parent = this;
    // splice(index, 0, ...list) passes the list on the stack: not for long lists.
    const ch = this.children;
    if (list.length < 1000) ch.splice(index, 0, ...list);
    else this.children = ch.slice(0, index).concat(list, ch.slice(index));
    return this;
  }
  override remove(child?: Node): void {
    if (child === undefined) {
      super.remove();
      return;
    }
    const i = child.parent === this ? child.index() : -1;
    if (i >= 0) {
      this.children.splice(i, 1);
      child.parent = null;
    }
  }
  /** Removes and returns all children. */
  clearChildren(): Node[] {
    const old = this.children;
    this.children = [];
    for (const c of old) c.parent = null;
    return old;
  }
  get length(): number {
    return this.children.length;
  }
  first(): Node | undefined {
    return this.children[0];
  }
  last(): Node | undefined {
    return this.children[this.children.length - 1];
  }
  /** Index of the first child with one of the tag names, or -1. */
  firstChildIndex(...tagnames: string[]): number {
    return this.children.findIndex((c) => c instanceof Element && tagnames.includes(c.tagname));
  }
  /** Index of the first child whose tag name is not one of the given ones, or -1. */
  firstChildNotIndex(...tagnames: string[]): number {
    return this.children.findIndex((c) => !(c instanceof Element && tagnames.includes(c.tagname)));
  }

  /** docutils' astext(): children's text joined (block-level children separated by blank lines). */
  astext(): string {
    // docutils' image.astext() is its alternate text.
    if (this.tagname === "image") return String(this.attributes.alt ?? "");
    const sep = TEXT_ELEMENTS.has(this.tagname) || INLINE_ELEMENTS.has(this.tagname) ? "" : "\n\n";
    // Concatenated in a loop: map() made an array per call, and for a childless element
    // an empty one in another layout, which deoptimized the optimized callers' join.
    const ch = this.children;
    if (ch.length === 0) return "";
    let out = ch[0].astext();
    for (let i = 1; i < ch.length; i++) out += sep + ch[i].astext();
    return out;
  }

  deepcopy(): Element {
    const e = new Element(this.tagname, this.attributes);
    e.rawsource = this.rawsource;
    e.source = this.source;
    e.line = this.line;
    for (const c of this.children) e.append(c.deepcopy());
    return e;
  }

  /** Copies `ids`, `names`, `classes`, `dupnames`, `backrefs` of another element into this one (docutils' update_basic_atts). */
  updateBasicAtts(other: Element): void {
    for (const a of LIST_ATTRIBUTES) {
      for (const v of other.list(a)) if (!this.list(a).includes(v)) this.list(a).push(v);
    }
  }
}

const EMPTY_LIST: readonly string[] = Object.freeze([]);

/** Makes an element; a string child becomes a Text node. */
export function el(tagname: string, attributes: Attributes = {}, ...children: (Node | string)[]): Element {
  return new Element(
    tagname,
    attributes,
    children.map((c) => (typeof c === "string" ? new Text(c) : c)),
  );
}

export function text(data: string, rawsource = ""): Text {
  return new Text(data, rawsource);
}

/** Removes docutils' NUL escape markers: "\0x" → "x", and drops escaped whitespace ("\0 " and "\0\n"). */
export function unescape(s: string, restoreBackslashes = false): string {
  if (!s.includes("\x00")) return s;
  if (restoreBackslashes) return s.replace(/\x00/g, "\\");
  return s.replace(/\x00[ \n]/g, "").replace(/\x00/g, "");
}

// ---- categories of elements (docutils' node class hierarchy) ----

/** Elements whose content is text and inline elements (docutils' TextElement). */
export const TEXT_ELEMENTS = new Set([
  "paragraph", "title", "subtitle", "rubric", "attribution", "caption", "label", "term",
  "classifier", "field_name", "line", "option_string", "option_argument", "literal_block",
  "doctest_block", "math_block", "line_block", "address", "comment", "substitution_definition",
  "target", "raw", "author", "authors", "organization", "contact", "version", "revision",
  "status", "date", "copyright", "system_message", "pending", "image", "reference",
  "abbreviation", "acronym", "emphasis", "strong", "literal", "title_reference",
  "footnote_reference", "citation_reference", "substitution_reference", "inline",
  "problematic", "generated", "superscript", "subscript", "math",
]);

/** Inline elements (docutils' Inline). */
export const INLINE_ELEMENTS = new Set([
  "emphasis", "strong", "literal", "reference", "footnote_reference", "citation_reference",
  "substitution_reference", "title_reference", "abbreviation", "acronym", "superscript",
  "subscript", "math", "image", "inline", "problematic", "generated", "target", "raw",
]);


/** Elements the writers do not show (docutils' Invisible). */
export const INVISIBLE_ELEMENTS = new Set([
  "comment", "substitution_definition", "target", "pending", "meta",
]);




