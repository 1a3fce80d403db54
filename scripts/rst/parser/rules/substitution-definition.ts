// Substitution definitions: ".. |name| directive:: ..." or ".. |name| text"
// (docutils' Body.substitution_def and the SubstitutionDef state).
import { Element, INLINE_ELEMENTS, type Node, Text } from "../../nodes.ts";
import { whitespaceNormalizeName } from "../../ids.ts";
import { EOF, MarkupError } from "../machine.ts";
import { escapeToNull } from "../inline/escape.ts";
import { matchSubstitutionName, type NameMatch } from "../patterns.ts";
import { isBlank, pyRstrip, pyStrip } from "../lines.ts";
import type { BodyState as Body } from "../states/body-state.ts";
import { directiveConstruct } from "./directive.ts";
import { fixedText } from "./fixed-text.ts";

export function substitutionDef(s: Body, match: RegExpExecArray): [Element[], boolean] {
  const { source, line } = s.m.getSourceAndLine();
  const r = s.m.getFirstKnownIndented(match[0].length, false, false);
  let offset = r.offset;
  const blankFinish0 = r.blankFinish;
  const blocktext = match.input.slice(0, match[0].length) + r.indented.join("\n");
  let block = [...r.indented];
  let escaped = escapeToNull(pyRstrip(block[0] ?? ""));
  let blockindex = 0;
  let scanned = 0;
  let subdefmatch: NameMatch | null;
  for (;;) {
    subdefmatch = matchSubstitutionName(escaped, scanned);
    if (subdefmatch) break;
    blockindex++;
    if (blockindex >= block.length) throw new MarkupError("malformed substitution definition.");
    scanned = escaped.length;
    escaped = escaped + " " + escapeToNull(pyStrip(block[blockindex]));
  }
  block = block.slice(blockindex);
  const start = subdefmatch.end - escaped.length - 1;
  const first = pyStrip(block[0]) + " ";
  block[0] = first.slice(Math.max(0, first.length + start), -1);
  if (!block[0]) {
    block.shift();
    offset++;
  }
  while (block.length && isBlank(block[block.length - 1])) block.pop();
  const subname = subdefmatch.name;
  const node = new Element("substitution_definition");
  node.rawsource = blocktext;
  node.source = source;
  node.line = line;
  const literal = () => fixedText("literal_block", blocktext, blocktext);
  if (!block.length) {
    const msg = s.reporter.warning(`Substitution definition "${subname}" missing contents.`, [literal()], { source, line });
    return [[msg], blankFinish0];
  }
  block[0] = pyStrip(block[0]);
  node.names.push(whitespaceNormalizeName(subname));
  const [, blankFinish] = s.nestedListParse(block, offset, node, "SubstitutionDef", blankFinish0, { substitution: true });
  let i = 0;
  for (const child of [...node.children]) {
    if (!(child instanceof Text || (child instanceof Element && INLINE_ELEMENTS.has(child.tagname)))) {
      s.parent.append(node.children[i]);
    } else i++;
  }
  for (const el of node.findAll()) {
    if (el === node) continue;
    const problem = disallowed(el);
    if (problem === null) continue;
    const children: Element[] = [literal()];
    if (el.tagname === "problematic") {
      children.push(new Element("block_quote", {}, [new Element("paragraph", {}, node.clearChildren())]));
    }
    return [[s.reporter.error(problem, children, { source, line })], blankFinish];
  }
  if (!node.length) {
    const msg = s.reporter.warning(`Substitution definition "${subname}" empty or invalid.`, [literal()], { source, line });
    return [[msg], blankFinish];
  }
  s.document.noteSubstitutionDef(node, subname, s.parent);
  return [[node], blankFinish];
}

/** Why an element may not appear in a substitution definition (null when it may). */
function disallowed(node: Element): string | null {
  if (node.tagname === "problematic") return "Problematic content in substitution definition";
  if (node.tagname === "reference" && node.get("anonymous")) return "Anonymous references are not supported in a substitution definition.";
  if (node.tagname === "footnote_reference" && node.get("auto")) {
    return "References to auto-numbered and auto-symbol footnotes are not supported in a substitution definition.";
  }
  if (node.ids.length) return "Targets (names and identifiers) are not supported in a substitution definition.";
  return null;
}

/** In the SubstitutionDef state: the directive that makes the substitution's contents. */
export function embeddedDirectiveRule(s: Body, match: RegExpExecArray): [string[], string] {
  const alt = (s.parent.names[0] ?? "") as string;
  const [nodes, blankFinish] = directiveConstruct(s, match, { alt });
  s.parent.extend((nodes as Node[]));
  if (!s.m.atEof()) s.blankFinish = blankFinish;
  throw EOF;
}
