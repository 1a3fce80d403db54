// misc.ClassAttribute (pending, priority 210; the `class` directive without content):
// adds the classes to the next element that is not invisible nor a system message,
// looking further up the tree when the pending node is last in its parent.
import type { Document } from "../document.ts";
import { Element, Text } from "../nodes.ts";
import { INVISIBLE } from "./util.ts";

export function classAttribute(document: Document, pending: Element): void {
  const classes = (pending.details?.class as string[] | undefined) ?? [];
  let parent: Element | null = pending.parent;
  let child: Element = pending;
  while (parent) {
    for (let i = parent.children.indexOf(child) + 1; i < parent.children.length; i++) {
      const element = parent.children[i];
      if (element instanceof Element && (INVISIBLE.has(element.tagname) || element.tagname === "system_message")) continue;
      if (element instanceof Element) element.classes.push(...classes);
      pending.remove();
      return;
    }
    child = parent;
    parent = parent.parent;
  }
  const error = document.reporter.error(
    `No suitable element following "${String(pending.details?.directive ?? "class")}" directive`,
    [new Element("literal_block", { "xml:space": "preserve" }, [new Text(pending.rawsource)])],
    { line: pending.line },
  );
  pending.replaceSelf(error);
}
