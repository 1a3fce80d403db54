// A list item's body: the text after the marker plus the lines indented under it (docutils' Body.list_item).
import { Element } from "../../nodes.ts";
import type { RSTState } from "../states/rst-state.ts";

export function listItem(s: RSTState, indent: number): [Element, boolean] {
  let r: { indented: string[]; offset: number; blankFinish: boolean };
  if (s.m.line.length > indent) r = s.m.getKnownIndented(indent);
  else r = s.m.getFirstKnownIndented(indent);
  const item = new Element("list_item");
  if (r.indented.length) s.nestedParse(r.indented, r.offset, item);
  return [item, r.blankFinish];
}
