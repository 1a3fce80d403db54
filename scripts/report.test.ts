// Reporters never pass control characters from the sources to the terminal.
import { describe, expect, it } from "vitest";
import { codeFrame, escapeControl, formatText } from "./report.ts";

describe("terminal text", () => {
  it("shows control characters of a source line escaped in the code frame, with the caret still under the column", () => {
    const text = "title: ok\nbad: \x1b]0;owned\x07 \x1b[2J x\n";
    const frame = codeFrame({ severity: "error", code: "c", message: "m", file: "a.yaml", line: 2, column: 22 }, text);
    expect(frame).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
    expect(frame).toContain("bad: \\x1b]0;owned\\x07 \\x1b[2J x");
    const lines = frame.split("\n");
    // Column 22 is the last `x`: the caret stays under it.
    expect(lines[2].indexOf("^")).toBe(lines[1].lastIndexOf("x"));
  });

  it("escapes them in messages and file names too, and binary bytes read through a path", () => {
    const out = formatText([{ severity: "error", code: "c", message: "a \x1b[31mred\x1b[0m \u202e word", file: "x\x1b.yaml" }], { root: "/nonexistent" });
    expect(out).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f\u202e]/);
    expect(out).toContain("a \\x1b[31mred\\x1b[0m \\u202e word");
  });

  it("leaves tabs and ordinary text alone", () => {
    expect(escapeControl("a\tb é 😀")).toBe("a\tb é 😀");
    expect(escapeControl("\x00\x9b\u2028")).toBe("\\x00\\x9b\\u2028");
  });
});
