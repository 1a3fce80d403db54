// The directive registry: docutils' directive names (looked up case-insensitively)
// and the English localized names that map onto them
// (docutils' parsers/rst/languages/en.py and directives/__init__.py).
import { type DirectiveDefinition, DirectiveError, type ParserContext } from "../parser/context.ts";
import { SEVERE } from "../reporter.ts";
import { ADMONITION_DIRECTIVES } from "./admonitions.ts";
import { BODY_DIRECTIVES } from "./body.ts";
import { HTML_DIRECTIVES } from "./html.ts";
import { IMAGE_DIRECTIVES } from "./images.ts";
import { MISC_DIRECTIVES } from "./misc.ts";
import { PARTS_DIRECTIVES } from "./parts.ts";
import { REFERENCE_DIRECTIVES } from "./references.ts";
import { TABLE_DIRECTIVES } from "./tables.ts";

/** A definition whose unexpected failures become a SEVERE system message instead of an exception. */
function guarded(definition: DirectiveDefinition): DirectiveDefinition {
  return {
    ...definition,
    run(call) {
      try {
        return definition.run(call);
      } catch (e) {
        if (e instanceof DirectiveError) throw e;
        throw new DirectiveError(SEVERE, `Internal error in the "${call.name}" directive: ${e instanceof Error ? e.message : String(e)}`);
      }
    },
  };
}

/** Canonical directive name → definition (docutils' _directive_registry). */
export const DIRECTIVES: Readonly<Record<string, DirectiveDefinition>> = Object.fromEntries(
  Object.entries({
    ...ADMONITION_DIRECTIVES,
    ...IMAGE_DIRECTIVES,
    ...BODY_DIRECTIVES,
    ...TABLE_DIRECTIVES,
    ...PARTS_DIRECTIVES,
    ...REFERENCE_DIRECTIVES,
    ...HTML_DIRECTIVES,
    ...MISC_DIRECTIVES,
  }).map(([name, definition]) => [name, guarded(definition)]),
);

/** English names → canonical names (docutils' languages/en.py `directives`). */
export const ENGLISH_DIRECTIVE_NAMES: Readonly<Record<string, string>> = {
  attention: "attention", caution: "caution", code: "code", "code-block": "code", sourcecode: "code",
  danger: "danger", error: "error", hint: "hint", important: "important", note: "note", tip: "tip",
  warning: "warning", admonition: "admonition", sidebar: "sidebar", topic: "topic",
  "line-block": "line-block", "parsed-literal": "parsed-literal", rubric: "rubric", epigraph: "epigraph",
  highlights: "highlights", "pull-quote": "pull-quote", compound: "compound", container: "container",
  table: "table", "csv-table": "csv-table", "list-table": "list-table", meta: "meta", math: "math",
  image: "image", figure: "figure", include: "include", raw: "raw", replace: "replace", unicode: "unicode",
  date: "date", class: "class", role: "role", "default-role": "default-role", title: "title",
  contents: "contents", sectnum: "sectnum", "section-numbering": "sectnum", header: "header", footer: "footer",
  "target-notes": "target-notes", "restructuredtext-test-directive": "restructuredtext-test-directive",
};

/** The module docutils names in its lookup messages. */
export const LANGUAGE_MODULE = "docutils.parsers.rst.languages.en";

export interface DirectiveLookup {
  definition: DirectiveDefinition | undefined;
  /**
   * The text of docutils' INFO message when the name is not an English directive
   * name (it is then tried as a canonical name); null when the lookup was direct.
   */
  info: string | null;
}

/** docutils' directives.directive(): the English name, else the canonical name, with the INFO text. */
export function lookupDirective(name: string): DirectiveLookup {
  const normalized = name.toLowerCase();
  const canonical = Object.prototype.hasOwnProperty.call(ENGLISH_DIRECTIVE_NAMES, normalized)
    ? ENGLISH_DIRECTIVE_NAMES[normalized]
    : null;
  const info = canonical === null
    ? `No directive entry for "${name}" in module "${LANGUAGE_MODULE}".\nTrying "${name}" as canonical directive name.`
    : null;
  const key = canonical ?? normalized;
  const definition = Object.prototype.hasOwnProperty.call(DIRECTIVES, key) ? DIRECTIVES[key] : undefined;
  return { definition, info };
}

/** The definition of directive `name` (any case; English or canonical name), or undefined. */
export function getDirective(name: string, _ctx?: ParserContext): DirectiveDefinition | undefined {
  return lookupDirective(name).definition;
}
