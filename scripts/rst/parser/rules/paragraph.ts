// Paragraphs and the literal blocks a trailing "::" introduces (docutils'
// RSTState.paragraph, Text.literal_block, Text.quoted_literal_block).
import { Element } from "../../nodes.ts";
import { isBlank, pyRstrip } from "../lines.ts";
import type { RSTState } from "../states/rst-state.ts";
import { fixedText } from "./fixed-text.ts";

/** A paragraph from text lines, and whether a literal block follows (the text ends with an unescaped "::"). */
export function paragraph(s: RSTState, lines: string[], lineno: number): [Element[], boolean] {
  const data = pyRstrip(lines.join("\n"));
  let text: string;
  let literalnext = false;
  if (endsWithUnescapedDoubleColon(data)) {
    if (data.length === 2) return [[], true];
    if (data[data.length - 3] === " " || data[data.length - 3] === "\n") text = pyRstrip(data.slice(0, -3));
    else text = data.slice(0, -1);
    literalnext = true;
  } else text = data;
  const [textnodes, messages] = s.inlineText(text, lineno);
  const p = new Element("paragraph", {}, textnodes);
  p.rawsource = data;
  s.place(p, lineno);
  return [[p, ...messages], literalnext];
}

/** `(?<!\\)(\\\\)*::$`: "::" at the end, preceded by an even number of backslashes. */
function endsWithUnescapedDoubleColon(data: string): boolean {
  if (!data.endsWith("::")) return false;
  let i = data.length - 3;
  let n = 0;
  while (i >= 0 && data[i] === "\\") {
    n++;
    i--;
  }
  return n % 2 === 0;
}

/** The literal block after "::": an indented block, or else a quoted one. */
export function literalBlock(s: RSTState): Element[] {
  const r = s.m.getIndented();
  let indented = r.indented;
  let end = indented.length;
  while (end > 0 && isBlank(indented[end - 1])) end--;
  if (end !== indented.length) indented = indented.slice(0, end);
  if (!indented.length) return quotedLiteralBlock(s);
  const data = indented.join("\n");
  const node = fixedText("literal_block", data, data);
  s.place(node, r.offset + 1);
  const nodes: Element[] = [node];
  if (!r.blankFinish) nodes.push(s.unindentWarning("Literal block"));
  return nodes;
}

function quotedLiteralBlock(s: RSTState): Element[] {
  const absLineOffset = s.m.absLineOffset();
  const offset = s.m.lineOffset;
  const holder = new Element("Element");
  const newAbsOffset = s.nestedParse(s.m.restFrom(offset), absLineOffset, holder, false, "QuotedLiteralBlock");
  s.gotoLine(newAbsOffset);
  return holder.clearChildren() as Element[];
}
