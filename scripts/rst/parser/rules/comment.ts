// Comments: explicit markup that is no other construct (docutils' Body.comment).
import { Element } from "../../nodes.ts";
import { isBlank } from "../lines.ts";
import type { RSTState } from "../states/rst-state.ts";
import { fixedText } from "./fixed-text.ts";

export function comment(s: RSTState, match: RegExpExecArray): [Element[], boolean] {
  if (s.m.isNextLineBlank()) {
    const first = match.input.slice(match[0].length);
    if (isBlank(first)) return [[fixedText("comment", "", "")], true];
    // The marker the include directive leaves at the end of an included file.
    if (first.startsWith('end of inclusion from "')) {
      const log = (s.document as { includeLog?: unknown[] }).includeLog;
      if (Array.isArray(log)) log.pop();
      return [[], true];
    }
  }
  const r = s.m.getFirstKnownIndented(match[0].length);
  let indented = r.indented;
  let end = indented.length;
  while (end > 0 && isBlank(indented[end - 1])) end--;
  if (end !== indented.length) indented = indented.slice(0, end);
  const text = indented.join("\n");
  return [[fixedText("comment", text, text)], r.blankFinish];
}
