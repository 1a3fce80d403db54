import { describe, expect, it } from "vitest";
import { htmlTokens, normalizePseudoXml, similarity } from "../rst/testing/compare.ts";

describe("conformance comparison rules", () => {
  it("drops trailing spaces and trailing empty lines of pseudo-XML", () => {
    expect(normalizePseudoXml("<a>  \n    b \n\n\n")).toEqual(["<a>", "    b"]);
  });
  it("sorts attributes, collapses whitespace outside pre and keeps it inside", () => {
    expect(htmlTokens('<p class="x" id="y">a\n  b</p><pre>a\n  b</pre>')).toEqual(
      htmlTokens('<p id="y" class="x">a b</p>\n<pre>a\n  b</pre>'),
    );
    expect(htmlTokens("<pre>a  b</pre>")).not.toEqual(htmlTokens("<pre>a b</pre>"));
  });
  it("decodes entities before comparing", () => {
    expect(htmlTokens("<p>&lt;&#60;&#x3c;</p>")).toEqual(htmlTokens("<p>&lt;&lt;&lt;</p>"));
  });
  it("measures similarity between 0 and 1", () => {
    expect(similarity(["a", "b"], ["a", "b"])).toBe(1);
    expect(similarity(["a", "b", "c", "d"], ["a", "x", "c", "d"])).toBeCloseTo(0.75);
    expect(similarity(["a"], ["b"])).toBe(0);
  });
});
