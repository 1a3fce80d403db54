import { describe, expect, it } from "vitest";
import { expected, transform } from "./test-helpers.ts";

/** Two sections (one with a subsection), indented to stand as children of a document at `pad`. */
const sections = (pad: string) =>
  [
    '<section ids="one" names="one">',
    "    <title>",
    "        One",
    '    <section ids="one-a" names="one\\ a">',
    "        <title>",
    "            One A",
    '<section ids="two" names="two">',
    "    <title>",
    "        Two",
  ]
    .map((l) => "\n" + pad + l)
    .join("");

describe("Contents", () => {
  it("builds nested entries with backlinks from the titles", () => {
    expect(
      transform(`
        <document source="test data">
            <topic classes="contents" ids="contents" names="contents">
                <title>
                    Contents
                <pending>
                    .. internal attributes:
                         .transform: docutils.transforms.parts.Contents
                         .details:
            <paragraph>
                Before.${sections("            ")}
      `),
    ).toBe(
      expected(`
        <document source="test data">
            <topic classes="contents" ids="contents" names="contents">
                <title>
                    Contents
                <bullet_list>
                    <list_item>
                        <paragraph>
                            <reference ids="toc-entry-1" refid="one">
                                One
                        <bullet_list>
                            <list_item>
                                <paragraph>
                                    <reference ids="toc-entry-2" refid="one-a">
                                        One A
                    <list_item>
                        <paragraph>
                            <reference ids="toc-entry-3" refid="two">
                                Two
            <paragraph>
                Before.
            <section ids="one" names="one">
                <title refid="toc-entry-1">
                    One
                <section ids="one-a" names="one\\ a">
                    <title refid="toc-entry-2">
                        One A
            <section ids="two" names="two">
                <title refid="toc-entry-3">
                    Two
      `),
    );
  });

  it("respects depth and backlinks: none", () => {
    const out = transform(`
      <document source="test data">
          <topic classes="contents" ids="contents" names="contents">
              <pending>
                  .. internal attributes:
                       .transform: docutils.transforms.parts.Contents
                       .details:
                         backlinks: None
                         depth: 1
          <paragraph>
              Before.${sections("          ")}
    `);
    expect(out).not.toContain('refid="one-a"');
    expect(out).not.toContain("<title refid=");
  });

  it("removes an empty table of contents", () => {
    expect(
      transform(`
        <document source="test data">
            <topic classes="contents" ids="contents" names="contents">
                <pending>
                    .. internal attributes:
                         .transform: docutils.transforms.parts.Contents
                         .details:
            <paragraph>
                No sections.
      `),
    ).toBe(
      expected(`
        <document source="test data">
            <paragraph>
                No sections.
      `),
    );
  });
});

describe("SectNum", () => {
  it("numbers sections with prefix, suffix and start", () => {
    const out = transform(`
      <document source="test data">
          <pending>
              .. internal attributes:
                   .transform: docutils.transforms.parts.SectNum
                   .details:
                     prefix: 'P'
                     start: 3
                     suffix: ')'
          <paragraph>
              Before.${sections("          ")}
    `);
    expect(out).toContain('<title auto="1">\n            <generated classes="sectnum">\n                P3)\u00a0\u00a0\u00a0\n            One');
    expect(out).toContain("P3.1)\u00a0\u00a0\u00a0");
    expect(out).toContain("P4)\u00a0\u00a0\u00a0");
    expect(out).not.toContain("<pending>");
  });
});
