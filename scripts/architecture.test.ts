// The shape of the toolchain, as its imports show it: no two folders import
// each other (directly or round a circle), and the RST engine imports nothing
// from the rest of the repository.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const SCRIPTS = resolve(import.meta.dirname);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === "fixtures" || e.name === "testing" ? [] : sourceFiles(path);
    return e.name.endsWith(".ts") && !e.name.endsWith(".test.ts") && !e.name.startsWith("test-") ? [path] : [];
  });
}

/**
 * The part a file belongs to: the folder under `scripts/` (under `scripts/rst/`
 * for the engine) that holds it, its subfolders included (a parser's states and
 * their rules are one part); a file directly in `scripts/` or `scripts/rst/` is a
 * part of its own.
 */
const folderOf = (file: string) => {
  const parts = relative(SCRIPTS, dirname(file)).split("/").filter(Boolean);
  if (parts.length === 0 || (parts[0] === "rst" && parts.length === 1)) return relative(SCRIPTS, file);
  return parts[0] === "rst" ? parts.slice(0, 2).join("/") : parts[0];
};

/** Every relative import of every source file, static or dynamic, as [from file, to file]. */
function imports(): [string, string][] {
  const out: [string, string][] = [];
  for (const file of sourceFiles(SCRIPTS)) {
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(/(?:from|import)\s*\(?\s*["'](\.{1,2}\/[^"']+)["']/g)) out.push([file, resolve(dirname(file), m[1])]);
  }
  return out;
}

/** The circles of a graph (its strongly connected parts of more than one node), by Tarjan's algorithm. */
function circles(edges: Map<string, Set<string>>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    indices.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!indices.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indices.get(w)!));
    }
    if (low.get(v) === indices.get(v)) {
      const part: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        part.push(w);
      } while (w !== v);
      if (part.length > 1) found.push(part.sort());
    }
  };
  for (const v of edges.keys()) if (!indices.has(v)) visit(v);
  return found;
}

describe("the toolchain's structure", () => {
  const all = imports();

  it("has no circle of imports between folders", () => {
    const edges = new Map<string, Set<string>>();
    for (const [from, to] of all) {
      const a = folderOf(from);
      const b = folderOf(to);
      if (a === b) continue;
      if (!edges.has(a)) edges.set(a, new Set());
      edges.get(a)!.add(b);
    }
    expect(circles(edges)).toEqual([]);
  });

  it("keeps the RST engine apart: scripts/rst imports nothing outside it", () => {
    const rst = join(SCRIPTS, "rst");
    const outside = all.filter(([from, to]) => from.startsWith(rst + "/") && !to.startsWith(rst + "/")).map(([from, to]) => `${relative(SCRIPTS, from)} → ${relative(SCRIPTS, to)}`);
    expect(outside).toEqual([]);
  });
});
