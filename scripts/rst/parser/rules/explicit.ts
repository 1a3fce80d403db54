// Explicit markup blocks ("..") and anonymous targets ("__"): which construct
// a block is, and the run of consecutive explicit blocks (docutils'
// Body.explicit_markup, explicit_construct, explicit_list, anonymous).
import type { Element, Node } from "../../nodes.ts";
import { MarkupError } from "../machine.ts";
import { EXPLICIT } from "../patterns.ts";
import type { BodyState as Body } from "../states/body-state.ts";
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

/** A rule that starts a run of explicit markup with what `construct` makes (the Body state). */
const startsExplicitList =
  (construct: Construct) =>
  (s: Body, match: RegExpExecArray, _context: string[], next: string): Result => {
    const [nodes, blankFinish] = construct(s, match);
    s.parent.extend(nodes);
    explicitList(s, blankFinish);
    return [[], next];
  };

/** A rule that continues a run of explicit markup with what `construct` makes (the Explicit state). */
const continuesExplicitList =
  (construct: Construct) =>
  (s: Body, match: RegExpExecArray, _context: string[], next: string): Result => {
    const [nodes, blankFinish] = construct(s, match);
    s.parent.extend(nodes);
    s.blankFinish = blankFinish;
    return [[], next];
  };

/** Explicit markup (`.. `): a comment, target, footnote, citation, substitution definition or directive. */
export const explicitMarkupRule = startsExplicitList(explicitConstruct);
export const explicitItemRule = continuesExplicitList(explicitConstruct);
/** An anonymous target (`__ uri`) starting a run of explicit markup, or inside one. */
export const anonymousTargetRule = startsExplicitList(anonymousTarget);
export const anonymousTargetItemRule = continuesExplicitList(anonymousTarget);
