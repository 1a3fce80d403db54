// Doctest blocks: ">>> " up to the next blank line (docutils' Body.doctest).
import { fixedText } from "./fixed-text.ts";
import type { RSTState } from "../states/rst-state.ts";

export function doctestRule(s: RSTState, _match: RegExpExecArray, _context: string[], next: string): [string[], string] {
  const data = s.m.getTextBlock().block.join("\n");
  const node = fixedText("doctest_block", data, data);
  s.parent.append(node);
  return [[], next];
}
