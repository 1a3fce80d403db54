// references.PropagateTargets (priority 260): a block-level internal target
// (`.. _name:` with nothing after it) gives its ids and names to the element that
// follows it, and then points at that element with `refid`.
import type { Document } from "../document.ts";
import { Element, TEXT_ELEMENTS } from "../nodes.ts";
import { expectedById, expectedByName, INVISIBLE, isElement, nextNodeAscending, TARGETABLE } from "./util.ts";

export function propagateTargets(document: Document): void {
  for (const target of document.findAll("target")) {
    if (target.parent && TEXT_ELEMENTS.has(target.parent.tagname)) continue;
    if (target.has("refid") || target.has("refuri") || target.has("refname")) continue;
    if (!target.ids.length) continue;
    let after = nextNodeAscending(target);
    while (after instanceof Element && after.tagname === "system_message") after = nextNodeAscending(after, false);
    if (!(after instanceof Element)) continue;
    let next: Element = after;
    if ((INVISIBLE.has(next.tagname) || TARGETABLE.has(next.tagname)) && next.tagname !== "target") continue;
    // A linked image (`image` with `:target:`) is a reference around the image: the
    // image itself is what the target names.
    if (next.tagname === "reference" && next.children.length === 1 && isElement(next.children[0], "image")) {
      next = next.children[0] as Element;
    }
    next.ids.push(...target.ids);
    next.names.push(...target.names);
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
    target.attributes.ids = [];
    target.attributes.names = [];
    document.noteRefid(target);
    // Where a target may not stand (a figure holds image, caption and legend only),
    // it is removed once its name has moved on.
    if (target.parent?.tagname === "figure") target.remove();
  }
}
