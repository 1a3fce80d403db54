// Flat input never recurses: 100,000 siblings in one paragraph or list go through
// the parser, the transforms, the writer and pformat. (A paragraph of 100,000
// standalone links used to end in "Maximum call stack size exceeded": the inline
// parser spread them as call arguments.)
import { describe, expect, it } from "vitest";
import { publishDoctree, toHtml } from "./index.ts";
import type { Element } from "./nodes.ts";
import { pformat } from "./pformat.ts";

const N = 100_000;

/** One paragraph holding `N` copies of `item`, twenty to a line. */
function paragraphOf(item: string): string {
  return (item.repeat(20) + "\n").repeat(N / 20);
}

function run(text: string): { doc: ReturnType<typeof publishDoctree>; html: string; xml: string } {
  const doc = publishDoctree(text);
  return { doc, html: toHtml(doc), xml: pformat(doc) };
}

function count(haystack: string, needle: string): number {
  let n = 0;
  for (let i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + needle.length)) n++;
  return n;
}

function noInternalError(doc: Element): void {
  for (const m of doc.findAll("system_message")) expect(m.astext()).not.toContain("Internal");
}

describe(`${N.toLocaleString("en")} siblings`, { timeout: 120_000 }, () => {
  it("standalone links in one paragraph", () => {
    const { doc, html } = run(paragraphOf("http://example.org "));
    noInternalError(doc);
    expect(doc.findAll("paragraph")).toHaveLength(1);
    expect(count(html, '<a class="reference external" href="http://example.org">')).toBe(N);
  });

  it("`a_` references to one target", () => {
    const { doc, html } = run(paragraphOf("a_ ") + "\n.. _a: http://example.org\n");
    noInternalError(doc);
    expect(count(html, 'href="http://example.org"')).toBe(N);
  });

  it("`a_` references through an indirect target, with target notes", () => {
    const { doc, xml } = run(paragraphOf("a_ ") + "\n.. _a: b_\n.. _b: http://example.org\n\n.. target-notes::\n");
    noInternalError(doc);
    expect(count(xml, 'refuri="http://example.org"')).toBeGreaterThanOrEqual(N);
    expect(doc.findAll("footnote_reference")).toHaveLength(N);
  });

  it("unresolved `a_` references: one error message each", () => {
    const doc = publishDoctree(paragraphOf("a_ "));
    noInternalError(doc);
    expect(doc.findAll("problematic")).toHaveLength(N);
  });

  it("substitution references", () => {
    const { doc, html } = run(paragraphOf("|a| ") + "\n.. |a| replace:: *b*\n");
    noInternalError(doc);
    // Past a budget of substituted text, references are reported instead (substitutions.ts).
    expect(count(html, "<em>b</em>") + doc.findAll("problematic").length).toBe(N);
    expect(count(html, "<em>b</em>")).toBeGreaterThan(N / 4);
  });

  it("list items", () => {
    const { doc, html } = run("- item\n".repeat(N));
    noInternalError(doc);
    expect(count(html, "<li>")).toBe(N);
  });
});
