// Helpers every directive uses (docutils' Directive base class): definitions with
// defaults, the generic "name" and "class" options, error reporting.
import { fullyNormalizeName } from "../ids.ts";
import { Element, type Node, Text } from "../nodes.ts";
import {
  type DirectiveCall,
  type DirectiveDefinition,
  DirectiveError,
  type OptionConverter,
} from "../parser/context.ts";
import { ERROR, INFO, SEVERE, WARNING } from "../reporter.ts";

export interface DirectiveSpec {
  requiredArguments?: number;
  optionalArguments?: number;
  finalArgumentWhitespace?: boolean;
  optionSpec?: Record<string, OptionConverter> | null;
  hasContent?: boolean;
  run(call: DirectiveCall): Node[];
}

/** A directive definition with docutils' defaults (no arguments, no options, no content). */
export function directive(spec: DirectiveSpec): DirectiveDefinition {
  return {
    requiredArguments: spec.requiredArguments ?? 0,
    optionalArguments: spec.optionalArguments ?? 0,
    finalArgumentWhitespace: spec.finalArgumentWhitespace ?? false,
    optionSpec: spec.optionSpec ?? null,
    hasContent: spec.hasContent ?? false,
    run: spec.run,
  };
}

/** A literal block holding `text` (how docutils quotes a directive's source in messages). */
export function literalBlock(text: string): Element {
  const node = new Element("literal_block", { "xml:space": "preserve" }, text ? [new Text(text)] : []);
  node.rawsource = text;
  return node;
}

export const error = (message: string): DirectiveError => new DirectiveError(ERROR, message);
export const warning = (message: string): DirectiveError => new DirectiveError(WARNING, message);
export const info = (message: string): DirectiveError => new DirectiveError(INFO, message);
export const severe = (message: string): DirectiveError => new DirectiveError(SEVERE, message);

/** A system message quoting the directive's block, as docutils' directives return (not raise) them. */
export function blockMessage(call: DirectiveCall, level: number, message: string): Element {
  return call.ctx.reporter.systemMessage(level, message, [literalBlock(call.blockText)], { line: call.lineno });
}

/** docutils' assert_has_content. */
export function assertHasContent(call: DirectiveCall): void {
  if (!call.content.length) throw error(`Content block expected for the "${call.name}" directive; none found.`);
}

/** The "class" option as the element's `classes` (docutils' set_classes): a copy of the options. */
export function attributesFrom(options: Record<string, unknown>, skip: string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(options)) {
    if (k === "name" || skip.includes(k)) continue;
    out[k === "class" ? "classes" : k] = v;
  }
  return out;
}

/** Sets attributes (from `attributesFrom`) on an element; list values are appended to list attributes. */
export function applyAttributes(node: Element, attributes: Record<string, unknown>): Element {
  for (const [k, v] of Object.entries(attributes)) {
    if (Array.isArray(v)) node.list(k).push(...(v as string[]));
    else if (v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean") node.set(k, v);
  }
  return node;
}

/**
 * The generic "name" option: registers the element as an explicit target and
 * removes the option, so that only the first element gets it (docutils' add_name).
 */
export function addName(call: DirectiveCall, node: Element): void {
  const name = call.options.name;
  if (typeof name !== "string") return;
  delete call.options.name;
  node.names.push(fullyNormalizeName(name));
  call.ctx.document.noteExplicitTarget(node, node);
}

/** Sets source and line of a node (docutils' state_machine.get_source_and_line). */
export function place(call: DirectiveCall, node: Node, lineno: number): void {
  node.source = call.ctx.document.source;
  node.line = lineno;
}

