// The Body state (docutils' states.Body): classifies the first line of a block
// and hands it to the construct's rule (parser/rules/*). The "specialized"
// states continue a list-like construct: only their own construct's transition
// is enabled, any other line ends the nested machine so the parent re-reads it.
import { BLANK, EOF, INDENT, type Machine, MarkupError, type Result, type Rule, type Transition } from "../machine.ts";
import { ENUMERATOR_FIRST, EXPLICIT, PATTERNS, PUNCTUATION_7BIT } from "../patterns.ts";
import { blockQuote, blockQuoteRule } from "../rules/block-quote.ts";
import { parseDirectiveBlock } from "../rules/directive.ts";
import type { DirectiveDefinition } from "../context.ts";
import { bulletListRule, bulletListItemRule } from "../rules/bullet-list.ts";
import { doctestRule } from "../rules/doctest.ts";
import { enumeratedListRule, enumeratedListItemRule } from "../rules/enumerated-list.ts";
import { anonymousTargetItemRule, anonymousTargetRule, explicitItemRule, explicitMarkupRule } from "../rules/explicit.ts";
import { fieldListRule, fieldListItemRule } from "../rules/field-list.ts";
import type { BodyState } from "./body-state.ts";
import { lineBlockRule, lineBlockLineRule } from "../rules/line-block.ts";
import { optionListRule, optionListItemRule } from "../rules/option-list.ts";
import { lineRule } from "../rules/section.ts";
import { gridTableRule, simpleTableRule } from "../rules/table.ts";
import { embeddedDirectiveRule } from "../rules/substitution-definition.ts";
import { RSTState } from "./rst-state.ts";
import { Element, Text } from "../../nodes.ts";

/** The Body state's transitions: the first line of each kind of block and its rule (made on first use). */
let bodyTransitions: Transition[] | undefined;
function BODY(): Transition[] {
  return (bodyTransitions ??= [
  BLANK,
  { ...INDENT, rule: blockQuoteRule },
  { name: "bullet", pattern: PATTERNS.bullet, rule: bulletListRule, first: "-+*\u2022\u2023\u2043" },
  { name: "enumerator", pattern: PATTERNS.enumerator, rule: enumeratedListRule, first: ENUMERATOR_FIRST },
  { name: "field_marker", pattern: PATTERNS.fieldMarker, rule: fieldListRule, first: ":" },
  { name: "option_marker", pattern: PATTERNS.optionMarker, rule: optionListRule, first: "-+/" },
  { name: "doctest", pattern: PATTERNS.doctest, rule: doctestRule, first: ">" },
  { name: "line_block", pattern: PATTERNS.lineBlock, rule: lineBlockRule, first: "|" },
  { name: "grid_table_top", pattern: PATTERNS.gridTableTop, rule: gridTableRule, first: "+" },
  { name: "simple_table_top", pattern: PATTERNS.simpleTableTop, rule: simpleTableRule, first: "=" },
  { name: "explicit_markup", pattern: PATTERNS.explicitMarkup, rule: explicitMarkupRule, first: "." },
  { name: "anonymous", pattern: PATTERNS.anonymous, rule: anonymousTargetRule, first: "_" },
  { name: "line", pattern: PATTERNS.line, rule: lineRule, first: PUNCTUATION_7BIT },
  { name: "text", pattern: PATTERNS.text, rule: (_s, match) => [[match.input], "Text"] },
  ]);
}

export class Body extends RSTState implements BodyState {
  get name(): string {
    return "Body";
  }
  /** EnumeratedList state data (assigned in the constructor: see State). */
  declare lastordinal: number;
  declare format: string;
  declare auto: boolean;

  constructor(m: Machine) {
    super(m);
    this.lastordinal = 0;
    this.format = "";
    this.auto = false;
  }

  protected transitionTable(): Transition[] {
    return BODY();
  }

  /**
   * How a field body is parsed (ExtensionOptions overrides it). A method, not a
   * closure made per instance: a state is made for every nested machine.
   */
  parseFieldBody(indented: string[], offset: number, node: Element): void {
    this.nestedParse(indented, offset, node);
  }

