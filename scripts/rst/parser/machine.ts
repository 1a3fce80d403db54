// The line-by-line engine of the block parser (docutils' StateMachineWS and
// NestedStateMachine): a Machine walks a window of input lines; its current
// State matches each line against the state's transitions in order and runs
// the first that matches. Constructs start nested machines on sub-blocks
// (list items, sections, block quotes...). Control flow follows docutils:
// EOF ends the current machine (and backs it up so the parent can re-read the
// line), TransitionCorrection retries the line with another transition,
// StateCorrection with another state.
import type { Document } from "../document.ts";
import type { Element, Node } from "../nodes.ts";
import type { Reporter } from "../reporter.ts";
import type { DirectiveDefinition, DirectiveRegistry, Memo, ParserContext, RoleRegistry } from "./context.ts";
import { getIndented, getTextBlock, isBlank } from "./lines.ts";
import { parseInlineText } from "./inline-bridge.ts";
import { nested } from "./nesting.ts";

/** Thrown to end the current machine (docutils raises EOFError). */
export const EOF = Object.freeze({ eof: true });

export class TransitionCorrection {
  constructor(readonly transition: string) {}
}

export class StateCorrection {
  constructor(
    readonly state: string,
    readonly transition: string | null = null,
  ) {}
}

/** A construct could not be parsed (docutils' MarkupError). */
export class MarkupError {
  constructor(readonly message: string) {}
}

/** What a rule returns: the context for the next line and the name of the next state. */
export type Result = [string[], string];

/**
 * A rule: what a transition does with a matching line (the line is `match.input`).
 * `next` is the transition's next state (default: the state itself).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Rule<S extends State = any> = (state: S, match: RegExpExecArray, context: string[], next: string) => Result;

/** A row of a state's transition table (docutils' transitions, as markdown-it's ruler holds rules). */
export interface Transition {
  name: string;
  /** Anchored at the start of the line. */
  pattern: RegExp;
  rule: Rule;
  /** The next state when the rule does not say otherwise (null: the same state). */
  next?: string | null;
  /**
   * The characters a line that `pattern` matches can start with (omitted: any). The
   * machine only tries a line against the transitions its first character allows.
   */
  first?: string;
}

/** Services the Body state offers directives through the machine (see states/body.ts). */
export interface BodyServices {
  blockQuoteLines(lines: string[], offset: number): Element[];
  parseDirectiveBlockLines(
    lines: string[],
    offset: number,
    definition: DirectiveDefinition,
  ): { arguments: string[]; options: Record<string, unknown>; content: string[]; contentOffset: number };
}

/** What all machines of one parse share. */
export interface Shared {
  document: Document;
  reporter: Reporter;
  memo: Memo;
  states: Record<string, StateClass>;
  /** 1-based line of the most recent line change of any machine (docutils' document.current_line). */
  currentLine: number | null;
  /** Source name of the running machine when it reads an included file (null: the document). */
  currentSource: string | null;
  /** How many nested blocks enclose the one being parsed (see nesting.ts). */
  depth: number;
  directives: DirectiveRegistry;
  roles: RoleRegistry;
}

export type StateClass = new (m: Machine) => State;

/** Blank lines: the state's `blank` method. */
export const BLANK: Transition = { name: "blank", pattern: /^ *$/, rule: (s: State, m, c, n) => s.blank(m, c, n), first: " " };
/** Indented lines: the state's `indent` method. */
export const INDENT: Transition = { name: "indent", pattern: /^ +/, rule: (s: State, m, c, n) => s.indent(m, c, n), first: " " };

/** Index of the bucket of lines starting with a non-ASCII character, and of empty lines. */
const NON_ASCII = 128;
const EMPTY = 129;

/**
 * A copy of `t` with every field present, in one order. The literals the states write
 * differ in shape (some lack `next` or `first`, some are spread copies, whose hidden class
 * changes once V8 has warmed up the spread), and the machine's loop, reading transitions of
 * a dozen shapes, was deoptimized by each new one; the tables hold only these copies.
 */
function uniform(t: Transition): Transition {
  return { name: t.name, pattern: t.pattern, rule: t.rule, next: t.next, first: t.first };
}

/** A state's transitions in order, and for each first character those worth trying. */
export class TransitionTable {
  private readonly byFirst: Transition[][] = [];
  private readonly byName = new Map<string, Transition>();

  readonly transitions: readonly Transition[];

