import { describe, expect, it } from "vitest";
import { lines, px } from "./test-helpers.ts";

describe("admonitions", () => {
  it("specific admonitions hold body elements, content may start on the first line", () => {
    expect(px(".. DANGER:: Mad scientist at work!\n\n   Second paragraph.")).toBe(
      lines("<danger>", "    <paragraph>", "        Mad scientist at work!", "    <paragraph>", "        Second paragraph."),
    );
  });

  it("the generic admonition takes a title and a class made from it", () => {
    expect(px(".. admonition:: By the way\n\n   text")).toBe(
      lines("<admonition classes=\"admonition-by-the-way\">", "    <title>", "        By the way", "    <paragraph>", "        text"),
    );
  });

  it("class and name options", () => {
    expect(px(".. note::\n   :class: special\n   :name: My Note\n\n   text")).toBe(
      lines('<note classes="special" ids="my-note" names="my\\ note">', "    <paragraph>", "        text"),
    );
  });

  it("content is required", () => {
    expect(px(".. tip::")).toBe(
      lines(
        '<system_message level="3" line="1" source="test data" type="ERROR">',
        "    <paragraph>",
        '        Content block expected for the "tip" directive; none found.',
        '    <literal_block xml:space="preserve">',
        "        .. tip::",
      ),
    );
  });
});
