// Sections: title style hierarchy, nesting of sections, and lines of
// punctuation in the Body state (docutils' RSTState.section, check_subsection,
// new_subsection, title_inconsistent and Body.line).
import { Element } from "../../nodes.ts";
import { fullyNormalizeName } from "../../ids.ts";
import { EOF, TransitionCorrection } from "../machine.ts";
import type { RSTState } from "../states/rst-state.ts";
import { fixedText } from "./fixed-text.ts";

type Result = [string[], string];

/** A line of repeated punctuation in the Body state: overline/transition, or text where titles are not allowed. */
export function lineRule(s: RSTState, match: RegExpExecArray, next: string): Result {
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
  s.parent.append(s.reporter.severe("Unexpected section title or transition.", [fixedText("literal_block", line, line)], { line: s.m.absLineNumber() }));
  return [[], next];
}

/** Starts a section if the title style fits the current level. */
export function section(s: RSTState, title: string, source: string, style: string, lineno: number, messages: Element[]): void {
  if (checkSubsection(s, source, style, lineno)) newSubsection(s, title, lineno, messages);
}

function checkSubsection(s: RSTState, source: string, style: string, lineno: number): boolean {
  const memo = s.memo;
  const titleStyles = memo.titleStyles;
  const mylevel = memo.sectionLevel;
  const index = titleStyles.indexOf(style);
  if (index < 0) {
    if (titleStyles.length === memo.sectionLevel) {
      titleStyles.push(style);
      return true;
    }
    s.parent.append(titleInconsistent(s, source, lineno));
    return false;
  }
  const level = index + 1;
  if (level <= mylevel) {
    memo.sectionLevel = level;
    if (style.length === 2) memo.sectionBubbleUpKludge = true;
    s.m.previousLine(style.length + 1);
    throw EOF;
  }
  if (level === mylevel + 1) return true;
  s.parent.append(titleInconsistent(s, source, lineno));
  return false;
}

function titleInconsistent(s: RSTState, source: string, lineno: number): Element {
  return s.reporter.severe("Title level inconsistent:", [fixedText("literal_block", "", source)], { line: lineno });
}

function newSubsection(s: RSTState, title: string, lineno: number, messages: Element[]): void {
  const memo = s.memo;
  const mylevel = memo.sectionLevel;
  memo.sectionLevel++;
  const sectionNode = new Element("section");
  s.place(sectionNode);
  s.parent.append(sectionNode);
  const [textnodes, titleMessages] = s.inlineText(title, lineno);
  const titleNode = new Element("title", {}, textnodes);
  titleNode.rawsource = title;
  s.place(titleNode, lineno);
  const name = fullyNormalizeName(titleNode.astext());
  sectionNode.names.push(name);
  sectionNode.append(titleNode);
  sectionNode.append(...messages);
  sectionNode.append(...titleMessages);
  s.document.noteImplicitTarget(sectionNode, sectionNode);
  const offset = s.m.lineOffset + 1;
  const absoffset = s.m.absLineOffset() + 1;
  const newabsoffset = s.nestedParse(s.m.restFrom(offset), absoffset, sectionNode, true);
  s.gotoLine(newabsoffset);
  if (memo.sectionLevel <= mylevel) throw EOF;
  memo.sectionLevel = mylevel;
}
