// Looking up the function of an interpreted text role (docutils' roles.role()):
// the name as written, its lower-case form, the English role names and aliases,
// and the "No role entry ... Trying ... as canonical role name." notice docutils
// gives for names that are not English role names.
//
// The role functions themselves come from the role registry the parse was given
// (ParserContext.roles; index.ts passes the standard one, ../../roles/registry.ts).
import type { Document } from "../../document.ts";
import type { Element } from "../../nodes.ts";
import type { ParserContext, RoleFunction } from "../context.ts";

/** The English role names and aliases (docutils' languages/en.py `roles`), lower case → canonical name. */
export const ENGLISH_ROLE_NAMES: Readonly<Record<string, string>> = {
  abbreviation: "abbreviation", ab: "abbreviation", acronym: "acronym", ac: "acronym", code: "code",
  index: "index", i: "index", subscript: "subscript", sub: "subscript", superscript: "superscript",
  sup: "superscript", "title-reference": "title-reference", title: "title-reference",
  t: "title-reference", "pep-reference": "pep-reference", pep: "pep-reference",
  "rfc-reference": "rfc-reference", rfc: "rfc-reference", emphasis: "emphasis", strong: "strong",
  literal: "literal", math: "math", "named-reference": "named-reference",
  "anonymous-reference": "anonymous-reference", "footnote-reference": "footnote-reference",
  "citation-reference": "citation-reference", "substitution-reference": "substitution-reference",
  target: "target", "uri-reference": "uri-reference", uri: "uri-reference", url: "uri-reference",
  raw: "raw",
};

export const DEFAULT_INTERPRETED_ROLE = "title-reference";

/** Names resolved through docutils' "Trying ... as canonical role name" path, per document: not reported again. */
const reportedNames = new WeakMap<Document, Set<string>>();

/**
 * The function of role `name` ("" = the default role), with the informational
 * messages docutils gives while looking it up (docutils' roles.role()).
 */
export function lookupRole(name: string, lineno: number, ctx: ParserContext): { fn?: RoleFunction; messages: Element[] } {
  if (!name) return { fn: ctx.roles(DEFAULT_INTERPRETED_ROLE, ctx), messages: [] };
  const normname = name.toLowerCase();
  let seen = reportedNames.get(ctx.document);
  if (!seen) {
    seen = new Set();
    reportedNames.set(ctx.document, seen);
  }
  // Roles the document defined (the `role` directive) and names already resolved answer directly.
  const direct = ctx.roles(normname, ctx);
  if (direct && (seen.has(normname) || !(normname in ENGLISH_ROLE_NAMES || isCanonical(normname)))) {
    return { fn: direct, messages: [] };
  }
  if (normname in ENGLISH_ROLE_NAMES) return { fn: ctx.roles(ENGLISH_ROLE_NAMES[normname], ctx), messages: [] };
  const text =
    `No role entry for "${name}" in module "docutils.parsers.rst.languages.en".\n` +
    `Trying "${name}" as canonical role name.`;
  const messages = [ctx.reporter.info(text, [], { line: lineno })];
  const fn = ctx.roles(normname, ctx);
  if (fn) seen.add(normname);
  return { fn, messages };
}

/** Canonical names of the standard roles (registered under these names in docutils). */
const CANONICAL = new Set([...Object.values(ENGLISH_ROLE_NAMES), "restructuredtext-unimplemented-role"]);
function isCanonical(name: string): boolean {
  return CANONICAL.has(name);
}

