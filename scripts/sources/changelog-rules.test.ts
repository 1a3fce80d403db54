// The changelog's title grammar: a release title is exactly
// `[<words> in ]<version>[ (<date>)]`, underlined with `=`; anything looser is
// an error at its line, so that a malformed title can never change the version
// the build publishes.
import { describe, expect, it } from "vitest";
import { newestEntry, parseChangelog } from "./changelog.ts";

const log = (...lines: string[]) => parseChangelog(lines.join("\n") + "\n", "CHANGELOG.rst");
const codes = (...lines: string[]) => log(...lines).diagnostics.map((d) => `${d.code} ${d.line}`);
const release = (title: string, char = "=") => [title, char.repeat(title.length), "", "- A change.", ""];

describe("changelog release titles", () => {
  it("accept the forms the specification's history has used", () => {
    for (const title of ["Specification changes in v0.2.0 (2015-10-02)", "Changes in r0.6.0 (2019-11-06)", "r0.6.0", "v1.0.0 (2020-01-01)"]) {
      expect(codes(...release(title)), title).toEqual([]);
    }
    expect(newestEntry(log(...release("Unreleased changes"), ...release("r0.2.0")))?.version).toBe("r0.2.0");
  });

  it("reject junk around the version, a path in it, two dates and absurd numbers, at the title's line", () => {
    for (const title of [
      "Random junk v0.2.0 words (2015-10-02) trailing junk",
      "Specification changes in v0.2.0/../x (2015-10-02)",
      "Specification changes in v0.2.0 (2015-10-02) (2015-10-03)",
      "Specification changes in v99999999999999999999.0.0",
    ]) {
      const parsed = log("", ...release(title));
      expect(parsed.diagnostics.map((d) => `${d.code} ${d.line}`), title).toEqual(["changelog-title 2"]);
      expect(parsed.entries, title).toEqual([]);
    }
  });

  it("reject a release title at the wrong level or with an overline", () => {
    const wrongLevel = codes(...release("Specification changes in v0.2.0 (2015-10-02)", "-"), ...release("Specification changes in v0.1.0 (2015-06-01)"));
    expect(wrongLevel).toContain("changelog-title-level 2");
    const over = "=".repeat(44);
    expect(codes(over, "Specification changes in v0.2.0 (2015-10-02)", over, "", "- A change.")).toContain("changelog-title-level 1");
  });

  it("report the text of a release whose title was deleted, so an older version is not published instead", () => {
    const parsed = log(".. A comment.", "", "- A change of the deleted release.", "", ...release("Specification changes in v0.1.0 (2015-06-01)"));
    expect(parsed.diagnostics.map((d) => `${d.code} ${d.line}`)).toEqual(["changelog-stray-text 3"]);
  });
});
