// The public API of the reStructuredText engine: parse → transforms → writers,
// as docutils' publish_doctree / publish_parts. This library imports nothing from
// the rest of the repository.
import { Document, type Settings } from "./document.ts";
import type { Element } from "./nodes.ts";
import { lookupDirective } from "./directives/registry.ts";
import type { DirectiveRegistry, RoleRegistry } from "./parser/context.ts";
import { parseDocument } from "./parser/parse.ts";
import { resolveRole } from "./roles/registry.ts";
import { applyTransforms } from "./transforms/index.ts";
import { toHtml } from "./writers/html5.ts";

export interface ParseOptions {
  /** Source name recorded on the document and in system messages. */
  source?: string;
  settings?: Partial<Settings>;
  /** Called with every system message above DEBUG, as it is made. */
  observer?: (message: Element) => void;
  /** The directives the parser knows (default: docutils' standard directives). */
  directives?: DirectiveRegistry;
  /** The roles the parser knows (default: docutils' standard roles and those the document defines). */
  roles?: RoleRegistry;
}

/** Parses reStructuredText into docutils' doctree, before any transform. */
export function parse(text: string, options: ParseOptions = {}): Document {
  const document = new Document(options.source ?? "<string>", options.settings);
  if (options.observer) document.reporter.attach(options.observer);
  parseDocument(text, document, { directives: options.directives ?? lookupDirective, roles: options.roles ?? resolveRole });
  return document;
}

/** Parses and applies the standalone reader's transforms (docutils' publish_doctree). */
export function publishDoctree(text: string, options: ParseOptions = {}): Document {
  const document = parse(text, options);
  applyTransforms(document);
  return document;
}

export { applyTransforms, toHtml };
export { pformat } from "./pformat.ts";
export { Document, type Settings } from "./document.ts";
export { Element, Text, type Node } from "./nodes.ts";
export { DEBUG, INFO, WARNING, ERROR, SEVERE } from "./reporter.ts";
export { lookupDirective, resolveRole };
export type { DirectiveDefinition, DirectiveRegistry, RoleFunction, RoleRegistry } from "./parser/context.ts";
