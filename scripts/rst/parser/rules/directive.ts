// Directives: ".. name:: arguments" + options + content (docutils'
// Body.directive, run_directive, parse_directive_block, parse_directive_options,
// parse_directive_arguments, parse_extension_options, unknown_directive).
import { Element, type Node, Text } from "../../nodes.ts";
import { pyRepr } from "../../pformat.ts";
import { pySplit } from "../../ids.ts";
import { type DirectiveCall, type DirectiveDefinition, DirectiveError } from "../context.ts";
import { isBlank } from "../lines.ts";
import { MarkupError } from "../machine.ts";
import { PATTERNS } from "../patterns.ts";
import type { BodyState as Body } from "../states/body-state.ts";
import { fixedText } from "./fixed-text.ts";

/** Runs the directive at the current line; returns its nodes and whether a blank line follows. */
export function directiveConstruct(s: Body, match: RegExpExecArray, optionPresets: Record<string, unknown> = {}): [Node[], boolean] {
  const typeName = match[1];
  const { definition, info } = s.m.directives(typeName);
  if (info) s.parent.append(s.reporter.info(info, [], { line: s.m.shared.currentLine ?? undefined }));
  if (!definition) return unknownDirective(s, typeName);
  return runDirective(s, definition, match, typeName, optionPresets);
}

function unknownDirective(s: Body, typeName: string): [Node[], boolean] {
  const lineno = s.m.absLineNumber();
  const { indented, blankFinish } = s.m.getFirstKnownIndented(0, false, false);
  const text = indented.join("\n");
  const error = s.reporter.error(`Unknown directive type "${typeName}".`, [fixedText("literal_block", text, text)], { line: lineno });
  return [[error], blankFinish];
}

export function runDirective(
  s: Body,
  definition: DirectiveDefinition,
  match: RegExpExecArray,
  typeName: string,
  optionPresets: Record<string, unknown>,
): [Node[], boolean] {
  const lineno = s.m.absLineNumber();
  const initialLineOffset = s.m.lineOffset;
  const r = s.m.getFirstKnownIndented(match[0].length, false, true, false);
  // The block's text is joined only when asked for: every level of nested directives
  // would otherwise keep a copy of everything inside it (quadratic memory).
  const endLineOffset = s.m.lineOffset + 1;
  let text: string | undefined;
  const blockTextOf = () => (text ??= s.m.slice(initialLineOffset, endLineOffset).join("\n"));
  let parsed: { arguments: string[]; options: Record<string, unknown>; content: string[]; contentOffset: number };
  try {
    parsed = parseDirectiveBlock(s, r.indented, r.offset, definition, optionPresets);
  } catch (e) {
    if (!(e instanceof MarkupError)) throw e;
    const blockText = blockTextOf();
    const error = s.reporter.error(`Error in "${typeName}" directive:\n${e.message}.`, [fixedText("literal_block", blockText, blockText)], {
      line: lineno,
    });
    return [[error], r.blankFinish];
  }
  const call: DirectiveCall = {
    name: typeName,
    arguments: parsed.arguments,
    options: parsed.options,
    content: parsed.content,
    contentOffset: parsed.contentOffset,
    lineno,
    get blockText() {
      return blockTextOf();
    },
    ctx: s.m,
  };
  let result: Node[];
  try {
    result = definition.run(call);
  } catch (e) {
    // A directive that fails unexpectedly must not take the whole parse down.
    const [level, message] =
      e instanceof DirectiveError ? [e.level, e.message] : [4, `Internal error in the "${typeName}" directive: ${e instanceof Error ? e.message : String(e)}`];
    const msg = s.reporter.systemMessage(level, message, [], { line: lineno });
    msg.append(fixedText("literal_block", blockTextOf(), blockTextOf()));
    result = [msg];
  }
  return [result, r.blankFinish || s.m.isNextLineBlank()];
}

export function parseDirectiveBlock(
  s: Body,
  indentedIn: string[],
  lineOffsetIn: number,
  d: DirectiveDefinition,
  optionPresets: Record<string, unknown>,
): { arguments: string[]; options: Record<string, unknown>; content: string[]; contentOffset: number } {
  let indented = indentedIn;
  let lineOffset = lineOffsetIn;
  if (indented.length && isBlank(indented[0])) {
    indented = indented.slice(1);
    lineOffset++;
  }
  let end = indented.length;
  while (end > 0 && isBlank(indented[end - 1])) end--;
  if (end !== indented.length) indented = indented.slice(0, end);
  const hasArgs = d.requiredArguments > 0 || d.optionalArguments > 0;
  let argBlock: string[];
  let content: string[];
  let contentOffset: number;
  let i = 0;
  if (indented.length && (hasArgs || d.optionSpec)) {
    while (i < indented.length && !isBlank(indented[i])) i++;
    argBlock = indented.slice(0, i);
    content = indented.slice(i + 1);
    contentOffset = lineOffset + i + 1;
  } else {
    content = indented;
    contentOffset = lineOffset;
    argBlock = [];
  }
  let options: Record<string, unknown> = {};
  if (d.optionSpec) [options, argBlock] = parseDirectiveOptions(s, optionPresets, d.optionSpec, argBlock);
  if (argBlock.length && !hasArgs) {
    content = [...argBlock, ...indented.slice(i)];
    contentOffset = lineOffset;
    argBlock = [];
  }
  while (content.length && isBlank(content[0])) {
    content = content.slice(1);
    contentOffset++;
  }
  const args = hasArgs ? parseDirectiveArguments(d, argBlock) : [];
  if (content.length && !d.hasContent) throw new MarkupError("no content permitted");
  return { arguments: args, options, content, contentOffset };
}

