// Definition lists: a term line followed by an indented definition (docutils'
// Text.indent, Text.definition_list_item, Text.term, Definition.indent).
import { Element, type Node, Text } from "../../nodes.ts";
import { unescapeNull } from "../patterns.ts";
import type { RSTState } from "../states/rst-state.ts";

type Result = [string[], string];

export function definitionListRule(s: RSTState, context: string[]): Result {
  const list = new Element("definition_list");
  s.place(list);
  const [item, blankFinish0] = definitionListItem(s, context);
  list.append(item);
  s.parent.append(list);
  const [newOffset, blankFinish] = s.nestedListParse(s.restAfterCurrent(), s.m.absLineOffset() + 1, list, "DefinitionList", blankFinish0, {
    blankFinishState: "Definition",
  });
  s.gotoLine(newOffset);
  if (!blankFinish) s.parent.append(s.unindentWarning("Definition list"));
  return [[], "Body"];
}

export function definitionListItem(s: RSTState, termline: string[]): [Element, boolean] {
  const r = s.m.getIndented();
  const item = new Element("definition_list_item");
  const lineno = s.m.absLineNumber() - 1;
  s.place(item, lineno);
  const [termlist, messages] = term(s, termline, lineno);
  item.extend(termlist);
  const definition = new Element("definition", {}, messages);
  item.append(definition);
  if (termline[0].endsWith("::")) {
    definition.append(
      s.reporter.info('Blank line missing before literal block (after the "::")? Interpreted as a definition list item.', [], {
        line: lineno + 1,
      }),
    );
  }
  s.nestedParse(r.indented, r.offset, definition);
  return [item, r.blankFinish];
}

/**
 * Splits text at classifier delimiters (docutils' ` +: +` regular expression,
 * scanned by hand so long runs of spaces stay linear).
 */
export function splitClassifiers(text: string): string[] {
  const parts: string[] = [];
  let partStart = 0;
  let from = 0;
  for (;;) {
    let p = text.indexOf(" :", from);
    // The colon must follow a space of this part and be followed by a space.
    while (p >= 0 && text[p + 2] !== " ") p = text.indexOf(" :", p + 1);
    if (p < 0) break;
    let start = p;
    while (start > partStart && text[start - 1] === " ") start--;
    let end = p + 2;
    while (end < text.length && text[end] === " ") end++;
    parts.push(text.slice(partStart, start));
    partStart = end;
    from = end;
  }
  parts.push(text.slice(partStart));
  return parts;
}

/** The term and its classifiers (" : " separated), from the term line's inline nodes. */
function term(s: RSTState, lines: string[], lineno: number): [Element[], Element[]] {
  const [textNodes, messages] = s.inlineText(lines[0], lineno);
  const termNode = new Element("term");
  termNode.rawsource = lines[0];
  s.place(termNode, lineno);
  const nodeList: Element[] = [termNode];
  for (const node of textNodes as Node[]) {
    if (node instanceof Text) {
      const parts = splitClassifiers(node.data);
      if (parts.length === 1) nodeList[nodeList.length - 1].append(node);
      else {
        const text = parts[0].trimEnd();
        nodeList[nodeList.length - 1].append(new Text(text));
        for (const part of parts.slice(1)) {
          const classifier = new Element("classifier", {}, [new Text(part)]);
          classifier.rawsource = unescapeNull(part, true);
          nodeList.push(classifier);
        }
      }
    } else nodeList[nodeList.length - 1].append(node);
  }
  return [nodeList, messages];
}
