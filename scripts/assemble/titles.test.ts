import { describe, expect, it } from "vitest";
import { MappedText } from "../diagnostics/line-map.ts";
import { findTitles, resolveRelativeTitles, shiftTitles } from "./titles.ts";

const STYLES = ["=", "-", "~", "+"];
const REL = { subtitle: "<", sametitle: "/", supertitle: ">" };

describe("shiftTitles", () => {
  it("moves every title of a file down by its depth", () => {
    const lines = ["Top", "===", "", "text", "", "Sub", "---", "", "Subsub", "~~~~~~"];
    expect(shiftTitles(lines, "a.rst", 1, STYLES)).toEqual([]);
    expect(lines[1]).toBe("---");
    expect(lines[6]).toBe("~~~");
    expect(lines[9]).toBe("++++++");
  });

  it("shifts overlines together with underlines", () => {
    const lines = ["=====", "Title", "=====", "", "body"];
    expect(shiftTitles(lines, "a.rst", 1, STYLES)).toEqual([]);
    expect(lines[0]).toBe("-----");
    expect(lines[2]).toBe("-----");
  });

  it("leaves transitions, indented literal text and short lines alone", () => {
    const lines = ["para", "", "-----", "", "::", "", "    code", "    ----", "", "ab", "--"];
    expect(shiftTitles(lines, "a.rst", 1, STYLES)).toEqual([]);
    expect(lines).toEqual(["para", "", "-----", "", "::", "", "    code", "    ----", "", "ab", "--"]);
  });

  it("reports a jump of more than one level down at the title's line", () => {
    const lines = ["Top", "===", "", "Deep", "~~~~"];
    const d = shiftTitles(lines, "spec/a.rst", 0, STYLES);
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ code: "title-level-jump", file: "spec/a.rst", line: 5 });
  });

  it("reports a title that would need more levels than title_styles has", () => {
    const lines = ["Top", "===", "", "Sub", "---", "", "Subsub", "~~~~~~"];
    const d = shiftTitles(lines, "a.rst", 2, STYLES);
    expect(d.map((x) => [x.code, x.line])).toEqual([["title-too-deep", 8]]);
  });

  it("reports an underline character that is not a title style", () => {
    const d = shiftTitles(["Top", "***"], "a.rst", 0, STYLES);
    expect(d[0]).toMatchObject({ code: "title-style-unknown", line: 2 });
  });

  it("finds titles only where the underline is at least as long as the title", () => {
    expect(findTitles(["Long title", "---"])).toEqual([]);
    expect(findTitles(["Title", "-----"]).length).toBe(1);
  });
});

describe("resolveRelativeTitles", () => {
  const mapped = (lines: string[]) => new MappedText(lines, lines.map((_, i) => ({ file: "x.rst", line: i + 1 })));

  it("resolves sub-, same- and super-titles against the last real title, never against another relative one", () => {
    const text = mapped(["Section", "-------", "", "GET /a", "<<<<<<", "", "Request", "<<<<<<<", "", "GET /b", ">>>>>>", "", "POST /c", "///////", "", "Real", "~~~~", "", "Sub", "<<<"]);
    expect(resolveRelativeTitles(text, STYLES, REL)).toEqual([]);
    expect(text.lines[4]).toBe("~~~~~~");
    expect(text.lines[7]).toBe("~~~~~~~");
    expect(text.lines[10]).toBe("======");
    expect(text.lines[13]).toBe("-------");
    expect(text.lines[19]).toBe("+++");
  });

  it("makes consecutive generated sections under one title siblings (one variable after another)", () => {
    const text = mapped(["Room Events", "-----------", "", "m.room.aliases", "<<<<<<<<<<<<<<", "", "text", "", "m.room.canonical_alias", "<<<<<<<<<<<<<<<<<<<<<<", "", "m.room.create", "<<<<<<<<<<<<<", "", "m.room.join_rules", "<<<<<<<<<<<<<<<<<", "", "m.room.member", "<<<<<<<<<<<<<", "", "m.room.power_levels", "<<<<<<<<<<<<<<<<<<<"]);
    expect(resolveRelativeTitles(text, STYLES, REL)).toEqual([]);
    expect([4, 9, 12, 15, 18, 21].map((i) => text.lines[i][0])).toEqual(["~", "~", "~", "~", "~", "~"]);
  });

  it("reports a generated title deeper than the title styles allow, at its origin", () => {
    const text = mapped(["Deep", "++++", "", "Deeper", "<<<<<<"]);
    const d = resolveRelativeTitles(text, STYLES, REL);
    expect(d[0]).toMatchObject({ code: "title-too-deep", file: "x.rst", line: 5 });
  });
});
