import { describe, expect, it } from "vitest";
import { lines, px } from "./test-helpers.ts";

describe("image", () => {
  it("options become attributes; the URI loses unescaped whitespace", () => {
    expect(px(".. image:: my picture.png\n   :alt: A picture\n   :width: 50 %\n   :height: 3em\n   :scale: 80\n   :align: right")).toBe(
      '<image align="right" alt="A picture" height="3em" scale="80" uri="mypicture.png" width="50%">',
    );
  });

  it("a target makes the image a reference (URI or reference name)", () => {
    expect(px(".. image:: a.png\n   :target: https://example.org/")).toBe(
      lines('<reference refuri="https://example.org/">', '    <image uri="a.png">'),
    );
    expect(px(".. image:: a.png\n   :target: `Some Name`_")).toBe(
      lines('<reference refname="some name">', '    <image uri="a.png">'),
    );
  });

  it("vertical alignments only in substitution definitions", () => {
    expect(px(".. image:: a.png\n   :align: middle")).toContain(
      'Error in "image" directive: "middle" is not a valid value for the "align" option.  Valid values for "align" are: "left", "center", "right".',
    );
    expect(px(".. |a| image:: a.png\n   :align: middle")).toBe(
      lines('<substitution_definition names="a">', '    <image align="middle" alt="a" uri="a.png">'),
    );
  });

  it("bad option values are reported with docutils' messages", () => {
    expect(px(".. image:: a.png\n   :scale: -5")).toContain("negative value; must be positive or zero.");
  });
});

describe("figure", () => {
  it("caption, legend and figure options", () => {
    expect(px(".. figure:: a.png\n   :figwidth: 300\n   :figclass: wide\n   :align: center\n\n   The caption.\n\n   The legend.")).toBe(
      lines(
        '<figure align="center" classes="wide" width="300px">',
        '    <image uri="a.png">',
        "    <caption>",
        "        The caption.",
        "    <legend>",
        "        <paragraph>",
        "            The legend.",
      ),
    );
  });

  it("an empty comment replaces the caption; other elements are an error", () => {
    expect(px(".. figure:: a.png\n\n   ..\n\n   Legend only.")).toBe(
      lines('<figure>', '    <image uri="a.png">', "    <legend>", "        <paragraph>", "            Legend only."),
    );
    expect(px(".. figure:: a.png\n\n   - a list")).toContain("Figure caption must be a paragraph or empty comment.");
  });

  it("a figure without caption or legend is warned about", () => {
    expect(px(".. figure:: a.png")).toBe(
      lines(
        "<figure>",
        '    <image uri="a.png">',
        '<system_message level="2" line="1" source="test data" type="WARNING">',
        "    <paragraph>",
        "        Figure without caption and legend.",
        "    <paragraph>",
        '        Try the "image" directive (or cheat with an empty comment).',
      ),
    );
  });
});