  constructor(transitions: readonly Transition[]) {
    this.transitions = transitions.map(uniform);
    for (const t of this.transitions) if (!this.byName.has(t.name)) this.byName.set(t.name, t);
    const ordered = [...this.byName.values()];
    for (let code = 0; code <= EMPTY; code++) {
      this.byFirst.push(
        ordered.filter((t) => {
          if (t.first === undefined) return true;
          if (code === EMPTY) return t.pattern.test("");
          if (code === NON_ASCII) return [...t.first].some((c) => c.charCodeAt(0) >= 128);
          return t.first.includes(String.fromCharCode(code));
        }),
      );
    }
  }

  /** The transitions a line may match, in order. */
  candidates(line: string): Transition[] {
    const code = line.charCodeAt(0); // NaN for an empty line
    return this.byFirst[code < 128 ? code : code === code ? NON_ASCII : EMPTY];
  }

  get(name: string): Transition | undefined {
    return this.byName.get(name);
  }

  /** A table with `t` first (replacing a transition of the same name), as docutils' add_transition. */
  withFirst(t: Transition): TransitionTable {
    return new TransitionTable([t, ...this.transitions.filter((x) => x.name !== t.name)]);
  }

  without(name: string): TransitionTable {
    return new TransitionTable(this.transitions.filter((x) => x.name !== name));
  }
}

/** Transition tables are built once per state class. */
const TABLES = new WeakMap<object, TransitionTable>();

/** A state: an ordered table of transitions plus end-of-input behaviour (docutils' State/StateWS). */
export abstract class State {
  abstract get name(): string;
  // The fields are assigned in the constructor, not given initializers (nor made
  // parameter properties): V8 defines initialized fields through code shared by all
  // subclasses, which with more than four state classes takes its slow generic path,
  // about eight times slower than assignments. A state is made for every nested block.
  declare readonly m: Machine;
  declare table: TransitionTable;
  /** Whether the last construct of a list-like state ended with a blank line. */
  declare blankFinish: boolean;

  constructor(m: Machine) {
    this.m = m;
    let table = TABLES.get(this.constructor);
    if (!table) {
      table = new TransitionTable(this.transitionTable());
      TABLES.set(this.constructor, table);
    }
    this.table = table;
    this.blankFinish = true;
  }

  /** The state's transitions, in order (usually BLANK and INDENT first). */
  protected abstract transitionTable(): Transition[];

  blank(_match: RegExpExecArray | null, context: string[], next: string): Result {
    return [context, next];
  }

  indent(_match: RegExpExecArray, context: string[], next: string): Result {
    return [context, next];
  }

  /** Called at the end of input (or when a transition ends the machine). */
  eof(_context: string[]): void {}

  get parent(): Element {
    return this.m.node;
  }
  get document(): Document {
    return this.m.shared.document;
  }
  get reporter(): Reporter {
    return this.m.shared.reporter;
  }
  get memo(): Memo {
    return this.m.shared.memo;
  }
}

export class Machine implements ParserContext {
  lineOffset = -1;
  line = "";
  /** The states this machine has made and their names (a machine uses a handful: two short lists beat a Map). */
  private readonly stateNames: string[] = [];
  private readonly stateObjects: State[] = [];
  inSubstitutionDefinition = false;
  /** Source name of these lines when they come from an included file (null: the document's source). */
  sourceName: string | null = null;

  constructor(
    readonly shared: Shared,
    /** The array holding this machine's lines (possibly shared with the parent machine). */
    readonly lines: readonly string[],
    /** Index in `lines` of this machine's first line. */
    readonly base: number,
    /** Number of lines of this machine. */
    readonly length: number,
    /** Absolute (document) 0-based offset of this machine's first line. */
    readonly inputOffset: number,
    public node: Element,
    readonly matchTitles: boolean,
  ) {}

  // ---- ParserContext ----
  get document(): Document {
    return this.shared.document;
  }
  get reporter(): Reporter {
    return this.shared.reporter;
  }
  get memo(): Memo {
    return this.shared.memo;
  }
  get directives(): DirectiveRegistry {
    return this.shared.directives;
  }
  get roles(): RoleRegistry {
    return this.shared.roles;
  }
  get parent(): Element {
    return this.node;
  }
  set parent(node: Element) {
    this.node = node;
  }

  nestedParse(lines: string[], offset: number, node: Element, matchTitles = false): number {
    const m = new Machine(this.shared, lines, 0, lines.length, offset, node, matchTitles);
    m.sourceName = this.sourceName;
    if (!nested(this.shared, node, offset + 1, () => m.run("Body"))) return offset + lines.length;
    return m.absLineOffset();
  }

  blockQuote(lines: string[], offset: number): Element[] {
    return (this.state("Body") as unknown as BodyServices).blockQuoteLines(lines, offset);
  }

