// Line helpers: input normalization, indented-block extraction, column widths.
import { describe, expect, it } from "vitest";
import { columnWidth, expandTabs, getIndented, getTextBlock, isBlank, padDoubleWidth, string2lines } from "./lines.ts";

describe("string2lines", () => {
  it("splits on every line end, expands tabs to 8 columns and drops trailing whitespace", () => {
    expect(string2lines("a\r\nb\rc\n\td\tx  \n")).toEqual(["a", "b", "c", "        d       x"]);
  });

  it("turns vertical tabs and form feeds into spaces", () => {
    expect(string2lines("a\vb\fc\n")).toEqual(["a b c"]);
  });

  it("keeps empty lines but not a final newline's empty remainder", () => {
    expect(string2lines("a\n\n   \nb")).toEqual(["a", "", "", "b"]);
  });
});

describe("expandTabs", () => {
  it("expands to the next multiple of the tab width", () => {
    expect(expandTabs("ab\tc", 4)).toBe("ab  c");
    expect(expandTabs("abcd\te", 4)).toBe("abcd    e");
  });
});

describe("getIndented", () => {
  const lines = ["  one", "    two", "", "  three", "back"];

  it("takes the indented lines, strips the common indentation and reports an unblank finish", () => {
    const r = getIndented(lines, 0, lines.length);
    expect(r.block).toEqual(["one", "  two", "", "three"]);
    expect(r.indent).toBe(2);
    expect(r.blankFinish).toBe(false);
  });

  it("stops at a blank line when asked to", () => {
    const r = getIndented(lines, 0, lines.length, true);
    expect(r.block).toEqual(["one", "  two"]);
    expect(r.blankFinish).toBe(true);
  });

  it("strips a known first-line indentation separately (list items)", () => {
    const item = ["- item", "  more", "", "next"];
    const r = getIndented(item, 0, item.length, false, true, null, 2);
    expect(r.block).toEqual(["item", "more", ""]);
    expect(r.blankFinish).toBe(true);
  });

  it("with a known block indentation, ends at a less indented line", () => {
    const item = ["1. item", "   more", "  less"];
    const r = getIndented(item, 0, item.length, false, true, 3);
    expect(r.block).toEqual(["item", "more"]);
    expect(r.blankFinish).toBe(false);
  });
});

describe("getTextBlock", () => {
  it("ends at a blank line, or before an indented line when flush-left is required", () => {
    const lines = ["a", "b", "  c", "", "d"];
    expect(getTextBlock(lines, 0, lines.length)).toEqual({ block: ["a", "b", "  c"], indentedAt: null });
    expect(getTextBlock(lines, 0, lines.length, true)).toEqual({ block: ["a", "b"], indentedAt: 2 });
  });
});

describe("widths", () => {
  it("counts wide characters twice and combining characters not at all", () => {
    expect(columnWidth("abc")).toBe(3);
    expect(columnWidth("\u3042\u3044")).toBe(4);
    expect(columnWidth("e\u0301")).toBe(1);
  });

  it("pads wide characters for table layout", () => {
    expect(padDoubleWidth("a\u3042b", "\x00")).toBe("a\u3042\x00b");
    expect(padDoubleWidth("plain", "\x00")).toBe("plain");
  });

  it("treats Python's whitespace as blank", () => {
    expect(isBlank("")).toBe(true);
    expect(isBlank("  \u3000")).toBe(true);
    expect(isBlank("  x")).toBe(false);
  });
});
