// The contracts between the block parser, directives and roles (see ../ENGINE.md).
import type { Document } from "../document.ts";
import type { Element, Node } from "../nodes.ts";
import type { Reporter } from "../reporter.ts";

/** Parser bookkeeping shared by nested parses (docutils' state machine `memo`). */
export interface Memo {
  /** Title adornment styles in order of first appearance: "=" (underline) or "==" (over+under) style keys. */
  titleStyles: string[];
  /** Current section nesting level (0 = document). */
  sectionLevel: number;
  /** Whether a section title was just parsed (docutils' section_bubble_up_kludge). */
  sectionBubbleUpKludge: boolean;
  /** Name of the default interpreted-text role ("" = title-reference). */
  defaultRole: string;
  /** Free slots for parser extensions. */
  [key: string]: unknown;
}

/**
 * Where the parser finds directives (docutils' directives.directive()): the
 * definition for a name as written, and docutils' INFO text when the name is not an
 * English directive name (null when it is). The standard registry is
 * `lookupDirective` in ../directives/registry.ts; index.ts passes it to the parser.
 */
export type DirectiveRegistry = (name: string) => { definition: DirectiveDefinition | undefined; info: string | null };

/**
 * Where the parser finds roles: the function registered under a canonical or
 * document-defined role name (lower case), or undefined. The standard registry is
 * `resolveRole` in ../roles/registry.ts; index.ts passes it to the parser.
 */
export type RoleRegistry = (name: string, ctx: ParserContext) => RoleFunction | undefined;

/** What the parser offers directives and roles (docutils' RSTState / Inliner). */
export interface ParserContext {
  document: Document;
  reporter: Reporter;
  /** The directives this parse knows. */
  directives: DirectiveRegistry;
  /** The roles this parse knows. */
  roles: RoleRegistry;
  /** The element currently being filled. */
  parent: Element;
  memo: Memo;
  /** True while running the directive of a substitution definition (`.. |x| name::`). */
  inSubstitutionDefinition: boolean;
  /**
   * Parses `lines` (already de-indented) as body elements, appending to `node`
   * (docutils' nested_parse). `offset` is the absolute 0-based input offset of lines[0].
   * Returns the absolute offset after the parsed block.
   */
  nestedParse(lines: string[], offset: number, node: Element, matchTitles?: boolean): number;
  /** Parses inline markup (docutils' inline_text): nodes and system messages. */
  inlineText(text: string, lineno: number): [Node[], Element[]];
  /** Maps an absolute 0-based input offset to source and 1-based line. */
  sourceAndLine(offset: number): { source: string | null; line: number | null };
  /** Whether section titles are allowed where the directive stands (docutils' state_machine.match_titles). */
  matchTitles?: boolean;
  /** Parses `lines` as block quotes with attributions (docutils' RSTState.block_quote); used by epigraph & co. */
  blockQuote(lines: string[], offset: number): Element[];
  /**
   * Splits `lines` into arguments, options and content per `definition` (docutils'
   * parse_directive_block; used by the `role` directive). Throws Error(message) where
   * docutils raises MarkupError.
   */
  parseDirectiveBlock(
    lines: string[],
    offset: number,
    definition: DirectiveDefinition,
  ): { arguments: string[]; options: Record<string, unknown>; content: string[]; contentOffset: number };
  /**
   * Inserts `lines` into the input right after the current directive, to be parsed
   * as if they stood there (docutils' state_machine.insert_input; used by `include`).
   * Without it, included text is parsed as a nested block in the current element.
   */
  insertInput?(lines: string[], source: string): void;
}

export type OptionConverter = (value: string | null) => unknown;

export interface DirectiveCall {
  /** The directive name as written (case as in the source). */
  name: string;
  arguments: string[];
  options: Record<string, unknown>;
  content: string[];
  /** Absolute 0-based input offset of content[0]. */
  contentOffset: number;
  /** 1-based line of the directive marker. */
  lineno: number;
  blockText: string;
  ctx: ParserContext;
}

export interface DirectiveDefinition {
  requiredArguments: number;
  optionalArguments: number;
  finalArgumentWhitespace: boolean;
  optionSpec: Record<string, OptionConverter> | null;
  hasContent: boolean;
  /** May throw DirectiveError. */
  run(call: DirectiveCall): Node[];
}

/** Raised by a directive to report an error (docutils' DirectiveError): becomes a system message with the block text. */
export class DirectiveError extends Error {
  constructor(
    public level: number,
    message: string,
  ) {
    super(message);
  }
}

export type RoleFunction = (
  role: string,
  rawtext: string,
  text: string,
  lineno: number,
  ctx: ParserContext,
  options: Record<string, unknown>,
  content: string[],
) => [Node[], Element[]];
