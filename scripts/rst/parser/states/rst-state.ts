// Behaviour shared by every reStructuredText parser state (docutils' RSTState):
// nested parses, inline text, paragraphs, unindent warnings.
import { Element, type Node } from "../../nodes.ts";
import { Machine, State } from "../machine.ts";
import { nested } from "../nesting.ts";

export interface LinesWindow {
  lines: readonly string[];
  base: number;
  length: number;
}

export function windowOf(lines: readonly string[]): LinesWindow {
  return { lines, base: 0, length: lines.length };
}

export abstract class RSTState extends State {
  /** Jumps to an absolute offset, ignoring jumps past the end (docutils' RSTState.goto_line). */
  gotoLine(absOffset: number): void {
    this.m.gotoLine(absOffset);
  }

  /** Runs a nested Body machine over `block` into `node`; returns the absolute offset where it stopped. */
  nestedParse(block: LinesWindow | string[], inputOffset: number, node: Element, matchTitles = false, initialState = "Body"): number {
    const w = Array.isArray(block) ? windowOf(block) : block;
    const m = new Machine(this.m.shared, w.lines, w.base, w.length, inputOffset, node, matchTitles);
    m.sourceName = this.m.sourceName;
    if (initialState !== "Body") m.run(initialState);
    else if (!nested(this.m.shared, node, inputOffset + 1, () => m.run(initialState))) return inputOffset + w.length;
    return m.absLineOffset();
  }

  /**
   * Runs a nested machine for the second and following members of a list-like
   * construct (docutils' nested_list_parse); returns the absolute offset where
   * it stopped and whether the construct ended with a blank line.
   */
  nestedListParse(
    block: LinesWindow | string[],
    inputOffset: number,
    node: Element,
    initialState: string,
    blankFinish: boolean,
    options: { blankFinishState?: string; extra?: Record<string, unknown>; matchTitles?: boolean; substitution?: boolean } = {},
  ): [number, boolean] {
    const w = Array.isArray(block) ? windowOf(block) : block;
    const m = new Machine(this.m.shared, w.lines, w.base, w.length, inputOffset, node, options.matchTitles ?? false);
    m.inSubstitutionDefinition = options.substitution ?? false;
    m.sourceName = this.m.sourceName;
    const bfState = m.state(options.blankFinishState ?? initialState);
    bfState.blankFinish = blankFinish;
    if (options.extra) Object.assign(m.state(initialState), options.extra);
    m.run(initialState);
    return [m.absLineOffset(), bfState.blankFinish];
  }

  /** The rest of this machine's input after the current line. */
  restAfterCurrent(): LinesWindow {
    return this.m.restFrom(this.m.lineOffset + 1);
  }

  inlineText(text: string, lineno: number): [Node[], Element[]] {
    return this.m.inlineText(text, lineno);
  }

  unindentWarning(nodeName: string): Element {
    const lineno = this.m.absLineNumber() + 1;
    return this.reporter.warning(`${nodeName} ends without a blank line; unexpected unindent.`, [], { line: lineno });
  }

  /** Sets source and line on a node the way docutils' get_source_and_line does. */
  place<T extends Node>(node: T, lineno?: number): T {
    const sl = this.m.getSourceAndLine(lineno);
    node.source = sl.source;
    node.line = sl.line;
    return node;
  }
}
