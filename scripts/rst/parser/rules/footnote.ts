// Footnotes: ".. [1]", ".. [#]", ".. [#label]", ".. [*]" (docutils' Body.footnote).
import { Element, Text } from "../../nodes.ts";
import { fullyNormalizeName } from "../../ids.ts";
import type { RSTState } from "../states/rst-state.ts";

export function footnote(s: RSTState, match: RegExpExecArray): [Element[], boolean] {
  const { source, line } = s.m.getSourceAndLine();
  const { indented, offset, blankFinish } = s.m.getFirstKnownIndented(match[0].length);
  const label = match[1];
  let name = fullyNormalizeName(label);
  const node = new Element("footnote");
  node.source = source;
  node.line = line;
  if (name[0] === "#") {
    name = name.slice(1);
    node.set("auto", 1);
    if (name) node.names.push(name);
    s.document.noteAutofootnote(node);
  } else if (name === "*") {
    name = "";
    node.set("auto", "*");
    s.document.noteSymbolFootnote(node);
  } else {
    node.append(new Element("label", {}, [new Text(label)]));
    node.names.push(name);
    s.document.noteFootnote(node);
  }
  if (name) s.document.noteExplicitTarget(node, node);
  else s.document.setId(node, node);
  if (indented.length) s.nestedParse(indented, offset, node);
  return [[node], blankFinish];
}
