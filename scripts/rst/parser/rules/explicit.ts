// Explicit markup blocks ("..") and anonymous targets ("__"): which construct
// a block is, and the run of consecutive explicit blocks (docutils'
// Body.explicit_markup, explicit_construct, explicit_list, anonymous).
import type { Element, Node } from "../../nodes.ts";
import { MarkupError } from "../machine.ts";
import { EXPLICIT } from "../patterns.ts";
import type { Body } from "../states/body.ts";
import { citation } from "./citation.ts";
import { comment } from "./comment.ts";
import { directiveConstruct } from "./directive.ts";
import { footnote } from "./footnote.ts";
import { anonymousTarget, hyperlinkTarget } from "./hyperlink-target.ts";
import { substitutionDef } from "./substitution-definition.ts";

type Result = [string[], string];
export type Construct = (s: Body, match: RegExpExecArray) => [Node[], boolean];

const CONSTRUCTS: Array<[Construct, RegExp]> = [
  [footnote, EXPLICIT.footnote],
  [citation, EXPLICIT.citation],
  [hyperlinkTarget, EXPLICIT.hyperlinkTarget],
  [substitutionDef, EXPLICIT.substitutionDef],
  [directiveConstruct, EXPLICIT.directive],
];

/** Parses the explicit construct at the current line (falls back to a comment). */
export function explicitConstruct(s: Body, match: RegExpExecArray): [Node[], boolean] {
  const errors: Element[] = [];
  for (const [method, pattern] of CONSTRUCTS) {
    const expmatch = pattern.exec(match.input);
    if (expmatch) {
      try {
        return method(s, expmatch);
      } catch (e) {
        if (!(e instanceof MarkupError)) throw e;
        errors.push(s.reporter.warning(e.message, [], { line: s.m.absLineNumber() }));
        break;
      }
    }
  }
  const [nodes, blankFinish] = comment(s, match);
  return [[...nodes, ...errors], blankFinish];
}

/** Continues with further explicit constructs in a nested "Explicit" machine. */
function explicitList(s: Body, blankFinish0: boolean): void {
  const [newOffset, blankFinish] = s.nestedListParse(s.restAfterCurrent(), s.m.absLineOffset() + 1, s.parent, "Explicit", blankFinish0, {
    matchTitles: s.m.matchTitles,
  });
  s.gotoLine(newOffset);
  if (!blankFinish) s.parent.append(s.unindentWarning("Explicit markup"));
}

export function explicitMarkupRule(s: Body, match: RegExpExecArray, _context: string[], next: string): Result {
  const [nodes, blankFinish] = explicitConstruct(s, match);
  s.parent.extend(nodes);
  explicitList(s, blankFinish);
  return [[], next];
}

export function explicitItemRule(s: Body, match: RegExpExecArray, _context: string[], next: string): Result {
  const [nodes, blankFinish] = explicitConstruct(s, match);
  s.parent.extend(nodes);
  s.blankFinish = blankFinish;
  return [[], next];
}

/** "__ uri" anonymous targets; `first` starts an explicit list, otherwise it continues one. */
/** An anonymous target (`__ uri`) starting a run of explicit markup. */
export function anonymousTargetRule(s: Body, match: RegExpExecArray, _context: string[], next: string): Result {
  const [nodes, blankFinish] = anonymousTarget(s, match);
  s.parent.extend(nodes);
  explicitList(s, blankFinish);
  return [[], next];
}

/** An anonymous target inside a run of explicit markup (the Explicit state). */
export function anonymousTargetItemRule(s: Body, match: RegExpExecArray, _context: string[], next: string): Result {
  const [nodes, blankFinish] = anonymousTarget(s, match);
  s.parent.extend(nodes);
  s.blankFinish = blankFinish;
  return [[], next];
}
