// Bullet lists (docutils' Body.bullet and BulletList.bullet).
import { Element } from "../../nodes.ts";
import type { BodyState as Body } from "../states/body-state.ts";
import { listItem } from "./list-item.ts";

type Result = [string[], string];

export function bulletListRule(s: Body, match: RegExpExecArray, _context: string[], next: string): Result {
  const list = s.place(new Element("bullet_list"));
  s.parent.append(list);
  list.set("bullet", match.input[0]);
  const [item, blankFinish0] = listItem(s, match[0].length);
  list.append(item);
  const [newOffset, blankFinish] = s.nestedListParse(s.restAfterCurrent(), s.m.absLineOffset() + 1, list, "BulletList", blankFinish0);
  s.gotoLine(newOffset);
  if (!blankFinish) s.parent.append(s.unindentWarning("Bullet list"));
  return [[], next];
}

export function bulletListItemRule(s: Body, match: RegExpExecArray, _context: string[], next: string): Result {
  if (match.input[0] !== s.parent.get("bullet")) s.invalidInput();
  const [item, blankFinish] = listItem(s, match[0].length);
  s.parent.append(item);
  s.blankFinish = blankFinish;
  return [[], next];
}
