// The Body state (docutils' states.Body): classifies the first line of a block
// and hands it to the construct's rule (parser/rules/*). The "specialized"
// states continue a list-like construct: only their own construct's transition
// is enabled, any other line ends the nested machine so the parent re-reads it.
import { EOF, MarkupError, type TransitionSpec } from "../machine.ts";
import { EXPLICIT, PATTERNS } from "../patterns.ts";
import { blockQuote, blockQuoteRule } from "../rules/block-quote.ts";
import { parseDirectiveBlock } from "../rules/directive.ts";
import type { DirectiveDefinition } from "../context.ts";
import { bulletListRule, bulletListItemRule } from "../rules/bullet-list.ts";
import { doctestRule } from "../rules/doctest.ts";
import { enumeratedListRule, enumeratedListItemRule } from "../rules/enumerated-list.ts";
import { anonymousTargetRule, explicitItemRule, explicitMarkupRule } from "../rules/explicit.ts";
import { fieldListRule, fieldListItemRule, type FieldBodyParser } from "../rules/field-list.ts";
import { lineBlockRule, lineBlockLineRule } from "../rules/line-block.ts";
import { optionListRule, optionListItemRule } from "../rules/option-list.ts";
import { lineRule } from "../rules/section.ts";
import { gridTableRule, simpleTableRule } from "../rules/table.ts";
import { embeddedDirectiveRule } from "../rules/substitution-definition.ts";
import { RSTState } from "./rst-state.ts";
import { Element, Text } from "../../nodes.ts";

type Result = [string[], string];

export class Body extends RSTState {
  get name(): string {
    return "Body";
  }
  /** EnumeratedList state data. */
  lastordinal = 0;
  format = "";
  auto = false;

  protected transitionTable(): TransitionSpec[] {
    return [
      ["bullet", PATTERNS.bullet, "bullet"],
      ["enumerator", PATTERNS.enumerator, "enumerator"],
      ["field_marker", PATTERNS.fieldMarker, "fieldMarker"],
      ["option_marker", PATTERNS.optionMarker, "optionMarker"],
      ["doctest", PATTERNS.doctest, "doctest"],
      ["line_block", PATTERNS.lineBlock, "lineBlock"],
      ["grid_table_top", PATTERNS.gridTableTop, "gridTableTop"],
      ["simple_table_top", PATTERNS.simpleTableTop, "simpleTableTop"],
      ["explicit_markup", PATTERNS.explicitMarkup, "explicitMarkup"],
      ["anonymous", PATTERNS.anonymous, "anonymous"],
      ["line", PATTERNS.line, "lineTransition"],
      ["text", PATTERNS.text, "text"],
    ];
  }

  override indent(_m: RegExpExecArray, context: string[], next: string): Result {
    return blockQuoteRule(this, context, next);
  }
  bullet(match: RegExpExecArray, _c: string[], next: string): Result {
    return bulletListRule(this, match, next);
  }
  enumerator(match: RegExpExecArray, _c: string[], next: string): Result {
    return enumeratedListRule(this, match, next);
  }
  fieldMarker(match: RegExpExecArray, _c: string[], next: string): Result {
    return fieldListRule(this, match, next);
  }
  optionMarker(match: RegExpExecArray, _c: string[], next: string): Result {
    return optionListRule(this, match, next);
  }
  doctest(_match: RegExpExecArray, _c: string[], next: string): Result {
    return doctestRule(this, next);
  }
  lineBlock(match: RegExpExecArray, _c: string[], next: string): Result {
    return lineBlockRule(this, match, next);
  }
  gridTableTop(_match: RegExpExecArray, _c: string[], next: string): Result {
    return gridTableRule(this, next);
  }
  simpleTableTop(_match: RegExpExecArray, _c: string[], next: string): Result {
    return simpleTableRule(this, next);
  }
  explicitMarkup(match: RegExpExecArray, _c: string[], next: string): Result {
    return explicitMarkupRule(this, match, next);
  }
  anonymous(match: RegExpExecArray, _c: string[], next: string): Result {
    return anonymousTargetRule(this, match, next, true);
  }
  lineTransition(match: RegExpExecArray, _c: string[], next: string): Result {
    return lineRule(this, match, next);
  }
  text(match: RegExpExecArray, _c: string[], _next: string): Result {
    return [[match.input], "Text"];
  }

