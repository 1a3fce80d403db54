import { describe, expect, it } from "vitest";
import { DIRECTIVES, getDirective, lookupDirective } from "./registry.ts";
import { px } from "./test-helpers.ts";

describe("directive registry", () => {
  it("names are case-insensitive and English aliases map to canonical directives", () => {
    expect(getDirective("NOTE")).toBe(DIRECTIVES.note);
    expect(getDirective("code-block")).toBe(DIRECTIVES.code);
    expect(getDirective("SourceCode")).toBe(DIRECTIVES.code);
    expect(getDirective("section-numbering")).toBe(DIRECTIVES.sectnum);
    expect(lookupDirective("Note").info).toBeNull();
  });

  it("every English directive name of docutils is known", () => {
    for (const name of [
      "attention", "caution", "danger", "error", "hint", "important", "note", "tip", "warning", "admonition",
      "sidebar", "topic", "line-block", "parsed-literal", "rubric", "epigraph", "highlights", "pull-quote",
      "compound", "container", "table", "csv-table", "list-table", "meta", "math", "image", "figure", "include",
      "raw", "replace", "unicode", "date", "class", "role", "default-role", "title", "contents", "sectnum",
      "header", "footer", "target-notes", "restructuredtext-test-directive",
    ]) {
      expect(getDirective(name), name).toBeDefined();
    }
  });

  it("unknown names: docutils' INFO text, then the parser's unknown-directive error", () => {
    expect(lookupDirective("Notiz")).toEqual({
      definition: undefined,
      info: 'No directive entry for "Notiz" in module "docutils.parsers.rst.languages.en".\nTrying "Notiz" as canonical directive name.',
    });
    const out = px(".. Notiz:: x");
    expect(out).toContain('No directive entry for "Notiz"');
    expect(out).toContain('Unknown directive type "Notiz".');
  });
});
