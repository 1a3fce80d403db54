// Helpers the transforms share: docutils' node categories, referenced-by
// bookkeeping, backrefs, and `problematic` replacements for unresolvable references.
import type { Document } from "../document.ts";
import { Element, type Node, Text } from "../nodes.ts";

/** docutils' Invisible elements. */
export const INVISIBLE = new Set(["comment", "pending", "substitution_definition", "target"]);
/** docutils' Targetable elements. */
export const TARGETABLE = new Set(["citation", "footnote", "target"]);
/** docutils' PreBibliographic elements (may precede the document title and docinfo). */
export const PRE_BIBLIOGRAPHIC = new Set([
  "comment", "pending", "substitution_definition", "target", "decoration", "footer", "header",
  "meta", "raw", "subtitle", "system_message", "title",
]);
/** docutils' Referential elements. */
export const REFERENTIAL = new Set(["citation_reference", "footnote_reference", "reference"]);

export function isElement(n: Node | null | undefined, ...tags: string[]): n is Element {
  return n instanceof Element && (tags.length === 0 || tags.includes(n.tagname));
}

/** Index of the first child not in `tags`, or -1 (docutils' first_child_not_matching_class). */
export function firstChildNotIn(node: Element, tags: Set<string>): number {
  return node.children.findIndex((c) => !(c instanceof Element && tags.has(c.tagname)));
}

// docutils keeps these as ad-hoc attributes on nodes.
const expectByName = new WeakMap<Element, Map<string, Element>>();
const expectById = new WeakMap<Element, Map<string, Element>>();

export function expectedByName(node: Element): Map<string, Element> {
  let m = expectByName.get(node);
  if (!m) expectByName.set(node, (m = new Map()));
  return m;
}
export function expectedById(node: Element): Map<string, Element> {
  let m = expectById.get(node);
  if (!m) expectById.set(node, (m = new Map()));
  return m;
}

/** docutils' Element.note_referenced_by. */
export function noteReferencedBy(node: Element, name: string | null, id: string | null): void {
  node.referenced = true;
  if (name !== null) {
    const t = expectByName.get(node)?.get(name);
    if (t) t.referenced = true;
  }
  if (id !== null) {
    const t = expectById.get(node)?.get(id);
    if (t) t.referenced = true;
  }
}

export function addBackref(node: Element, id: string | undefined): void {
  if (id !== undefined) node.backrefs.push(id);
}

/**
 * Replaces `ref` by a `problematic` node pointing at `msg` (giving `msg` an id first if
 * it has none), as docutils does for references it cannot resolve.
 */
export function replaceWithProblematic(
  document: Document,
  ref: Element,
  msg: Element,
  prbId?: string,
  batch?: BatchReplacer,
): Element {
  const msgId = msg.ids.length ? msg.ids[0] : document.setId(msg);
  const prb = new Element("problematic", { refid: msgId }, [new Text(ref.rawsource)]);
  prb.rawsource = ref.rawsource;
  prb.line = ref.line;
  prb.source = ref.source;
  // With `prbId` given, docutils uses the reference's own id as the backref.
  const id = prbId ?? document.setId(prb);
  addBackref(msg, id);
  if (batch) batch.replace(ref, [prb]);
  else replaceSelf(ref, prb);
  return prb;
}

/**
 * Replacements recorded now and carried out in one pass per parent by `flush()`, so
 * that replacing many children of one element stays linear (splicing them one at a
 * time would be quadratic). A replacement may itself contain recorded nodes (nested
 * substitutions); `flush` expands them too. Optional trimming of the neighbouring
 * text (substitution definitions with `ltrim`/`rtrim`) is applied while expanding.
 */
export class BatchReplacer {
  private readonly replacements = new Map<Node, { nodes: Node[]; ltrim: boolean; rtrim: boolean }>();
  private readonly parents = new Set<Element>();

  replace(old: Node, nodes: Node[], trim: { ltrim?: boolean; rtrim?: boolean } = {}): void {
    const first = nodes[0];
    if (first instanceof Element && old instanceof Element) copyBasicAtts(old, first);
    this.replacements.set(old, { nodes, ltrim: trim.ltrim ?? false, rtrim: trim.rtrim ?? false });
    if (old.parent) this.parents.add(old.parent);
  }

  has(node: Node): boolean {
    return this.replacements.has(node);
  }

  flush(): void {
    for (const parent of this.parents) {
      // A replacement container dissolved into another parent is handled there.
      if (!parent.parent && this.isDissolved(parent)) continue;
      const out = this.expand(parent.children, false);
      for (const n of out) n.parent = parent;
      parent.children = out;
    }
    this.replacements.clear();
    this.parents.clear();
  }

