// Citations: ".. [label] text" (docutils' Body.citation).
import { Element, Text } from "../../nodes.ts";
import { fullyNormalizeName } from "../../ids.ts";
import type { RSTState } from "../states/rst-state.ts";

export function citation(s: RSTState, match: RegExpExecArray): [Element[], boolean] {
  const { source, line } = s.m.getSourceAndLine();
  const { indented, offset, blankFinish } = s.m.getFirstKnownIndented(match[0].length);
  const label = match[1];
  const name = fullyNormalizeName(label);
  const node = new Element("citation");
  node.source = source;
  node.line = line;
  node.append(new Element("label", {}, [new Text(label)]));
  node.names.push(name);
  s.document.noteCitation(node);
  s.document.noteExplicitTarget(node, node);
  if (indented.length) s.nestedParse(indented, offset, node);
  else node.append(s.reporter.warning("Citation content expected.", [], { line: s.m.absLineNumber() }));
  return [[node], blankFinish];
}