  /** Block quotes from indented lines (for directives such as epigraph). */
  blockQuoteLines(lines: string[], offset: number): Element[] {
    return blockQuote(this, lines, offset);
  }

  /** Arguments, options and content of a directive block (for the role directive); throws Error. */
  parseDirectiveBlockLines(
    lines: string[],
    offset: number,
    definition: DirectiveDefinition,
  ): { arguments: string[]; options: Record<string, unknown>; content: string[]; contentOffset: number } {
    try {
      return parseDirectiveBlock(this, lines, offset, definition, {});
    } catch (e) {
      if (e instanceof MarkupError) throw new Error(e.message);
      throw e;
    }
  }

  /** Not a member of the current compound construct: end this machine (docutils' invalid_input). */
  invalidInput(): never {
    this.m.previousLine();
    throw EOF;
  }
}

/** Ends the machine: the line is not a member of the current compound construct. */
const invalidInput: Rule<Body> = (s) => s.invalidInput();

/**
 * The Body transitions of a state for the second and following members of a
 * compound construct: its own rules, and any other line ends the machine (blank
 * lines are taken unless `rules` says otherwise).
 */
function specialized(rules: Record<string, Rule<Body>>): Transition[] {
  return BODY().map((t) => ({ ...t, rule: rules[t.name] ?? (t.name === "blank" ? t.rule : invalidInput) }));
}

export class BulletList extends Body {
  override get name(): string {
    return "BulletList";
  }
  protected override transitionTable(): Transition[] {
    return specialized({ bullet: bulletListItemRule });
  }
}

export class DefinitionList extends Body {
  override get name(): string {
    return "DefinitionList";
  }
  protected override transitionTable(): Transition[] {
    return specialized({ text: (_s, match) => [[match.input], "Definition"] });
  }
}

export class EnumeratedList extends Body {
  override get name(): string {
    return "EnumeratedList";
  }
  protected override transitionTable(): Transition[] {
    return specialized({ enumerator: enumeratedListItemRule });
  }
}

export class FieldList extends Body {
  override get name(): string {
    return "FieldList";
  }
  protected override transitionTable(): Transition[] {
    return specialized({ field_marker: fieldListItemRule });
  }
}

export class OptionList extends Body {
  override get name(): string {
    return "OptionList";
  }
  protected override transitionTable(): Transition[] {
    return specialized({ option_marker: optionListItemRule });
  }
}

/** Directive options: a field list whose bodies are kept as plain paragraphs. */
export class ExtensionOptions extends FieldList {
  override get name(): string {
    return "ExtensionOptions";
  }
  override parseFieldBody(indented: string[], _offset: number, node: Element): void {
    let lines: string[] = [];
    for (const line of [...indented, ""]) {
      if (line.trim()) lines.push(line);
      else if (lines.length) {
        const text = lines.join("\n");
        node.append(new Element("paragraph", {}, [new Text(text)]));
        lines = [];
      }
    }
  }
}


export class LineBlock extends Body {
  override get name(): string {
    return "LineBlock";
  }
  protected override transitionTable(): Transition[] {
    return specialized({ blank: invalidInput, line_block: lineBlockLineRule });
  }
}

export class Explicit extends Body {
  override get name(): string {
    return "Explicit";
  }
  protected override transitionTable(): Transition[] {
    return specialized({ blank: invalidInput, explicit_markup: explicitItemRule, anonymous: anonymousTargetItemRule });
  }
}

/** The contents of a substitution definition: an embedded directive or inline text. */
export class SubstitutionDef extends Body {
  override get name(): string {
    return "SubstitutionDef";
  }
  protected override transitionTable(): Transition[] {
    return [
      BODY()[0],
      BODY()[1],
      { name: "embedded_directive", pattern: EXPLICIT.embeddedDirective, rule: embeddedDirectiveRule },
      { name: "text", pattern: PATTERNS.text, rule: substitutionText },
    ];
  }
}

/** Inline text of a substitution definition: ends the machine (the caller parses the text). */
function substitutionText(s: SubstitutionDef): Result {
  if (!s.m.atEof()) s.blankFinish = s.m.isNextLineBlank();
  throw EOF;
}
