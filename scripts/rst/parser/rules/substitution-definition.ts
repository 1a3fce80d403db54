// Substitution definitions: ".. |name| directive:: ..." or ".. |name| text"
// (docutils' Body.substitution_def and the SubstitutionDef state).
import { Element, INLINE_ELEMENTS, type Node, Text } from "../../nodes.ts";
import { whitespaceNormalizeName } from "../../ids.ts";
import { pformat } from "../../pformat.ts";
import { EOF, MarkupError } from "../machine.ts";
import { EXPLICIT, escape2null } from "../patterns.ts";
import { isBlank, pyRstrip, pyStrip } from "../lines.ts";
import type { Body } from "../states/body.ts";
import { directiveConstruct } from "./directive.ts";
import { fixedText } from "./fixed-text.ts";

export function substitutionDef(s: Body, match: RegExpExecArray): [Element[], boolean] {
  const { source, line } = s.m.getSourceAndLine();
  const r = s.m.getFirstKnownIndented(match[0].length, false, false);
  let offset = r.offset;
  const blankFinish0 = r.blankFinish;
  const blocktext = match.input.slice(0, match[0].length) + r.indented.join("\n");
  let block = [...r.indented];
  let escaped = escape2null(pyRstrip(block[0] ?? ""));
  let blockindex = 0;
  let subdefmatch: RegExpExecArray | null;
  for (;;) {
    subdefmatch = EXPLICIT.substitution.exec(escaped);
    if (subdefmatch) break;
    blockindex++;
    if (blockindex >= block.length) throw new MarkupError("malformed substitution definition.");
    escaped = escaped + " " + escape2null(pyStrip(block[blockindex]));
  }
  block = block.slice(blockindex);
  const start = subdefmatch[0].length - escaped.length - 1;
  const first = pyStrip(block[0]) + " ";
  block[0] = first.slice(Math.max(0, first.length + start), -1);
  if (!block[0]) {
    block.shift();
    offset++;
  }
  while (block.length && isBlank(block[block.length - 1])) block.pop();
  const subname = subdefmatch.groups?.name ?? "";
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
    if (disallowed(el)) {
      const pf = fixedText("literal_block", "", pyRstrip(pformat(el)));
      const msg = s.reporter.error(`Substitution definition contains illegal element <${el.tagname}>:`, [pf, literal()], { source, line });
      return [[msg], blankFinish];
    }
  }
  if (!node.length) {
    const msg = s.reporter.warning(`Substitution definition "${subname}" empty or invalid.`, [literal()], { source, line });
    return [[msg], blankFinish];
  }
  s.document.noteSubstitutionDef(node, subname, s.parent);
  return [[node], blankFinish];
}

function disallowed(node: Element): boolean {
  return (
    node.ids.length > 0 ||
    (node.tagname === "reference" && !!node.get("anonymous")) ||
    (node.tagname === "footnote_reference" && !!node.get("auto"))
  );
}

/** In the SubstitutionDef state: the directive that makes the substitution's contents. */
export function embeddedDirectiveRule(s: Body, match: RegExpExecArray): [string[], string] {
  const alt = (s.parent.names[0] ?? "") as string;
  const [nodes, blankFinish] = directiveConstruct(s, match, { alt });
  s.parent.append(...(nodes as Node[]));
  if (!s.m.atEof()) s.blankFinish = blankFinish;
  throw EOF;
}