  parseDirectiveBlock(
    lines: string[],
    offset: number,
    definition: DirectiveDefinition,
  ): { arguments: string[]; options: Record<string, unknown>; content: string[]; contentOffset: number } {
    return (this.state("Body") as unknown as BodyServices).parseDirectiveBlockLines(lines, offset, definition);
  }

  /**
   * Parses `lines` (an included file) right here, between blank padding lines,
   * as docutils' insert_input does: in this machine's element, sections joining
   * the current hierarchy; messages name `source` and its line numbers.
   */
  insertInput(lines: string[], source: string): void {
    const padded = ["", ...lines, ""];
    const m = new Machine(this.shared, padded, 0, padded.length, -1, this.node, this.matchTitles);
    m.sourceName = source;
    m.run("Body");
    this.node = m.node;
  }

  inlineText(text: string, lineno: number): [Node[], Element[]] {
    return parseInlineText(text, lineno, this);
  }

  sourceAndLine(offset: number): { source: string | null; line: number | null } {
    return { source: this.sourceName ?? this.document.source, line: offset + 1 };
  }

  // ---- line access ----
  at(i: number): string {
    return this.lines[this.base + i];
  }

  /** The lines of this machine from `offset` on, as a window for a nested machine. */
  restFrom(offset: number): { lines: readonly string[]; base: number; length: number } {
    const o = Math.min(Math.max(offset, 0), this.length);
    return { lines: this.lines, base: this.base + o, length: this.length - o };
  }

  /** This machine's lines [from, to) as a new array. */
  slice(from: number, to: number): string[] {
    return this.lines.slice(this.base + Math.max(from, 0), this.base + Math.min(to, this.length));
  }

  nextLine(n = 1): string {
    this.lineOffset += n;
    if (this.lineOffset >= this.length || this.lineOffset < 0) {
      this.line = "";
      this.shared.currentLine = null;
      throw EOF;
    }
    this.line = this.at(this.lineOffset);
    this.shared.currentLine = this.absLineNumber();
    return this.line;
  }

  previousLine(n = 1): string {
    this.lineOffset -= n;
    this.line = this.lineOffset >= 0 && this.lineOffset < this.length ? this.at(this.lineOffset) : "";
    this.shared.currentLine = this.lineOffset >= 0 && this.lineOffset < this.length ? this.absLineNumber() : null;
    return this.line;
  }

  /** Jumps to an absolute line offset; past the end is allowed (the next read ends the machine). */
  gotoLine(absOffset: number): void {
    this.lineOffset = absOffset - this.inputOffset;
    this.line = this.lineOffset >= 0 && this.lineOffset < this.length ? this.at(this.lineOffset) : "";
    this.shared.currentLine = this.lineOffset >= 0 && this.lineOffset < this.length ? this.absLineNumber() : null;
  }

  absLineOffset(): number {
    return this.lineOffset + this.inputOffset;
  }

  absLineNumber(): number {
    return this.lineOffset + this.inputOffset + 1;
  }

  atEof(): boolean {
    return this.lineOffset >= this.length - 1;
  }

  isNextLineBlank(): boolean {
    const i = this.lineOffset + 1;
    return i >= this.length || isBlank(this.at(i));
  }

  /** docutils' get_source_and_line: the current line, or a given 1-based line. */
  getSourceAndLine(lineno?: number): { source: string; line: number } {
    return { source: this.sourceName ?? this.document.source ?? "", line: lineno ?? this.absLineNumber() };
  }

  // ---- indented blocks (docutils' StateMachineWS.get_*indented) ----

  /** Indented block after the current line's known indentation `indent` (list items, ...). */
  getKnownIndented(indent: number, untilBlank = false, stripIndent = true): { indented: string[]; offset: number; blankFinish: boolean } {
    let offset = this.absLineOffset();
    const r = getIndented(this.lines, this.base + this.lineOffset, this.base + this.length, untilBlank, stripIndent, indent);
    this.nextLine(r.block.length - 1);
    const indented = r.block;
    let k = 0;
    while (k < indented.length && isBlank(indented[k])) {
      k++;
      offset++;
    }
    return { indented: k ? indented.slice(k) : indented, offset, blankFinish: r.blankFinish };
  }

