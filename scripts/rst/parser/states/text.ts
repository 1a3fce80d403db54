// States for the line after a text line (docutils' Text, Definition, Line,
// QuotedLiteralBlock): paragraph, definition list item or section title; the
// second line of an overlined title or transition; quoted literal blocks.
import { Element } from "../../nodes.ts";
import { columnWidth, pyRstrip } from "../lines.ts";
import { BLANK, EOF, INDENT, type Result, StateCorrection, TransitionCorrection, type Transition, type TransitionTable } from "../machine.ts";
import { NONALPHANUM7BIT, PATTERNS, PUNCTUATION_7BIT } from "../patterns.ts";
import { definitionListItem, definitionListRule } from "../rules/definition-list.ts";
import { fixedText } from "../rules/fixed-text.ts";
import { literalBlock, paragraph } from "../rules/paragraph.ts";
import { section } from "../rules/section.ts";
import { RSTState } from "./rst-state.ts";

/** The transitions of the Text-like states: their `underline` and `text` methods (overridden per state). */
const TEXT_TRANSITIONS: Transition[] = [
  BLANK,
  INDENT,
  { name: "underline", pattern: PATTERNS.line, rule: (s: TextState, m, c, n) => s.underline(m, c, n), next: "Body", first: PUNCTUATION_7BIT },
  { name: "text", pattern: PATTERNS.text, rule: (s: TextState, m, c, n) => s.text(m, c, n), next: "Body" },
];

/** The line after a paragraph's first line. */
export class TextState extends RSTState {
  get name(): string {
    return "Text";
  }
  protected transitionTable(): Transition[] {
    return TEXT_TRANSITIONS;
  }

  /** End of a one-line paragraph. */
  override blank(_m: RegExpExecArray | null, context: string[]): Result {
    const [nodes, literalnext] = paragraph(this, context, this.m.absLineNumber() - 1);
    this.parent.extend(nodes);
    if (literalnext) this.parent.extend(literalBlock(this));
    return [[], "Body"];
  }

  override eof(context: string[]): void {
    if (context.length) this.blank(null, context);
  }

  /** Definition list item. */
  override indent(_m: RegExpExecArray, context: string[]): Result {
    return definitionListRule(this, context);
  }

  /** Section title (underlined). */
  underline(_match: RegExpExecArray, context: string[], next: string): Result {
    const lineno = this.m.absLineNumber();
    const title = pyRstrip(context[0]);
    const underline = pyRstrip(this.m.line);
    const source = title + "\n" + underline;
    const messages: Element[] = [];
    if (columnWidth(title) > underline.length) {
      if (underline.length < 4) {
        if (this.m.matchTitles) {
          this.parent.append(
            this.reporter.info("Possible title underline, too short for the title.\nTreating it as ordinary text because it's so short.", [], {
              line: lineno,
            }),
          );
        }
        throw new TransitionCorrection("text");
      }
      const blocktext = context[0] + "\n" + this.m.line;
      messages.push(this.reporter.warning("Title underline too short.", [fixedText("literal_block", blocktext, blocktext)], { line: lineno }));
    }
    if (!this.m.matchTitles) {
      const blocktext = context[0] + "\n" + this.m.line;
      const { source: src, line: srcline } = this.m.getSourceAndLine();
      const msg = this.reporter.error("Unexpected section title.", [fixedText("literal_block", blocktext, blocktext)], {
        source: src,
        line: srcline,
      });
      this.parent.append(...messages, msg);
      return [[], next];
    }
    const style = underline[0];
    context.length = 0;
    section(this, title, source, style, lineno - 1, messages);
    return [[], next];
  }

  /** Paragraph continuation. */
  text(_match: RegExpExecArray, context: string[], next: string): Result {
    const startline = this.m.absLineNumber() - 1;
    let msg: Element | null = null;
    const r = this.m.getTextBlock(true);
    if (r.indentedLine !== null) msg = this.reporter.error("Unexpected indentation.", [], { line: r.indentedLine });
    const lines = [...context, ...r.block];
    const [nodes, literalnext] = paragraph(this, lines, startline);
    this.parent.extend(nodes);
    if (msg) this.parent.append(msg);
    if (literalnext) {
      try {
        this.m.nextLine();
      } catch (e) {
        if (e !== EOF) throw e;
      }
      this.parent.extend(literalBlock(this));
    }
    return [[], next];
  }
}

