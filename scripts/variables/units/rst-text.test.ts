import { describe, expect, it } from "vitest";
import { escapeText, indentRest, joinCell, joinCellLines, literal, normalizeBlock, titleText } from "./rst-text.ts";

describe("escaping values for RST", () => {
  it("escapes the characters that could start or end inline markup", () => {
    expect(escapeText("a*b|c`d\\e")).toBe("a\\*b\\|c\\`d\\\\e");
    expect(escapeText("name_ and name_, but not _matrix")).toBe("name\\_ and name\\_, but not _matrix");
  });

  it("keeps a value from reading as a list item or an enumerator", () => {
    expect(escapeText("- x")).toBe("\\- x");
    expect(escapeText("1. x")).toBe("\\1. x");
    expect(escapeText("plain")).toBe("plain");
  });

  it("quotes names as inline literals, and falls back to escaping when a literal cannot hold them", () => {
    expect(literal("user_id")).toBe("``user_id``");
    expect(literal("a``b")).toBe("a\\`\\`b");
    expect(literal("`x")).toBe("\\`x");
    expect(literal("  ")).toBe("");
  });

  it("escapes title text", () => {
    expect(titleText("GET /_matrix/foo_/{x}")).toBe("GET /_matrix/foo\\_/{x}");
  });
});

describe("cell text", () => {
  it("puts the lead in front of a plain first paragraph", () => {
    expect(joinCell("**Required.**", ["Some text.", "One of: [``a``]."])).toBe("**Required.** Some text.\n\nOne of: [``a``].");
  });

  it("gives the lead its own paragraph before a list or a literal block", () => {
    expect(joinCell("**Required.**", ["- a\n- b"])).toBe("**Required.**\n\n- a\n- b");
    expect(joinCellLines("**Required.**", ["::\n\n    x"]).firstBlockLine).toBe(2);
    expect(joinCellLines("**Required.**", ["text"]).firstBlockLine).toBe(0);
    expect(joinCellLines("**Required.**", [""]).firstBlockLine).toBe(-1);
  });

  it("normalises blocks: tabs expanded, trailing blanks and blank edges removed", () => {
    expect(normalizeBlock("\n\ta  \nb\n\n")).toBe("        a\nb");
  });

  it("indents continuation lines but leaves blank lines empty", () => {
    expect(indentRest("a\n\nb", 4)).toBe("a\n\n    b");
  });
});