  /** Indented block whose first line starts at column `indent` of the current line. */
  getFirstKnownIndented(
    indent: number,
    untilBlank = false,
    stripIndent = true,
    stripTop = true,
  ): { indented: string[]; indent: number; offset: number; blankFinish: boolean } {
    let offset = this.absLineOffset();
    const r = getIndented(this.lines, this.base + this.lineOffset, this.base + this.length, untilBlank, stripIndent, null, indent);
    this.nextLine(r.block.length - 1);
    let indented = r.block;
    if (stripTop) {
      let k = 0;
      while (k < indented.length && isBlank(indented[k])) {
        k++;
        offset++;
      }
      if (k) indented = indented.slice(k);
    }
    return { indented, indent: r.indent, offset, blankFinish: r.blankFinish };
  }

  /** Indented block starting at the current line, indentation unknown. */
  getIndented(untilBlank = false, stripIndent = true): { indented: string[]; indent: number; offset: number; blankFinish: boolean } {
    let offset = this.absLineOffset();
    const r = getIndented(this.lines, this.base + this.lineOffset, this.base + this.length, untilBlank, stripIndent);
    if (r.block.length) this.nextLine(r.block.length - 1);
    let indented = r.block;
    let k = 0;
    while (k < indented.length && isBlank(indented[k])) {
      k++;
      offset++;
    }
    if (k) indented = indented.slice(k);
    return { indented, indent: r.indent, offset, blankFinish: r.blankFinish };
  }

  /**
   * The text block from the current line to the next blank line (docutils'
   * get_text_block). With `flushLeft`, stops before an indented line and
   * reports its 1-based line number in `indentedLine`.
   */
  getTextBlock(flushLeft = false): { block: string[]; indentedLine: number | null } {
    const r = getTextBlock(this.lines, this.base + this.lineOffset, this.base + this.length, flushLeft);
    const indentedLine = r.indentedAt === null ? null : r.indentedAt - this.base + this.inputOffset + 1;
    if (r.block.length) this.nextLine(r.block.length - 1);
    else this.lineOffset -= 1;
    return { block: r.block, indentedLine };
  }

  // ---- running ----

  state(name: string): State {
    const i = this.stateNames.indexOf(name);
    if (i >= 0) return this.stateObjects[i];
    const cls = this.shared.states[name];
    if (!cls) throw new Error(`unknown parser state ${name}`);
    const s = new cls(this);
    this.stateNames.push(name);
    this.stateObjects.push(s);
    return s;
  }

  /**
   * Runs the machine from its first line in `initialState` (docutils'
   * StateMachine.run). Line classification is inlined here: nested constructs
   * recurse through this method, so every frame saved deepens the nesting the
   * parser handles.
   */
  run(initialState: string): void {
    const outerSource = this.shared.currentSource;
    this.shared.currentSource = this.sourceName;
    this.lineOffset = -1;
    let state = this.state(initialState);
    let context: string[] = [];
    let transitions: Transition[] | null = null;
    try {
      for (;;) {
        let nextState = state.name;
        try {
          if (this.lineOffset + 1 >= this.length) {
            // End of input reached without a transition raising it: no exception needed.
            this.lineOffset += 1;
            this.line = "";
            this.shared.currentLine = null;
            state.eof(context);
            break;
          }
          try {
            this.nextLine();
            let matched = false;
            // An index loop: until this method is optimized (the first pages of a
            // run), `for...of` allocates an iterator and a result per step.
            const candidates = transitions ?? state.table.candidates(this.line);
            for (let i = 0; i < candidates.length; i++) {
              const t = candidates[i];
              const match = t.pattern.exec(this.line);
              if (!match) continue;
              const result = t.rule(state, match, context, t.next ?? state.name);
              context = result[0];
              nextState = result[1];
              matched = true;
              break;
            }
            if (!matched) {
              // Cannot happen: every state ends with a catch-all transition.
              this.node.append(this.reporter.severe(`Internal error: no transition pattern match.  State: "${state.name}".`, [], { line: this.absLineNumber() }));
            }
          } catch (e) {
            if (e !== EOF) throw e;
            state.eof(context);
            break;
          }
        } catch (e) {
          if (e instanceof TransitionCorrection) {
            this.previousLine();
            transitions = only(state.table, e.transition);
            continue;
          }
          if (e instanceof StateCorrection) {
            this.previousLine();
            state = this.state(e.state);
            transitions = e.transition === null ? null : only(state.table, e.transition);
            continue;
          }
          throw e;
        }
        transitions = null;
        if (nextState !== state.name) state = this.state(nextState);
      }
    } finally {
      this.shared.currentSource = outerSource;
    }
  }

}

/** The named transition alone (none if the table has no such transition). */
function only(table: TransitionTable, name: string): Transition[] {
  const t = table.get(name);
  return t ? [t] : [];
}