/** Second and following lines of Text-like states: anything unexpected ends the machine. */
abstract class SpecializedText extends TextState {
  override eof(_context: string[]): void {}
  invalidInput(): never {
    throw EOF;
  }
  override blank(_m: RegExpExecArray | null, _c: string[]): Result {
    return this.invalidInput();
  }
  override indent(_m: RegExpExecArray, _c: string[]): Result {
    return this.invalidInput();
  }
  override underline(_m: RegExpExecArray, _c: string[], _n: string): Result {
    return this.invalidInput();
  }
  override text(_m: RegExpExecArray, _c: string[], _n: string): Result {
    return this.invalidInput();
  }
}

/** The line after a term in a definition list. */
export class Definition extends SpecializedText {
  override get name(): string {
    return "Definition";
  }
  override eof(_context: string[]): void {
    this.m.previousLine(2);
  }
  override indent(_m: RegExpExecArray, context: string[]): Result {
    const [item, blankFinish] = definitionListItem(this, context);
    this.parent.append(item);
    this.blankFinish = blankFinish;
    return [[], "DefinitionList"];
  }
}

/** The line after a line of punctuation: overlined title, transition, or error. */
export class Line extends SpecializedText {
  override get name(): string {
    return "Line";
  }

  override eof(context: string[]): void {
    if (!context.length) return;
    const marker = context[0].trim();
    if (marker.length < 4) this.stateCorrection(context);
    const { source, line } = this.m.getSourceAndLine();
    const transition = new Element("transition");
    transition.rawsource = context[0];
    transition.source = source;
    transition.line = line - 1;
    this.parent.append(transition);
  }

  /** Transition marker. */
  override blank(_m: RegExpExecArray | null, context: string[]): Result {
    const { source, line } = this.m.getSourceAndLine();
    const marker = context[0].trim();
    if (marker.length < 4) this.stateCorrection(context);
    const transition = new Element("transition");
    transition.rawsource = marker;
    transition.source = source;
    transition.line = line - 1;
    this.parent.append(transition);
    return [[], "Body"];
  }

  /** Potential over- and underlined title. */
  override text(match: RegExpExecArray, context: string[]): Result {
    const lineno = this.m.absLineNumber() - 1;
    let overline = context[0];
    let title = match.input;
    let underline = "";
    try {
      underline = this.m.nextLine();
    } catch (e) {
      if (e !== EOF) throw e;
      const blocktext = overline + "\n" + title;
      if (pyRstrip(overline).length < 4) this.shortOverline(context, blocktext, lineno, 2);
      else {
        this.parent.append(this.reporter.error("Incomplete section title.", [fixedText("literal_block", blocktext, blocktext)], { line: lineno }));
        return [[], "Body"];
      }
    }
    const source = `${overline}\n${title}\n${underline}`;
    overline = pyRstrip(overline);
    underline = pyRstrip(underline);
    if (!PATTERNS.line.test(underline)) {
      const blocktext = overline + "\n" + title + "\n" + underline;
      if (overline.length < 4) this.shortOverline(context, blocktext, lineno, 2);
      else {
        this.parent.append(
          this.reporter.error("Missing matching underline for section title overline.", [fixedText("literal_block", source, source)], {
            line: lineno,
          }),
        );
        return [[], "Body"];
      }
    } else if (overline !== underline) {
      const blocktext = overline + "\n" + title + "\n" + underline;
      if (overline.length < 4) this.shortOverline(context, blocktext, lineno, 2);
      else {
        this.parent.append(
          this.reporter.error("Title overline & underline mismatch.", [fixedText("literal_block", source, source)], { line: lineno }),
        );
        return [[], "Body"];
      }
    }
    title = pyRstrip(title);
    const messages: Element[] = [];
    if (columnWidth(title) > overline.length) {
      const blocktext = overline + "\n" + title + "\n" + underline;
      if (overline.length < 4) this.shortOverline(context, blocktext, lineno, 2);
      else {
        messages.push(this.reporter.warning("Title overline too short.", [fixedText("literal_block", source, source)], { line: lineno }));
      }
    }
    const style = overline[0] + underline[0];
    section(this, title.trimStart(), source, style, lineno + 1, messages);
    return [[], "Body"];
  }

