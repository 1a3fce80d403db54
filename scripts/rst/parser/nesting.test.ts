// The bound on nesting (nesting.ts): any construct nested deeper than
// MAX_NESTING_DEPTH gives one SEVERE message at the first line of the block left
// out, and the whole pipeline (transforms, HTML, pseudo-XML) still runs. Before the
// bound, 2,000 nested `.. note::` directives exhausted V8's memory.
import { describe, expect, it } from "vitest";
import { publishDoctree, toHtml } from "../index.ts";
import type { Element } from "../nodes.ts";
import { pformat } from "../pformat.ts";
import { MAX_NESTING_DEPTH } from "./nesting.ts";
import { parse } from "../index.ts";

const LEVELS = 2000;

/** Greatest number of `tagname` elements along one path from the root. */
function nestingDepth(root: Element, tagname: string): number {
  let depth = 0;
  for (const node of root.traverse()) {
    if ((node as Element).tagname !== tagname) continue;
    let d = 0;
    for (let n: Element | null = node as Element; n; n = n.parent) if (n.tagname === tagname) d++;
    depth = Math.max(depth, d);
  }
  return depth;
}

function severeMessages(root: Element): Element[] {
  return root.findAll("system_message").filter((m) => m.get("level") === 4);
}

/**
 * Construct, the element each level makes, the input nested `n` deep, the line of
 * the content of level `k` (1-based), and how many levels of the element a parse
 * cut at the limit keeps (`cut`, default the limit + 1: the element whose content is
 * left out is still made; a field list is made by its parent field's content).
 */
const CONSTRUCTS: Array<{ name: string; tag: string; text: (n: number) => string; lineOf: (k: number) => number; cut?: number; full?: (n: number) => number }> = [
  {
    name: "note directives",
    tag: "note",
    text: (n) => Array.from({ length: n }, (_, i) => " ".repeat(i) + ".. note::\n\n").join("") + " ".repeat(n) + "x\n",
    lineOf: (k) => 2 * k + 1,
  },
  {
    name: "container directives",
    tag: "container",
    text: (n) => Array.from({ length: n }, (_, i) => " ".repeat(3 * i) + ".. container::\n\n").join("") + " ".repeat(3 * n) + "x\n",
    lineOf: (k) => 2 * k + 1,
  },
  {
    name: "block quotes",
    tag: "block_quote",
    text: (n) => Array.from({ length: n }, (_, i) => " ".repeat(i) + `quote ${i}\n\n`).join(""),
    lineOf: (k) => 2 * k + 1,
    // The first line is a paragraph, each further one a block quote inside the previous.
    full: (n) => n - 1,
  },
  {
    name: "bullet lists",
    tag: "bullet_list",
    text: (n) => Array.from({ length: n }, (_, i) => " ".repeat(2 * i) + `- item ${i}\n\n`).join(""),
    lineOf: (k) => 2 * k - 1,
  },
  {
    name: "enumerated lists",
    tag: "enumerated_list",
    text: (n) => Array.from({ length: n }, (_, i) => " ".repeat(3 * i) + `1. item ${i}\n\n`).join(""),
    lineOf: (k) => 2 * k - 1,
  },
  {
    name: "definition lists",
    tag: "definition_list",
    text: (n) => Array.from({ length: n }, (_, i) => " ".repeat(i) + `term ${i}\n`).join("") + " ".repeat(n) + "definition\n",
    lineOf: (k) => k + 1,
  },
  {
    name: "field lists",
    tag: "field_list",
    text: (n) => Array.from({ length: n }, (_, i) => " ".repeat(i) + `:f${i}:\n`).join("") + " ".repeat(n) + "x\n",
    lineOf: (k) => k + 1,
    cut: MAX_NESTING_DEPTH,
  },
  {
    name: "bullet lists on one line",
    tag: "bullet_list",
    text: (n) => "- ".repeat(n) + "x\n",
    lineOf: () => 1,
  },
];

describe("nesting is bounded", () => {
  for (const c of CONSTRUCTS) {
    it(`${c.name} nested ${LEVELS} deep: parsed to the limit, then one SEVERE message`, () => {
      const doc = publishDoctree(c.text(LEVELS));
      const severe = severeMessages(doc);
      expect(severe).toHaveLength(1);
      expect(severe[0].astext()).toContain(`Nesting too deep: more than ${MAX_NESTING_DEPTH} nested blocks.`);
      // The block left out is the content of the element at level MAX_NESTING_DEPTH + 1.
      expect(nestingDepth(doc, c.tag)).toBe(c.cut ?? MAX_NESTING_DEPTH + 1);
      expect(severe[0].get("line")).toBe(c.lineOf(MAX_NESTING_DEPTH + 1));
      // The rest of the pipeline takes the deep tree.
      expect(toHtml(doc)).toContain("Nesting too deep");
      expect(pformat(doc)).toContain("Nesting too deep");
    });
  }

  it("takes nesting up to the limit without a message", () => {
    for (const c of CONSTRUCTS) {
      const doc = parse(c.text(MAX_NESTING_DEPTH - 1));
      expect(severeMessages(doc), c.name).toHaveLength(0);
      expect(nestingDepth(doc, c.tag), c.name).toBe((c.full ?? ((n) => n))(MAX_NESTING_DEPTH - 1));
    }
  });

  it("counts levels across constructs: a quote in a list in a note ...", () => {
    const kinds = [".. note::", "- item", "quote"];
    let text = "";
    for (let i = 0; i < LEVELS; i++) text += " ".repeat(2 * i) + kinds[i % 3] + "\n\n";
    const doc = parse(text);
    expect(severeMessages(doc)).toHaveLength(1);
  });

  it("reports each block left out, and parses what follows it", () => {
    const deep = CONSTRUCTS[0].text(MAX_NESTING_DEPTH + 5);
    const doc = parse(deep + "\nafter\n\n" + deep);
    expect(severeMessages(doc)).toHaveLength(2);
    expect(doc.children.some((n) => (n as Element).tagname === "paragraph" && n.astext() === "after")).toBe(true);
  });
});
