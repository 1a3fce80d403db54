// Tables wrapped in a container that scrolls sideways, so that a wide table on a
// narrow screen scrolls on its own instead of widening the whole page.
import { Element, type Document } from "../rst/index.ts";

export const TABLE_WRAPPER_CLASS = "table-wrapper";

export function wrapTables(document: Document): number {
  let count = 0;
  for (const table of document.findAll("table")) {
    const parent = table.parent;
    if (!parent || parent.classes.includes(TABLE_WRAPPER_CLASS)) continue;
    const wrapper = new Element("container", { classes: [TABLE_WRAPPER_CLASS] });
    wrapper.source = table.source;
    wrapper.line = table.line;
    table.replaceSelf(wrapper);
    wrapper.append(table);
    count++;
  }
  return count;
}