  /**
   * The length of `node`'s text as it will be once the recorded replacements are done,
   * counting stops once it exceeds `cap` (so the cost is bounded by `cap`).
   */
  expandedTextLength(node: Element, cap: number): number {
    let total = 0;
    const stack: Node[] = [...node.children].reverse();
    while (stack.length && total <= cap) {
      const n = stack.pop()!;
      const rep = this.replacements.get(n);
      if (rep) {
        for (let i = rep.nodes.length - 1; i >= 0; i--) stack.push(rep.nodes[i]);
        continue;
      }
      if (n instanceof Text) total += n.astext().length;
      else if (n instanceof Element) {
        if (n.tagname === "image") total += String(n.attributes.alt ?? "").length;
        for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
      }
    }
    return total;
  }

  /** A deep copy of `node` as it will be once the recorded replacements are done. */
  expandedCopy(node: Element): Element {
    const copy = shallowCopy(node);
    for (const c of this.expand(node.children, true)) copy.append(c);
    return copy;
  }

  /**
   * `children` with recorded replacements expanded (depth first, explicit stack), and
   * the text around trimming replacements trimmed. With `copy`, the result is made of
   * deep copies (themselves expanded) and the originals are left untouched.
   */
  private expand(children: Node[], copy: boolean): Node[] {
    const out: Node[] = [];
    let lstripNext = false;
    const stack: Node[] = [...children].reverse();
    while (stack.length) {
      const n = stack.pop()!;
      const rep = this.replacements.get(n);
      if (rep) {
        if (!copy) n.parent = null;
        if (rep.ltrim) {
          const last = out[out.length - 1];
          if (last instanceof Text) out[out.length - 1] = withData(last, last.data.replace(/\s+$/u, ""));
        }
        if (rep.rtrim) stack.push(RTRIM_MARK);
        for (let i = rep.nodes.length - 1; i >= 0; i--) stack.push(rep.nodes[i]);
        continue;
      }
      if (n === RTRIM_MARK) {
        lstripNext = true;
        continue;
      }
      let emitted = copy ? (n instanceof Element ? this.expandedCopy(n) : n.deepcopy()) : n;
      if (lstripNext && emitted instanceof Text) emitted = withData(emitted, emitted.data.replace(/^\s+/u, ""));
      lstripNext = false;
      out.push(emitted);
    }
    return out;
  }

  private dissolvedContainers = new Set<Element>();
  /** Marks `container` as one whose children replace a node (it is not itself kept). */
  dissolve(container: Element): void {
    this.dissolvedContainers.add(container);
  }
  private isDissolved(e: Element): boolean {
    return this.dissolvedContainers.has(e);
  }
}

const RTRIM_MARK = new Text("");

/**
 * `text` with other data, as a new node: Text nodes are not changed once made (a
 * second write to `data` makes the field mutable for all of them in V8's eyes, and
 * deoptimized the code that had relied on it being written once).
 */
function withData(text: Text, data: string): Text {
  const t = new Text(data, text.rawsource);
  t.source = text.source;
  t.line = text.line;
  return t;
}

function shallowCopy(node: Element): Element {
  const e = new Element(node.tagname, node.attributes);
  e.rawsource = node.rawsource;
  e.source = node.source;
  e.line = node.line;
  return e;
}

function copyBasicAtts(from: Element, to: Element): void {
  for (const att of BASIC_ATTRIBUTES) {
    const target = to.list(att);
    for (const v of from.list(att)) if (!target.includes(v)) target.push(v);
  }
}

const BASIC_ATTRIBUTES = ["ids", "classes", "names", "dupnames"] as const;

/**
 * docutils' Node.replace_self: the replacement (or the first of a list, when it is an
 * element) takes over the ids, classes, names and dupnames of the replaced node.
 */
export function replaceSelf(old: Node, replacement: Node | Node[]): void {
  const list = Array.isArray(replacement) ? replacement : [replacement];
  const first = list[0];
  if (first instanceof Element && old instanceof Element) copyBasicAtts(old, first);
  old.replaceSelf(list);
}

/** Python's str.strip() family for Text nodes. */
export function pyStrip(s: string): string {
  return s.replace(/^\s+|\s+$/gu, "");
}

/**
 * Elements under `root` (itself included) whose tag name is one of `tags`, in document
 * order. A plain loop with an explicit stack: cheaper than a generator on big trees.
 */
export function collect(root: Element, ...tags: string[]): Element[] {
  const wanted = tags.length === 1 ? null : new Set(tags);
  const one = tags[0];
  const out: Element[] = [];
  const stack: Element[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (wanted ? wanted.has(n.tagname) : n.tagname === one) out.push(n);
    const ch = n.children;
    for (let i = ch.length - 1; i >= 0; i--) {
      const c = ch[i];
      // Text nodes have no children and are never wanted: only elements are stacked.
      if (c.tagname !== "#text") stack.push(c as Element);
    }
  }
  return out;
}