  /** How a field body is parsed (ExtensionOptions overrides it). */
  parseFieldBody: FieldBodyParser = (indented, offset, node) => {
    this.nestedParse(indented, offset, node);
  };

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

/** Second and following members of a compound construct: everything else ends the machine. */
export abstract class SpecializedBody extends Body {
  override indent(): Result {
    return this.invalidInput();
  }
  override bullet(_m: RegExpExecArray, _c: string[], _n: string): Result {
    return this.invalidInput();
  }
  override enumerator(_m: RegExpExecArray, _c: string[], _n: string): Result {
    return this.invalidInput();
  }
  override fieldMarker(_m: RegExpExecArray, _c: string[], _n: string): Result {
    return this.invalidInput();
  }
  override optionMarker(_m: RegExpExecArray, _c: string[], _n: string): Result {
    return this.invalidInput();
  }
  override doctest(_m: RegExpExecArray, _c: string[], _n: string): Result {
    return this.invalidInput();
  }
  override lineBlock(_m: RegExpExecArray, _c: string[], _n: string): Result {
    return this.invalidInput();
  }
  override gridTableTop(_m: RegExpExecArray, _c: string[], _n: string): Result {
    return this.invalidInput();
  }
  override simpleTableTop(_m: RegExpExecArray, _c: string[], _n: string): Result {
    return this.invalidInput();
  }
  override explicitMarkup(_m: RegExpExecArray, _c: string[], _n: string): Result {
    return this.invalidInput();
  }
  override anonymous(_m: RegExpExecArray, _c: string[], _n: string): Result {
    return this.invalidInput();
  }
  override lineTransition(_m: RegExpExecArray, _c: string[], _n: string): Result {
    return this.invalidInput();
  }
  override text(_m: RegExpExecArray, _c: string[], _n: string): Result {
    return this.invalidInput();
  }
}

export class BulletList extends SpecializedBody {
  override get name(): string {
    return "BulletList";
  }
  override bullet(match: RegExpExecArray, _c: string[], next: string): Result {
    return bulletListItemRule(this, match, next);
  }
}

export class DefinitionList extends SpecializedBody {
  override get name(): string {
    return "DefinitionList";
  }
  override text(match: RegExpExecArray): Result {
    return [[match.input], "Definition"];
  }
}

export class EnumeratedList extends SpecializedBody {
  override get name(): string {
    return "EnumeratedList";
  }
  override enumerator(match: RegExpExecArray, _c: string[], next: string): Result {
    return enumeratedListItemRule(this, match, next);
  }
}

export class FieldList extends SpecializedBody {
  override get name(): string {
    return "FieldList";
  }
  override fieldMarker(match: RegExpExecArray, _c: string[], next: string): Result {
    return fieldListItemRule(this, match, next);
  }
}

export class OptionList extends SpecializedBody {
  override get name(): string {
    return "OptionList";
  }
  override optionMarker(match: RegExpExecArray, _c: string[], next: string): Result {
    return optionListItemRule(this, match, next);
  }
}

/** Directive options: a field list whose bodies are kept as plain paragraphs. */
export class ExtensionOptions extends FieldList {
  override get name(): string {
    return "ExtensionOptions";
  }
  override parseFieldBody: FieldBodyParser = (indented, _offset, node) => {
    let lines: string[] = [];
    for (const line of [...indented, ""]) {
      if (line.trim()) lines.push(line);
      else if (lines.length) {
        const text = lines.join("\n");
        node.append(new Element("paragraph", {}, [new Text(text)]));
        lines = [];
      }
    }
  };
}


export class LineBlock extends SpecializedBody {
  override get name(): string {
    return "LineBlock";
  }
  override blank(): Result {
    return this.invalidInput();
  }
  override lineBlock(match: RegExpExecArray, _c: string[], next: string): Result {
    return lineBlockLineRule(this, match, next);
  }
}

export class Explicit extends SpecializedBody {
  override get name(): string {
    return "Explicit";
  }
  override blank(): Result {
    return this.invalidInput();
  }
  override explicitMarkup(match: RegExpExecArray, _c: string[], next: string): Result {
    return explicitItemRule(this, match, next);
  }
  override anonymous(match: RegExpExecArray, _c: string[], next: string): Result {
    return anonymousTargetRule(this, match, next, false);
  }
}

/** The contents of a substitution definition: an embedded directive or inline text. */
export class SubstitutionDef extends Body {
  override get name(): string {
    return "SubstitutionDef";
  }
  protected override transitionTable(): TransitionSpec[] {
    return [
      ["embedded_directive", EXPLICIT.embeddedDirective, "embeddedDirective"],
      ["text", PATTERNS.text, "substitutionText"],
    ];
  }
  embeddedDirective(match: RegExpExecArray): Result {
    return embeddedDirectiveRule(this, match);
  }
  substitutionText(): Result {
    if (!this.m.atEof()) this.blankFinish = this.m.isNextLineBlank();
    throw EOF;
  }
}