  override indent(match: RegExpExecArray, context: string[]): Result {
    return this.text(match, context);
  }

  override underline(_m: RegExpExecArray, context: string[]): Result {
    const overline = context[0];
    const blocktext = overline + "\n" + this.m.line;
    const lineno = this.m.absLineNumber() - 1;
    if (pyRstrip(overline).length < 4) this.shortOverline(context, blocktext, lineno, 1);
    this.parent.append(
      this.reporter.error("Invalid section title or transition marker.", [fixedText("literal_block", blocktext, blocktext)], { line: lineno }),
    );
    return [[], "Body"];
  }

  private shortOverline(context: string[], _blocktext: string, lineno: number, lines = 1): never {
    this.parent.append(
      this.reporter.info("Possible incomplete section title.\nTreating the overline as ordinary text because it's so short.", [], {
        line: lineno,
      }),
    );
    return this.stateCorrection(context, lines);
  }

  private stateCorrection(context: string[], lines = 1): never {
    this.m.previousLine(lines);
    context.length = 0;
    throw new StateCorrection("Body", "text");
  }
}

const INITIAL_QUOTED = new RegExp(`^(${NONALPHANUM7BIT})`);

/** QuotedLiteralBlock's tables once the quote character is known, by character. */
const QUOTED_TABLES = new Map<string, TransitionTable>();

/** Unindented literal block whose lines all start with the same punctuation character. */
export class QuotedLiteralBlock extends RSTState {
  messages: Element[] = [];
  initialLineno: number | null = null;
  get name(): string {
    return "QuotedLiteralBlock";
  }
  protected transitionTable(): Transition[] {
    return [
      BLANK,
      INDENT,
      {
        name: "initial_quoted",
        pattern: INITIAL_QUOTED,
        rule: (s: QuotedLiteralBlock, m, c, n) => s.initialQuoted(m, c, n),
        first: PUNCTUATION_7BIT,
      },
      { name: "text", pattern: PATTERNS.text, rule: (s: QuotedLiteralBlock, m, c) => s.textLine(m, c) },
    ];
  }

  override blank(_m: RegExpExecArray, context: string[], next: string): Result {
    if (context.length) throw EOF;
    return [context, next];
  }

  override eof(context: string[]): void {
    if (context.length) {
      const text = context.join("\n");
      const node = fixedText("literal_block", text, text);
      const { source, line } = this.m.getSourceAndLine(this.initialLineno ?? undefined);
      node.source = source;
      node.line = line;
      this.parent.append(node);
    } else {
      this.parent.append(this.reporter.warning("Literal block expected; none found.", [], { line: this.m.absLineNumber() }));
      this.m.previousLine();
    }
    this.parent.extend(this.messages);
  }

  override indent(_m: RegExpExecArray, _context: string[]): Result {
    this.messages.push(this.reporter.error("Unexpected indentation.", [], { line: this.m.absLineNumber() }));
    this.m.previousLine();
    throw EOF;
  }

  initialQuoted(match: RegExpExecArray, _context: string[], next: string): Result {
    const quote = match.input[0];
    const escaped = quote.replace(/[.*+?^${}()|[\]\\/-]/g, "\\$&");
    // This state object only (docutils' remove_transition and add_transition). The
    // table depends on the quote character alone: made once per character.
    let table = QUOTED_TABLES.get(quote);
    if (!table) {
      table = this.table.without("initial_quoted").withFirst({
        name: "quoted",
        pattern: new RegExp(`^${escaped}`),
        rule: (s: QuotedLiteralBlock, m, c, n) => s.quotedLine(m, c, n),
        first: quote,
      });
      QUOTED_TABLES.set(quote, table);
    }
    this.table = table;
    this.initialLineno = this.m.absLineNumber();
    return [[match.input], next];
  }

  quotedLine(match: RegExpExecArray, context: string[], next: string): Result {
    context.push(match.input);
    return [context, next];
  }

  textLine(_match: RegExpExecArray, context: string[]): Result {
    if (context.length) {
      this.messages.push(this.reporter.error("Inconsistent literal block quoting.", [], { line: this.m.absLineNumber() }));
      this.m.previousLine();
    }
    throw EOF;
  }
}
