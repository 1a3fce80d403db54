// Line blocks: lines starting with "| ", nested by indentation (docutils' Body.line_block, LineBlock.line_block).
import { Element } from "../../nodes.ts";
import type { BodyState as Body } from "../states/body-state.ts";

type Result = [string[], string];

/** Indentation of each line element, kept aside while the block is being built. */
const lineIndent = new WeakMap<Element, number | null>();

export function lineBlockRule(s: Body, match: RegExpExecArray, _context: string[], next: string): Result {
  const block = new Element("line_block");
  s.place(block);
  s.parent.append(block);
  const lineno = s.m.absLineNumber();
  const [line, messages, blankFinish0] = lineBlockLine(s, match, lineno);
  block.append(line);
  s.parent.extend(messages);
  let blankFinish = blankFinish0;
  if (!blankFinish) {
    const [newOffset, bf] = s.nestedListParse(s.restAfterCurrent(), s.m.absLineOffset() + 1, block, "LineBlock", false);
    s.gotoLine(newOffset);
    blankFinish = bf;
  }
  if (!blankFinish) {
    s.parent.append(s.reporter.warning("Line block ends without a blank line.", [], { line: lineno + 1 }));
  }
  if (block.length) {
    const first = block.children[0] as Element;
    if ((lineIndent.get(first) ?? null) === null) lineIndent.set(first, 0);
    nestLineBlockLines(block);
  }
  return [[], next];
}

export function lineBlockLineRule(s: Body, match: RegExpExecArray, _context: string[], next: string): Result {
  const lineno = s.m.absLineNumber();
  const [line, messages, blankFinish] = lineBlockLine(s, match, lineno);
  s.parent.append(line);
  s.parent.parent?.extend(messages);
  s.blankFinish = blankFinish;
  return [[], next];
}

function lineBlockLine(s: Body, match: RegExpExecArray, lineno: number): [Element, Element[], boolean] {
  const { indented, blankFinish } = s.m.getFirstKnownIndented(match[0].length, true);
  const text = indented.join("\n");
  const [nodes, messages] = s.inlineText(text, lineno);
  const line = new Element("line", {}, nodes);
  line.rawsource = text;
  s.place(line, lineno);
  lineIndent.set(line, match.input.trimEnd() !== "|" ? match[1].length - 1 : null);
  return [line, messages, blankFinish];
}

function nestLineBlockLines(block: Element): void {
  for (let i = 1; i < block.length; i++) {
    const item = block.children[i] as Element;
    if ((lineIndent.get(item) ?? null) === null) lineIndent.set(item, lineIndent.get(block.children[i - 1] as Element) ?? 0);
  }
  nestLineBlockSegment(block);
}

/** Groups lines indented more than the least-indented ones into nested line blocks (iteratively). */
function nestLineBlockSegment(root: Element): void {
  const work: Element[] = [root];
  while (work.length) {
    const block = work.pop()!;
    const items = block.clearChildren() as Element[];
    let least = Infinity;
    for (const item of items) least = Math.min(least, indentOf(item));
    const newItems: Element[] = [];
    let newBlock = new Element("line_block");
    for (const item of items) {
      if (indentOf(item) > least) newBlock.append(item);
      else {
        if (newBlock.length) {
          work.push(newBlock);
          newItems.push(newBlock);
          newBlock = new Element("line_block");
        }
        newItems.push(item);
      }
    }
    if (newBlock.length) {
      work.push(newBlock);
      newItems.push(newBlock);
    }
    block.extend(newItems);
  }
}

function indentOf(item: Element): number {
  if (item.tagname === "line_block") {
    // A nested block's indent is that of its least-indented line.
    let least = Infinity;
    for (const c of item.children) least = Math.min(least, indentOf(c as Element));
    return least;
  }
  return lineIndent.get(item) ?? 0;
}
