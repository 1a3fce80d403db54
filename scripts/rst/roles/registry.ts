// Looking up interpreted-text roles (docutils' roles.role()): roles defined in
// this document by the `role` directive first, then English role names, then
// canonical names (with docutils' INFO message), and custom roles themselves.
import type { Document } from "../document.ts";
import type { Element } from "../nodes.ts";
import type { DirectiveDefinition, ParserContext, RoleFunction } from "../parser/context.ts";
import { lookupRole as inlineLookupRole, setRoleResolver } from "../parser/inline/role-lookup.ts";
import { ROLE_OPTIONS, STANDARD_ROLES, genericCustomRole, normalizedRoleOptions } from "./standard.ts";

/** English role names → canonical names (docutils' languages/en.py `roles`). */
export const ENGLISH_ROLE_NAMES: Readonly<Record<string, string>> = {
  abbreviation: "abbreviation", ab: "abbreviation", acronym: "acronym", ac: "acronym", code: "code",
  index: "index", i: "index", subscript: "subscript", sub: "subscript", superscript: "superscript",
  sup: "superscript", "title-reference": "title-reference", title: "title-reference", t: "title-reference",
  "pep-reference": "pep-reference", pep: "pep-reference", "rfc-reference": "rfc-reference", rfc: "rfc-reference",
  emphasis: "emphasis", strong: "strong", literal: "literal", math: "math", "named-reference": "named-reference",
  "anonymous-reference": "anonymous-reference", "footnote-reference": "footnote-reference",
  "citation-reference": "citation-reference", "substitution-reference": "substitution-reference",
  target: "target", "uri-reference": "uri-reference", uri: "uri-reference", url: "uri-reference", raw: "raw",
};

export const DEFAULT_INTERPRETED_ROLE = "title-reference";

/** Roles registered per document: custom roles and names already looked up (docutils' _roles). */
const localRoles = new WeakMap<Document, Map<string, RoleFunction>>();

function locals(document: Document): Map<string, RoleFunction> {
  let map = localRoles.get(document);
  if (!map) {
    map = new Map();
    localRoles.set(document, map);
  }
  return map;
}

export interface RoleLookup {
  role: RoleFunction | undefined;
  /** docutils' INFO message when the name is not an English role name. */
  messages: Element[];
}

/**
 * The role function registered under `name` (lower case; a canonical name or a name
 * this document defined with the `role` directive). The inline parser's lookup
 * (parser/inline/role-lookup.ts) asks this for every name it tries.
 */
export function resolveRole(name: string, ctx: ParserContext): RoleFunction | undefined {
  const local = localRoles.get(ctx.document)?.get(name);
  if (local) return local;
  return Object.prototype.hasOwnProperty.call(STANDARD_ROLES, name) ? STANDARD_ROLES[name] : undefined;
}

// The inline parser looks roles up through this registry from now on.
setRoleResolver(resolveRole);

/**
 * Finds the role called `name` (any case) as docutils' roles.role() does, with its
 * INFO message for names that are not English role names. "" is the default role.
 * Unknown roles give `role: undefined`; the caller reports `Unknown interpreted text role`.
 */
export function lookupRole(name: string, ctx: ParserContext, lineno: number): RoleLookup {
  const { fn, messages } = inlineLookupRole(name || ctx.memo.defaultRole, lineno, ctx);
  return { role: fn, messages };
}

/** The role function for `name` in this document, or undefined (no messages). */
export function getRole(name: string, ctx: ParserContext): RoleFunction | undefined {
  if (!name && ctx.memo.defaultRole) return getRole(ctx.memo.defaultRole, ctx);
  const normalized = name.toLowerCase();
  const local = localRoles.get(ctx.document)?.get(normalized);
  if (local) return local;
  const canonical = !name ? DEFAULT_INTERPRETED_ROLE : (ENGLISH_ROLE_NAMES[normalized] ?? normalized);
  return resolveRole(canonical, ctx);
}

/** A directive definition that parses a role's options (docutils' convert_directive_function). */
export function roleDefinitionFor(base: RoleFunction | undefined): DirectiveDefinition {
  return {
    requiredArguments: 0,
    optionalArguments: 0,
    finalArgumentWhitespace: false,
    optionSpec: ROLE_OPTIONS.get(base ?? genericCustomRole) ?? null,
    hasContent: false,
    run: () => [],
  };
}

/** Registers a custom role for this document (docutils' CustomRole + register_local_role). */
export function defineCustomRole(
  ctx: ParserContext,
  name: string,
  base: RoleFunction | undefined,
  options: Record<string, unknown>,
  content: string[],
): RoleFunction {
  const baseRole = base ?? genericCustomRole;
  const supplied = { ...options };
  const role: RoleFunction = (roleName, rawtext, text, lineno, context, callOptions, callContent) => {
    const merged = { ...normalizedRoleOptions(supplied), ...(callOptions ?? {}) };
    const extra = callContent ?? [];
    const joined = content.length && extra.length ? [...content, "\n", ...extra] : [...content, ...extra];
    return baseRole(roleName, rawtext, text, lineno, context, merged, joined);
  };
  const spec = ROLE_OPTIONS.get(baseRole);
  if (spec) ROLE_OPTIONS.set(role, spec);
  locals(ctx.document).set(name.toLowerCase(), role);
  return role;
}
