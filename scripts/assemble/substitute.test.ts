import { describe, expect, it } from "vitest";
import { MappedText } from "../diagnostics/line-map.ts";
import { substituteVariables, usedVariables } from "./substitute.ts";

const mapped = (lines: string[]) => new MappedText(lines, lines.map((_, i) => ({ file: "specification/a.rst", line: i + 1 })));

describe("substituteVariables", () => {
  it("replaces a block variable with its lines, indented like the placeholder, keeping their origins", () => {
    const { text, diagnostics } = substituteVariables(mapped(["Intro", "", "  {{ block }}", "", "end"]), (name) =>
      name === "block" ? { text: "one\n\ntwo\n", origins: [{ file: "api/x.yaml", line: 7 }, undefined, { file: "api/x.yaml", line: 9 }] } : undefined,
    );
    expect(diagnostics).toEqual([]);
    expect(text.lines).toEqual(["Intro", "", "  one", "", "  two", "", "end"]);
    expect(text.origins[2]).toEqual({ file: "api/x.yaml", line: 7 });
    expect(text.origins[3]).toEqual({ file: "specification/a.rst", line: 3 });
  });

  it("replaces inline variables", () => {
    const { text } = substituteVariables(mapped(["Version {{spec_version}} ({{ git_rev }})"]), (n) => ({ text: n === "spec_version" ? "v0.2.0" : "abc123" }));
    expect(text.lines).toEqual(["Version v0.2.0 (abc123)"]);
  });

  it("reports an unknown variable at its file, line and column", () => {
    const { diagnostics } = substituteVariables(mapped(["a", "see {{ nope }} here"]), () => undefined);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: "unknown-variable", file: "specification/a.rst", line: 2, column: 5 });
  });

  it("lists the variables a text uses", () => {
    expect(usedVariables("{{a}} x {{ b }}\n{{a}}")).toEqual(["a", "b"]);
  });
});
