// The standard interpreted-text roles (docutils' parsers/rst/roles.py): generic
// roles that wrap the text in one element, PEP and RFC references, raw, code,
// math, and the roles docutils names but does not implement.
import { Element, type Node, Text, unescape } from "../nodes.ts";
import type { OptionConverter, RoleFunction } from "../parser/context.ts";
import { classOption, unchanged } from "../options.ts";
import { LexerError, type Token, tokenize } from "../code/lexers/index.ts";
import { appendTokens, normalizeLanguage, tokenNames } from "../code/tokens.ts";
import { problematic } from "./problematic.ts";

/** Role options with "class" renamed "classes" (docutils' normalized_role_options). */
export function normalizedRoleOptions(options: Record<string, unknown> | null | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(options ?? {})) out[k === "class" ? "classes" : k] = v;
  return out;
}

/** Sets role options as element attributes (lists extend list attributes). */
function withOptions(node: Element, options: Record<string, unknown>): Element {
  for (const [k, v] of Object.entries(options)) {
    if (Array.isArray(v)) node.list(k).push(...(v as string[]));
    else if (v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean") node.set(k, v);
  }
  return node;
}

/** The options each role accepts (docutils' role_fn.options; "class" is always accepted). */
export const ROLE_OPTIONS = new WeakMap<RoleFunction, Record<string, OptionConverter>>();

function register(fn: RoleFunction, options: Record<string, OptionConverter> = {}): RoleFunction {
  ROLE_OPTIONS.set(fn, { ...options, class: options.class ?? classOption });
  return fn;
}

function element(tagname: string, rawtext: string, text: string, options: Record<string, unknown>): Element {
  const node = withOptions(new Element(tagname, {}, text ? [new Text(text)] : []), options);
  node.rawsource = rawtext;
  return node;
}

function genericRole(tagname: string): RoleFunction {
  return register((_role, rawtext, text, _lineno, _ctx, options) => [[element(tagname, rawtext, text, normalizedRoleOptions(options))], []]);
}

/** The base of custom roles without an explicit base role: an `inline` element. */
export const genericCustomRole: RoleFunction = register((_role, rawtext, text, _lineno, _ctx, options) => [
  [element("inline", rawtext, text, normalizedRoleOptions(options))],
  [],
]);

/** Python's int() on a role's text. */
function pyIntOrNull(s: string): number | null {
  const t = s.trim();
  if (!/^[+-]?[0-9](?:_?[0-9])*$/.test(t)) return null;
  return Number.parseInt(t.replace(/_/g, ""), 10);
}

const pepReference: RoleFunction = register((_role, rawtext, text, lineno, ctx, options) => {
  const pepnum = pyIntOrNull(unescape(text));
  if (pepnum === null || pepnum < 0 || pepnum > 9999) {
    const msg = ctx.reporter.error(`PEP number must be a number from 0 to 9999; "${text}" is invalid.`, [], { line: lineno });
    return [[problematic(ctx, rawtext, msg)], [msg]];
  }
  const settings = ctx.document.settings;
  const base = typeof settings.pepBaseUrl === "string" ? settings.pepBaseUrl : "https://peps.python.org/";
  const ref = `${base}pep-${String(pepnum).padStart(4, "0")}`;
  const node = element("reference", rawtext, "PEP " + text, normalizedRoleOptions(options));
  node.set("refuri", ref);
  return [[node], []];
});

const rfcReference: RoleFunction = register((_role, rawtext, text, lineno, ctx, options) => {
  const plain = unescape(text);
  const hash = plain.indexOf("#");
  const numText = hash >= 0 ? plain.slice(0, hash) : plain;
  const section = hash >= 0 ? plain.slice(hash + 1) : null;
  const rfcnum = pyIntOrNull(numText);
  if (rfcnum === null || rfcnum < 1) {
    const msg = ctx.reporter.error(`RFC number must be a number greater than or equal to 1; "${text}" is invalid.`, [], {
      line: lineno,
    });
    return [[problematic(ctx, rawtext, msg)], [msg]];
  }
  const settings = ctx.document.settings;
  const base = typeof settings.rfcBaseUrl === "string" ? settings.rfcBaseUrl : "https://tools.ietf.org/html/";
  let ref = `${base}rfc${rfcnum}.html`;
  if (section !== null) ref += "#" + section;
  const node = element("reference", rawtext, `RFC ${rfcnum}`, normalizedRoleOptions(options));
  node.set("refuri", ref);
  return [[node], []];
});

const rawRole: RoleFunction = register(
  (role, rawtext, text, lineno, ctx, options) => {
    const opts = normalizedRoleOptions(options);
    if (!ctx.document.settings.rawEnabled) {
      const msg = ctx.reporter.warning("raw (and derived) roles disabled");
      return [[problematic(ctx, rawtext, msg)], [msg]];
    }
    if (!("format" in opts)) {
      const msg = ctx.reporter.error(
        `No format (Writer name) is associated with this role: "${role}".\nThe "raw" role cannot be used directly.\nInstead, use the "role" directive to create a new role with an associated format.`,
        [],
        { line: lineno },
      );
      return [[problematic(ctx, rawtext, msg)], [msg]];
    }
    const node = withOptions(new Element("raw", { "xml:space": "preserve" }, [new Text(unescape(text, true))]), opts);
    node.rawsource = rawtext;
    node.source = ctx.document.source;
    node.line = lineno;
    return [[node], []];
  },
  { format: unchanged },
);

const codeRole: RoleFunction = register(
  (_role, rawtext, text, _lineno, ctx, options) => {
    const opts = normalizedRoleOptions(options);
    const language = normalizeLanguage(typeof opts.language === "string" ? opts.language : "");
    const classes = ["code", ...((opts.classes as string[] | undefined) ?? [])];
    if (language && !classes.includes(language)) classes.push(language);
    let tokens: Token[];
    try {
      tokens = tokenize(unescape(text, true), language, tokenNames(ctx.document.settings));
    } catch (e) {
      if (!(e instanceof LexerError)) throw e;
      const msg = ctx.reporter.warning(e.message);
      return [[problematic(ctx, rawtext, msg)], [msg]];
    }
    const node = new Element("literal", { classes });
    node.rawsource = rawtext;
    appendTokens(node, tokens);
    return [[node], []];
  },
  { language: unchanged },
);

const mathRole: RoleFunction = register((_role, rawtext, text, _lineno, _ctx, options) => [
  [element("math", rawtext, unescape(text, true), normalizedRoleOptions(options))],
  [],
]);

const unimplementedRole: RoleFunction = register((role, rawtext, _text, lineno, ctx) => {
  const msg = ctx.reporter.error(`Interpreted text role "${role}" not implemented.`, [], { line: lineno });
  return [[problematic(ctx, rawtext, msg)], [msg]];
});

/** Canonical role name → role function (docutils' _role_registry). */
export const STANDARD_ROLES: Readonly<Record<string, RoleFunction>> = {
  abbreviation: genericRole("abbreviation"),
  acronym: genericRole("acronym"),
  emphasis: genericRole("emphasis"),
  literal: genericRole("literal"),
  strong: genericRole("strong"),
  subscript: genericRole("subscript"),
  superscript: genericRole("superscript"),
  "title-reference": genericRole("title_reference"),
  "pep-reference": pepReference,
  "rfc-reference": rfcReference,
  raw: rawRole,
  code: codeRole,
  math: mathRole,
  index: unimplementedRole,
  "named-reference": unimplementedRole,
  "anonymous-reference": unimplementedRole,
  "uri-reference": unimplementedRole,
  "footnote-reference": unimplementedRole,
  "citation-reference": unimplementedRole,
  "substitution-reference": unimplementedRole,
  target: unimplementedRole,
  "restructuredtext-unimplemented-role": unimplementedRole,
};

export type { Node };
