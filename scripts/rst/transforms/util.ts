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

export function addBackref(node: Element, id: string): void {
  node.backrefs.push(id);
}

/**
 * Replaces `ref` by a `problematic` node pointing at `msg` (giving `msg` an id first if
 * it has none), as docutils does for references it cannot resolve.
 */
export function replaceWithProblematic(document: Document, ref: Element, msg: Element, prbId?: string): Element {
  const msgId = msg.ids.length ? msg.ids[0] : document.setId(msg);
  const prb = new Element("problematic", { refid: msgId }, [new Text(ref.rawsource)]);
  prb.rawsource = ref.rawsource;
  prb.line = ref.line;
  prb.source = ref.source;
  // With `prbId` given, docutils uses the reference's own id as the backref.
  const id = prbId ?? document.setId(prb);
  addBackref(msg, id);
  replaceSelf(ref, prb);
  return prb;
}

const BASIC_ATTRIBUTES = ["ids", "classes", "names", "dupnames"] as const;

/**
 * docutils' Node.replace_self: the replacement (or the first of a list, when it is an
 * element) takes over the ids, classes, names and dupnames of the replaced node.
 */
export function replaceSelf(old: Node, replacement: Node | Node[]): void {
  const list = Array.isArray(replacement) ? replacement : [replacement];
  const first = list[0];
  if (first instanceof Element && old instanceof Element) {
    for (const att of BASIC_ATTRIBUTES) {
      const target = first.list(att);
      for (const v of old.list(att)) if (!target.includes(v)) target.push(v);
    }
  }
  old.replaceSelf(list);
}

/**
 * The node following `node` in document order, not descending into `node` itself when
 * `descend` is false (docutils' next_node(ascend=True, descend=...)).
 */
export function nextNodeAscending(node: Node, descend = true): Node | null {
  if (descend && node instanceof Element && node.children.length) return node.children[0];
  let n: Node | null = node;
  while (n) {
    const sib = n.nextSibling();
    if (sib) return sib;
    n = n.parent;
  }
  return null;
}

/** Python's str.strip() family for Text nodes. */
export function pyStrip(s: string): string {
  return s.replace(/^\s+|\s+$/gu, "");
}
