// Large and hostile inputs: the parser stays fast, does not overflow the stack
// and never throws (problems become system messages).
import { describe, expect, it } from "vitest";
import type { Element } from "../nodes.ts";
import { pformat } from "../pformat.ts";
import { MAX_NESTING_DEPTH } from "./nesting.ts";
import { parse } from "../index.ts";

/** As deep as the parser takes (nesting.ts; nesting.test.ts covers what lies beyond). */
const DEEP = MAX_NESTING_DEPTH;

/**
 * "Well under a second": measured as CPU time of this process, so that other
 * work on a busy machine does not count (vitest runs test files in separate processes).
 */
const LIMIT_MS = 1000;

function timed(text: string): { ms: number; doc: ReturnType<typeof parse> } {
  const start = process.cpuUsage();
  const doc = parse(text);
  const used = process.cpuUsage(start);
  return { ms: (used.user + used.system) / 1000, doc };
}

/** Depth of nested elements with the given tag along the first-child chain. */
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

describe("large inputs", () => {
  it("parses a 1 MB paragraph quickly", () => {
    const line = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod.";
    const text = Array.from({ length: Math.ceil(1_000_000 / (line.length + 1)) }, () => line).join("\n");
    const { ms, doc } = timed(text);
    expect(doc.children).toHaveLength(1);
    expect((doc.children[0] as Element).tagname).toBe("paragraph");
    expect(ms).toBeLessThan(LIMIT_MS);
  });

  it("parses bullet lists nested as deep as the limit", () => {
    const lines: string[] = [];
    for (let i = 0; i < DEEP; i++) lines.push(" ".repeat(2 * i) + "- item " + i, "");
    const { ms, doc } = timed(lines.join("\n"));
    expect(nestingDepth(doc, "bullet_list")).toBe(DEEP);
    expect(ms).toBeLessThan(LIMIT_MS);
  });

  it("parses block quotes nested as deep as the limit", () => {
    const lines: string[] = [];
    for (let i = 0; i < DEEP; i++) lines.push(" ".repeat(i) + "quote " + i, "");
    const { ms, doc } = timed(lines.join("\n"));
    expect(nestingDepth(doc, "block_quote")).toBe(DEEP - 1);
    expect(ms).toBeLessThan(LIMIT_MS);
  });

  it("parses enumerated lists and definition lists nested as deep as the limit", () => {
    const enumLines: string[] = [];
    const defLines: string[] = [];
    for (let i = 0; i < DEEP; i++) {
      enumLines.push(" ".repeat(3 * i) + "1. item " + i, "");
      defLines.push(" ".repeat(2 * i) + "term " + i);
    }
    defLines.push(" ".repeat(2 * DEEP) + "definition");
    const a = timed(enumLines.join("\n"));
    expect(nestingDepth(a.doc, "enumerated_list")).toBe(DEEP);
    expect(a.ms).toBeLessThan(LIMIT_MS);
    const b = timed(defLines.join("\n"));
    expect(nestingDepth(b.doc, "definition_list")).toBe(DEEP);
    expect(b.ms).toBeLessThan(LIMIT_MS);
  });

  it("parses line blocks nested 500 deep (built without recursion, so not bounded)", () => {
    const lines: string[] = [];
    for (let i = 0; i < 500; i++) lines.push("|" + " ".repeat(i + 1) + "line " + i);
    const { ms, doc } = timed(lines.join("\n"));
    expect(nestingDepth(doc, "line_block")).toBe(500);
    expect(ms).toBeLessThan(LIMIT_MS);
  });

  it("parses a 10,000-row grid table", () => {
    const lines = ["+--------+--------+", "| head   | head   |", "+========+========+"];
    for (let i = 0; i < 10_000; i++) lines.push(`| ${String(i).padEnd(7)}| cell   |`, "+--------+--------+");
    const { ms, doc } = timed(lines.join("\n"));
    expect(doc.findAll("row")).toHaveLength(10_001);
    expect(doc.findAll("system_message")).toHaveLength(0);
    expect(ms).toBeLessThan(LIMIT_MS);
  });

  it("parses a 10,000-row simple table", () => {
    const lines = ["=======  =======", "head     head", "=======  ======="];
    for (let i = 0; i < 10_000; i++) lines.push(`${String(i).padEnd(9)}cell`);
    lines.push("=======  =======");
    const { ms, doc } = timed(lines.join("\n"));
    expect(doc.findAll("row")).toHaveLength(10_001);
    expect(ms).toBeLessThan(LIMIT_MS);
  });

  it("reports an over-long line instead of parsing it (docutils' line_length_limit)", () => {
    const doc = parse("*".repeat(100_000));
    expect(pformat(doc)).toContain("Line 1 exceeds the line-length-limit.");
  });

  it("parses 3,000 sections and 10,000 targets", () => {
    const sections: string[] = [];
    for (let i = 0; i < 3000; i++) sections.push(`Title ${i}`, "=========", "", "text", "");
    const a = timed(sections.join("\n"));
    expect(a.doc.findAll("section")).toHaveLength(3000);
    expect(a.ms).toBeLessThan(LIMIT_MS);
    const targets: string[] = [];
    for (let i = 0; i < 10_000; i++) targets.push(`.. _t${i}: http://example.org/${i}`);
    const b = timed(targets.join("\n"));
    expect(b.doc.findAll("target")).toHaveLength(10_000);
    expect(b.ms).toBeLessThan(LIMIT_MS);
  });
});

/** A small deterministic PRNG (mulberry32). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  "", "", "text", "more words", "=====", "-----", "+---+---+", "| a | b |", "+===+===+", "|", "| x",
  "===  ===", "--", "::", "x::", ">>> 1", "..", ".. _t:", ".. __:", "__ ", ".. [1]", ".. [#]", ".. [*]",
  ".. |s| replace:: x", ".. |s|", ".. note::", ".. image::", ".. table::", "   :widths: 1 2", ":f:", ":f: x",
  "-a  b", "--x=y  z", "/V  q", "1.", "(i)", "#)", "A.", "- ", "* x", "term : cls", "   -- who", "\t\ttab",
  "`", "``", "*", "**", "_`x`", "|x|_", "[#]_", "\\", "\u3042\u3044\u3046", "e\u0301", "+", "+-+", "| |",
];

describe("hostile inputs", () => {
  it("never throws on random combinations of markup fragments", () => {
    const rand = prng(20150101);
    for (let doc = 0; doc < 400; doc++) {
      const lines: string[] = [];
      const n = 1 + Math.floor(rand() * 25);
      for (let i = 0; i < n; i++) {
        const indent = rand() < 0.3 ? " ".repeat(Math.floor(rand() * 6)) : "";
        lines.push(indent + PIECES[Math.floor(rand() * PIECES.length)]);
      }
      const text = lines.join("\n");
      expect(() => pformat(parse(text)), JSON.stringify(text)).not.toThrow();
    }
  });

  it("never throws on unbalanced tables", () => {
    const inputs = [
      "+---+---+\n| a | b\n+---+---+",
      "+---+---+\n| a |\n+---+---+",
      "+---+---+\n| a | b |\n+---+",
      "+---+---+\n| a | b |\n+---+---+\n| c | d |",
      "+---+\n|   |\n+===+\n+===+\n|   |\n+---+",
      "===  ===\na    b\n===",
      "===  ===\na    b c d e\n=  ===  ==\n",
      "===\n===\n===\n===",
      "=== ===\n  a  b\n--- -----\n=== ===",
    ];
    for (const text of inputs) {
      const doc = parse(text);
      expect(() => pformat(doc)).not.toThrow();
    }
  });
});
