// The interpreted-text role registry: the standard roles by canonical name and the
// roles each document defines with the `role` directive. Names are looked up as
// docutils' roles.role() does by the inline parser (parser/inline/role-lookup.ts,
// which knows the English names); this registry answers its questions.
import type { Document } from "../document.ts";
import type { Element } from "../nodes.ts";
import type { DirectiveDefinition, ParserContext, RoleFunction } from "../parser/context.ts";
import {
  DEFAULT_INTERPRETED_ROLE,
  ENGLISH_ROLE_NAMES,
  lookupRole as inlineLookupRole,
} from "../parser/inline/role-lookup.ts";
import { ROLE_OPTIONS, STANDARD_ROLES, genericCustomRole, normalizedRoleOptions } from "./standard.ts";

/** Roles each document defined with the `role` directive (docutils' _roles). */
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

export { DEFAULT_INTERPRETED_ROLE, ENGLISH_ROLE_NAMES };
