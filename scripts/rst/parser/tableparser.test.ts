// Table layout analysis: column widths, spans, head/body split, and the errors.
import { describe, expect, it } from "vitest";
import { parseGridTable, parseSimpleTable, TableMarkupError } from "./tableparser.ts";

function errorOf(f: () => unknown): TableMarkupError {
  try {
    f();
  } catch (e) {
    if (e instanceof TableMarkupError) return e;
    throw e;
  }
  throw new Error("no TableMarkupError");
}

describe("grid tables", () => {
  it("finds columns, head rows and spans", () => {
    const data = parseGridTable([
      "+-----+-----+",
      "| h1  | h2  |",
      "+=====+=====+",
      "| wide cell |",
      "+-----+-----+",
      "| a   | b   |",
      "+-----+     |",
      "| c   |     |",
      "+-----+-----+",
    ]);
    expect(data.colwidths).toEqual([5, 5]);
    expect(data.headrows).toEqual([[[0, 0, 1, ["h1"]], [0, 0, 1, ["h2"]]]]);
    expect(data.bodyrows).toEqual([
      [[0, 1, 3, ["wide cell"]], null],
      [[0, 0, 5, ["a"]], [1, 0, 5, ["b", "", ""]]],
      [[0, 0, 7, ["c"]], null],
    ]);
  });

  it("rejects cells that are not rectangles", () => {
    const e = errorOf(() =>
      parseGridTable(["+----+----+", "| a  |    |", "+----+    |", "| b       |", "+---------+"]),
    );
    expect(e.message).toBe("Malformed table; parse incomplete.");
  });

  it("allows one head/body separator, not at the edges", () => {
    const e = errorOf(() => parseGridTable(["+---+", "| a |", "+===+", "| b |", "+===+", "| c |", "+---+"]));
    expect(e.message).toBe("Multiple head/body row separators (table lines 3 and 5); only one allowed.");
    expect(e.offset).toBe(4);
  });
});

describe("simple tables", () => {
  it("finds columns, header, column spans and multi-line rows", () => {
    const data = parseSimpleTable(["=====  =====", "h1     h2", "=====  =====", "spanning row", "------------", "a      b", "       more", "=====  ====="]);
    expect(data.colwidths).toEqual([5, 5]);
    expect(data.headrows).toEqual([[[0, 0, 1, ["h1"]], [0, 0, 1, ["h2"]]]]);
    expect(data.bodyrows).toEqual([
      [[0, 1, 3, ["spanning row"]]],
      [[0, 0, 5, ["a", ""]], [0, 0, 5, ["b", "more"]]],
    ]);
  });

  it("lets text overflow the last column", () => {
    const data = parseSimpleTable(["==  ==", "a   long text", "==  =="]);
    expect(data.colwidths).toEqual([2, 9]);
  });

  it("reports text in a column margin with its table line", () => {
    const e = errorOf(() => parseSimpleTable(["==  ==", "abcd  x", "==  =="]));
    expect(e.message).toBe("Text in column margin in table line 2.");
    expect(e.offset).toBe(1);
  });
});
