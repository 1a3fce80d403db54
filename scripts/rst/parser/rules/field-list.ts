// Field lists (docutils' Body.field_marker, Body.field and FieldList.field_marker).
import { Element } from "../../nodes.ts";
import type { BodyState as Body } from "../states/body-state.ts";

type Result = [string[], string];

export type { FieldBodyParser } from "../states/body-state.ts";

export function fieldListRule(s: Body, match: RegExpExecArray, _context: string[], next: string): Result {
  const list = new Element("field_list");
  s.place(list);
  s.parent.append(list);
  const [field, blankFinish0] = field_(s, match);
  list.append(field);
  const [newOffset, blankFinish] = s.nestedListParse(s.restAfterCurrent(), s.m.absLineOffset() + 1, list, "FieldList", blankFinish0);
  s.gotoLine(newOffset);
  if (!blankFinish) s.parent.append(s.unindentWarning("Field list"));
  return [[], next];
}

export function fieldListItemRule(s: Body, match: RegExpExecArray, _context: string[], next: string): Result {
  const [field, blankFinish] = field_(s, match);
  s.parent.append(field);
  s.blankFinish = blankFinish;
  return [[], next];
}

/** The field name: the marker without its colons. */
export function parseFieldMarker(match: RegExpExecArray): string {
  const field = match[0].slice(1);
  return field.slice(0, field.lastIndexOf(":"));
}

function field_(s: Body, match: RegExpExecArray): [Element, boolean] {
  const name = parseFieldMarker(match);
  const lineno = s.m.absLineNumber();
  const fieldNode = s.place(new Element("field"));
  const { indented, offset, blankFinish } = s.m.getFirstKnownIndented(match[0].length);
  const [nameNodes, nameMessages] = s.inlineText(name, lineno);
  const fieldName = new Element("field_name", {}, nameNodes);
  fieldName.rawsource = name;
  fieldNode.append(fieldName);
  const body = new Element("field_body", {}, nameMessages);
  fieldNode.append(body);
  if (indented.length) s.parseFieldBody(indented, offset, body);
  return [fieldNode, blankFinish];
}
