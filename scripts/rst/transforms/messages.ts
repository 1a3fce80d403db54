// The writer-side transforms of docutils' universal module (docutils runs them as
// part of a writer, so they are not in `applyTransforms`; writers call
// `applyWriterTransforms`, which also runs StripClassesAndElements, off by default):
// - Messages (860): system messages made while parsing or by transforms that are not
//   in the tree are gathered into a final "Docutils System Messages" section;
// - FilterMessages (870): messages below the report level (default 2: WARNING) are
//   removed, `problematic` nodes pointing at a removed message become plain text, and
//   an emptied system-messages section is dropped.
import type { Document } from "../document.ts";
import { Element, Text } from "../nodes.ts";
import { stripClassesAndElements } from "./strip-classes.ts";
import { collect } from "./util.ts";

export function messages(document: Document): void {
  // Messages made while parsing (recorded by the parser) or by the transforms, in the
  // order they were made, that nothing placed in the tree.
  const unattached = [...document.parseMessages, ...document.transformMessages].filter((m) => !m.parent);
  if (!unattached.length) return;
  const section = new Element("section", { classes: ["system-messages"] }, [
    new Element("title", {}, [new Text("Docutils System Messages")]),
    ...unattached,
  ]);
  document.parseMessages = [];
  document.transformMessages = [];
  document.append(section);
}

export function filterMessages(document: Document): void {
  const reportLevel = typeof document.settings.reportLevel === "number" ? document.settings.reportLevel : 2;
  for (const node of collect(document, "system_message")) {
    const level = node.get("level");
    if (typeof level === "number" && level < reportLevel) {
      node.remove();
      const id = node.ids[0];
      if (id !== undefined) document.idMap.delete(id);
    }
  }
  for (const node of collect(document, "problematic")) {
    if (!document.idMap.has(node.str("refid") ?? "")) node.replaceSelf(new Text(node.astext()));
  }
  for (const node of collect(document, "section")) {
    if (node.classes.includes("system-messages") && node.children.length === 1) node.remove();
  }
}

/** The transforms docutils' writers add, in priority order: StripClassesAndElements, Messages, FilterMessages. */
export function applyWriterTransforms(document: Document): void {
  stripClassesAndElements(document);
  messages(document);
  filterMessages(document);
}
