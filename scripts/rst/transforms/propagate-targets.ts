// references.PropagateTargets (priority 260): a block-level internal target
// (`.. _name:` with nothing after it) gives its ids and names to the element that
// follows it, and then points at that element with `refid`.
import type { Document } from "../document.ts";
import { Element, type Node, TEXT_ELEMENTS } from "../nodes.ts";
import { collect, expectedById, expectedByName, INVISIBLE, isElement, TARGETABLE } from "./util.ts";
import { pushAll } from "../arrays.ts";

export function propagateTargets(document: Document): void {
  // The tree's structure does not change here: sibling positions come from the
  // nodes' index hints (refreshed once per parent when stale), never from a search
  // per target, which would be quadratic.
  const nextAscending = (node: Node, descend = true): Node | null => {
    if (descend && node instanceof Element && node.children.length) return node.children[0];
    let n: Node | null = node;
    while (n && n.parent) {
      const parent: Element = n.parent;
      const sib = parent.children[position(n, parent) + 1];
      if (sib) return sib;
      n = parent;
    }
    return null;
  };
  const misplaced: Element[] = [];
  for (const target of collect(document, "target")) {
    if (target.parent && TEXT_ELEMENTS.has(target.parent.tagname)) continue;
    if (target.has("refid") || target.has("refuri") || target.has("refname")) continue;
    if (!target.ids.length) continue;
    let after = nextAscending(target);
    while (after instanceof Element && after.tagname === "system_message") after = nextAscending(after, false);
    if (!(after instanceof Element)) continue;
    let next: Element = after;
    if ((INVISIBLE.has(next.tagname) || TARGETABLE.has(next.tagname)) && next.tagname !== "target") continue;
    // A linked image (`image` with `:target:`) is a reference around the image: the
    // image itself is what the target names.
    if (next.tagname === "reference" && next.children.length === 1 && isElement(next.children[0], "image")) {
      next = next.children[0] as Element;
    }
    pushAll(next.ids, target.ids);
    pushAll(next.names, target.names);
    const byName = expectedByName(next);
    const byId = expectedById(next);
    for (const id of target.ids) {
      document.idMap.set(id, next);
      byId.set(id, target);
    }
    for (const name of target.names) byName.set(name, target);
    for (const [k, v] of expectedByName(target)) byName.set(k, v);
    for (const [k, v] of expectedById(target)) byId.set(k, v);
    target.set("refid", target.ids[0]);
    target.clearList("ids");
    target.clearList("names");
    document.noteRefid(target);
    // Where a target may not stand (a figure holds image, caption and legend only),
    // it is removed once its name has moved on.
    if (target.parent?.tagname === "figure") misplaced.push(target);
  }
  for (const t of misplaced) t.remove();
}

/** Position of `n` among `parent`'s children; stale index hints are refreshed for all the children at once. */
function position(n: Node, parent: Element): number {
  const ch = parent.children;
  if (ch[n.indexHint] !== n) for (let i = 0; i < ch.length; i++) ch[i].indexHint = i;
  return ch[n.indexHint] === n ? n.indexHint : ch.length;
}