function parseDirectiveOptions(
  s: Body,
  presets: Record<string, unknown>,
  spec: NonNullable<DirectiveDefinition["optionSpec"]>,
  argBlock: string[],
): [Record<string, unknown>, string[]] {
  const options: Record<string, unknown> = { ...presets };
  let optBlock: string[] = [];
  for (let i = 0; i < argBlock.length; i++) {
    if (PATTERNS.fieldMarker.test(argBlock[i])) {
      optBlock = argBlock.slice(i);
      argBlock = argBlock.slice(0, i);
      break;
    }
  }
  if (optBlock.length) {
    const [ok, data] = parseExtensionOptions(s, spec, optBlock);
    if (ok) Object.assign(options, data);
    else throw new MarkupError(data as string);
  }
  return [options, argBlock];
}

function parseDirectiveArguments(d: DirectiveDefinition, argBlock: string[]): string[] {
  const required = d.requiredArguments;
  const optional = d.optionalArguments;
  const argText = argBlock.join("\n");
  let args = pySplit(argText);
  if (args.length < required) throw new MarkupError(`${required} argument(s) required, ${args.length} supplied`);
  if (args.length > required + optional) {
    if (d.finalArgumentWhitespace) args = pySplitMax(argText, required + optional - 1);
    else throw new MarkupError(`maximum ${required + optional} argument(s) allowed, ${args.length} supplied`);
  }
  return args;
}

/** Python's str.split(None, maxsplit). */
function pySplitMax(text: string, maxsplit: number): string[] {
  const out: string[] = [];
  let i = 0;
  const ws = /[\s\x1c-\x1f\x85]/u;
  while (i < text.length && ws.test(text[i])) i++;
  while (i < text.length) {
    if (out.length === maxsplit) {
      let end = text.length;
      while (end > i && ws.test(text[end - 1])) end--;
      out.push(text.slice(i, end));
      break;
    }
    let j = i;
    while (j < text.length && !ws.test(text[j])) j++;
    out.push(text.slice(i, j));
    i = j;
    while (i < text.length && ws.test(text[i])) i++;
  }
  return out;
}

/** Parses directive options written as a field list; [true, options] or [false, error text]. */
export function parseExtensionOptions(
  s: Body,
  spec: NonNullable<DirectiveDefinition["optionSpec"]>,
  datalines: string[],
): [boolean, Record<string, unknown> | string] {
  const node = new Element("field_list");
  const [newOffset, blankFinish] = s.nestedListParse(datalines, 0, node, "ExtensionOptions", true);
  if (newOffset !== datalines.length) return [false, "invalid option block"];
  // First the shape of every field (docutils' extract_options), then names and values (assemble_option_dict).
  const list: Array<[string, string | null]> = [];
  for (const field of node.children as Element[]) {
    const nameText = field.children[0].astext();
    if (pySplit(nameText).length !== 1) {
      return [false, "invalid option data: extension option field name may not contain multiple words"];
    }
    const name = nameText.toLowerCase();
    const body = field.children[1] as Element;
    const first = body.children[0];
    if (body.length === 0) list.push([name, null]);
    else if (
      body.length > 1 ||
      !(first instanceof Element) ||
      first.tagname !== "paragraph" ||
      first.length !== 1 ||
      !(first.children[0] instanceof Text)
    ) {
      return [false, `invalid option data: extension option field body may contain\na single paragraph only (option "${name}")`];
    } else list.push([name, first.children[0].astext()]);
  }
  const options: Record<string, unknown> = {};
  for (const [name, data] of list) {
    if (!Object.prototype.hasOwnProperty.call(spec, name) || !spec[name]) return [false, `unknown option: "${name}"`];
    if (Object.prototype.hasOwnProperty.call(options, name)) return [false, `invalid option data: duplicate option "${name}"`];
    try {
      options[name] = spec[name](data);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      return [false, `invalid option value: (option: "${name}"; value: ${pyRepr(data)})\n${message}`];
    }
  }
  if (blankFinish) return [true, options];
  return [false, "option data incompletely parsed"];
}
