// Helpers for the inline parser's tests: a minimal parser context and a
// pseudo-XML rendering of one paragraph followed by its system messages.
import { Document } from "../../document.ts";
import { Element, type Node } from "../../nodes.ts";
import { pformat } from "../../pformat.ts";
import { resolveRole } from "../../roles/registry.ts";
import type { Memo, ParserContext, RoleRegistry } from "../context.ts";
import { parseInline } from "./index.ts";

/** A context for inline parsing alone (the standard roles unless `roles` is given; no block parsing). */
export function makeContext(document = new Document("test data"), defaultRole = "", roles: RoleRegistry = resolveRole): ParserContext {
  const memo: Memo = { titleStyles: [], sectionLevel: 0, sectionBubbleUpKludge: false, defaultRole };
  const ctx: ParserContext = {
    document,
    reporter: document.reporter,
    parent: document,
    memo,
    inSubstitutionDefinition: false,
    directives: () => ({ definition: undefined, info: null }),
    roles,
    nestedParse: () => 0,
    blockQuote: () => [],
    parseDirectiveBlock: () => {
      throw new Error("no block parsing here");
    },
    inlineText: (text, lineno) => parseInline(text, lineno, ctx),
    sourceAndLine: (offset) => ({ source: document.source, line: offset + 1 }),
  };
  return ctx;
}

/** Parses `text` as the inline content of one paragraph (line 1) and returns docutils' pseudo-XML of the document. */
export function inlinePx(text: string, ctx = makeContext()): string {
  const [nodes, messages] = parseInline(text, 1, ctx);
  const doc = ctx.document;
  doc.append(new Element("paragraph", {}, nodes as Node[]));
  doc.append(...messages);
  return trimLines(pformat(doc));
}

/**
 * Expected pseudo-XML of a document: `body` is written indented as in a template
 * literal; its common indentation is removed and each line is put under <document>.
 */
export function expected(body: string): string {
  const lines = body.replace(/^\n/, "").replace(/\n\s*$/, "").split("\n");
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length));
  return trimLines(['<document source="test data">', ...lines.map((l) => "    " + l.slice(indent))].join("\n") + "\n");
}

/** Drops trailing spaces of each line (the conformance comparison does the same). */
function trimLines(s: string): string {
  return s.split("\n").map((l) => l.trimEnd()).join("\n");
}
