// The bound on nesting. Every nested block (a list item's or a directive's content,
// a block quote, a definition, a table cell, ...) is parsed by a nested machine, on
// the JavaScript stack; without a bound, deeply nested input would exhaust the stack
// or, through the text every level keeps, the memory. Past the bound, the block is
// not parsed: a SEVERE system message at its first line stands in for it, as
// docutils reports input it cannot take.
import type { Element } from "../nodes.ts";
import type { Reporter } from "../reporter.ts";

/** What the bound needs of the state all machines of a parse share. */
interface Depth {
  depth: number;
  reporter: Reporter;
}

/**
 * The deepest nesting of blocks the parser takes: a block inside this many
 * enclosing blocks is parsed, one more level is not. Each level costs stack
 * frames; on Node's default stack, nested directives overflow it from about 400
 * levels (less before the code is optimized), lists from about 750: 200 leaves a
 * safe margin and is far more than any real document needs.
 */
export const MAX_NESTING_DEPTH = 200;

/**
 * Runs `parse` one nesting level deeper, or, past the bound, appends a SEVERE
 * message to `node` instead and returns false. `line` is the 1-based line of the
 * block's first line.
 */
export function nested(shared: Depth, node: Element, line: number, parse: () => void): boolean {
  if (shared.depth >= MAX_NESTING_DEPTH) {
    node.append(
      shared.reporter.severe(
        `Nesting too deep: more than ${MAX_NESTING_DEPTH} nested blocks. The content of this block is left out.`,
        [],
        { line },
      ),
    );
    return false;
  }
  shared.depth++;
  try {
    parse();
  } finally {
    shared.depth--;
  }
  return true;
}
