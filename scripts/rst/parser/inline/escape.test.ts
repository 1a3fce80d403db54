// Backslash escapes and the embedded-link pattern of phrase references.
import { describe, expect, it } from "vitest";
import { escapeToNull, splitEscapedWhitespace, unescapeNull } from "./escape.ts";
import { findEmbeddedLink } from "./index.ts";

describe("escapes", () => {
  it("turns escaping backslashes into NUL markers", () => {
    expect(escapeToNull("a\\*b\\\\c\\")).toBe("a\x00*b\x00\\c\x00");
  });

  it("removes markers, and escaped whitespace with them", () => {
    expect(unescapeNull("a\x00*b\x00 c\x00\nd")).toBe("a*bcd");
    expect(unescapeNull("a\x00*b", true)).toBe("a\\*b");
  });

  it("splits at escaped whitespace", () => {
    expect(splitEscapedWhitespace("a\x00 b\x00\nc d")).toEqual(["a", "b", "c d"]);
  });
});

describe("findEmbeddedLink", () => {
  it("finds <target> at the end after whitespace", () => {
    expect(findEmbeddedLink("text <uri>")).toEqual({ start: 4, whole: " <uri>", content: "uri" });
    expect(findEmbeddedLink("<uri>")).toEqual({ start: 0, whole: "<uri>", content: "uri" });
    expect(findEmbeddedLink("a\n  <b c>")).toEqual({ start: 1, whole: "\n  <b c>", content: "b c" });
  });

  it("accepts escaped angle brackets inside", () => {
    expect(findEmbeddedLink("x <a\x00<b\x00>c>")?.content).toBe("a\x00<b\x00>c");
  });

  it("rejects missing whitespace, inner whitespace at the edges, empty content and escaped ends", () => {
    for (const s of ["x<uri>", "x < uri>", "x <uri >", "x <>", "x <uri\x00>", "x <a<b>", "x <a>b>", "uri>"]) {
      expect(findEmbeddedLink(s)).toBeNull();
    }
  });
});
