// Sections: title style hierarchy, nesting of sections, and lines of
// punctuation in the Body state (docutils' RSTState.section, check_subsection,
// new_subsection, title_inconsistent and Body.line).
import { Element, Text } from "../../nodes.ts";
import { fullyNormalizeName } from "../../ids.ts";
import { TransitionCorrection } from "../machine.ts";
import type { RSTState } from "../states/rst-state.ts";
import { fixedText } from "./fixed-text.ts";

type Result = [string[], string];

/** A line of repeated punctuation in the Body state: overline/transition, or text where titles are not allowed. */
export function lineRule(s: RSTState, match: RegExpExecArray, _context: string[], next: string): Result {
  const line = match.input;
  if (s.m.matchTitles) return [[line], "Line"];
  if (line.trim() === "::") throw new TransitionCorrection("text");
  if (line.trim().length < 4) {
    s.parent.append(
      s.reporter.info("Unexpected possible title overline or transition.\nTreating it as ordinary text because it's so short.", [], {
        line: s.m.absLineNumber(),
      }),
    );
    throw new TransitionCorrection("text");
  }
  s.parent.append(s.reporter.error("Unexpected section title or transition.", [fixedText("literal_block", line, line)], { line: s.m.absLineNumber() }));
  return [[], next];
}

/**
 * Starts a section if the title style fits: a new section is a child of the
 * current one, or a sibling of it or of one of its ancestors; the machine then
 * continues filling the new section (docutils 1.0's section handling).
 */
export function section(s: RSTState, title: string, source: string, style: string, lineno: number, messages: Element[]): void {
  const memo = s.memo;
  const titleStyles = memo.titleStyles;
  const ancestors = sectionHierarchy(s.parent);
  const mylevel = ancestors.length;
  const index = titleStyles.indexOf(style);
  const level = index < 0 ? titleStyles.length + 1 : index + 1;
  if (level > mylevel + 1) {
    s.parent.append(inconsistentTitleStyle(s, source, lineno, mylevel, level));
    return;
  }
  if (index < 0) titleStyles.push(style);
  memo.sectionLevel = level;
  const parent = level <= mylevel ? (ancestors[level - 1].parent as Element) : s.parent;
  newSubsection(s, parent, title, lineno, messages);
}

/** The section elements enclosing `node` (itself included), outermost first. */
function sectionHierarchy(node: Element): Element[] {
  const out: Element[] = [];
  for (let n: Element | null = node; n; n = n.parent) if (n.tagname === "section") out.push(n);
  return out.reverse();
}

function inconsistentTitleStyle(s: RSTState, source: string, lineno: number, mylevel: number, level: number): Element {
  const styles = s.memo.titleStyles.map((st) => [...st].join("/")).join(" ");
  return s.reporter.error(
    `Inconsistent title style: skip from level ${mylevel} to ${level}.`,
    [fixedText("literal_block", "", source), new Element("paragraph", {}, [new Text(`Established title styles: ${styles}`)])],
    { line: lineno },
  );
}

function newSubsection(s: RSTState, parent: Element, title: string, lineno: number, messages: Element[]): void {
  const sectionNode = new Element("section");
  s.place(sectionNode);
  parent.append(sectionNode);
  const [textnodes, titleMessages] = s.inlineText(title, lineno);
  const titleNode = new Element("title", {}, textnodes);
  titleNode.rawsource = title;
  s.place(titleNode, lineno);
  const name = fullyNormalizeName(titleNode.astext());
  sectionNode.names.push(name);
  sectionNode.append(titleNode);
  sectionNode.extend(messages);
  sectionNode.extend(titleMessages);
  s.document.noteImplicitTarget(sectionNode, sectionNode);
  s.m.node = sectionNode;
}
