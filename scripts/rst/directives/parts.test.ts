import { describe, expect, it } from "vitest";
import { parse } from "../index.ts";
import { lines, px } from "./test-helpers.ts";

describe("contents", () => {
  it("a topic with a title and a pending Contents transform carrying the options", () => {
    expect(px(".. contents:: Overview\n   :depth: 2\n   :backlinks: top")).toBe(
      lines(
        '<topic classes="contents" ids="overview" names="overview">',
        "    <title>",
        "        Overview",
        "    <pending>",
        "        .. internal attributes:",
        "             .transform: docutils.transforms.parts.Contents",
        "             .details:",
        "               backlinks: 'top'",
        "               depth: 2",
      ),
    );
  });

  it("local contents have no title; the pending node is registered with priority 720", () => {
    const doc = parse(".. contents::\n   :local:", { source: "test data" });
    expect(doc.pending.map((p) => p.priority)).toEqual([720]);
    expect(doc.pending[0].node.details).toEqual({ local: null });
    expect(px(".. contents::\n   :local:")).toMatch(/^<topic classes="contents local" ids="contents" names="contents">\n {4}<pending>/);
  });
});

describe("sectnum, header, footer, target-notes", () => {
  it("sectnum leaves its options for the SectNum transform", () => {
    const doc = parse(".. sectnum::\n   :depth: 2\n   :suffix: .", { source: "test data" });
    expect(doc.pending[0].node.transform).toBe("docutils.transforms.parts.SectNum");
    expect(doc.pending[0].node.details).toEqual({ depth: 2, suffix: "." });
    expect(doc.pending[0].priority).toBe(710);
  });

  it("header and footer fill the decoration, header first", () => {
    expect(px(".. footer:: F\n.. header:: H")).toBe(
      lines("<decoration>", "    <header>", "        <paragraph>", "            H", "    <footer>", "        <paragraph>", "            F"),
    );
  });

  it("target-notes: a pending TargetNotes transform with priority 540", () => {
    const doc = parse(".. target-notes::\n   :class: small", { source: "test data" });
    expect(doc.pending[0].node.transform).toBe("docutils.transforms.references.TargetNotes");
    expect(doc.pending[0].node.details).toEqual({ class: ["small"] });
    expect(doc.pending[0].priority).toBe(540);
  });
});
