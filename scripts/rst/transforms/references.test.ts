import { describe, expect, it } from "vitest";
import { expected, transform } from "./test-helpers.ts";

describe("hyperlink transforms", () => {
  it("resolves a named reference to an external target", () => {
    expect(
      transform(`
        <document source="test data">
            <paragraph>
                <reference name="link" refname="link">
                    link
            <target ids="link" names="link" refuri="http://example.org">
      `),
    ).toBe(
      expected(`
        <document source="test data">
            <paragraph>
                <reference name="link" refuri="http://example.org">
                    link
            <target ids="link" names="link" refuri="http://example.org">
      `),
    );
  });

  it("propagates an internal target to the next element and resolves references to it", () => {
    expect(
      transform(`
        <document source="test data">
            <paragraph>
                <reference name="here" refname="here">
                    here
            <target ids="here" names="here">
            <paragraph>
                Target paragraph.
      `),
    ).toBe(
      expected(`
        <document source="test data">
            <paragraph>
                <reference name="here" refid="here">
                    here
            <target refid="here">
            <paragraph ids="here" names="here">
                Target paragraph.
      `),
    );
  });

  it("follows chains of indirect targets", () => {
    expect(
      transform(`
        <document source="test data">
            <paragraph>
                <reference name="a" refname="a">
                    a
            <target ids="a" names="a" refname="b">
            <target ids="b" names="b" refuri="http://b.example">
      `),
    ).toBe(
      expected(`
        <document source="test data">
            <paragraph>
                <reference name="a" refuri="http://b.example">
                    a
            <target ids="a" names="a" refuri="http://b.example">
            <target ids="b" names="b" refuri="http://b.example">
      `),
    );
  });

  it("reports circular indirect targets and replaces their references", () => {
    const out = transform(
      `
        <document source="test data">
            <paragraph>
                <reference name="x" refname="x">
                    x
            <target ids="x" names="x" refname="y">
            <target ids="y" names="y" refname="x">
      `,
      "x_\n\n.. _x: y_\n.. _y: x_\n",
    );
    expect(out).toContain('<problematic ids="problematic-1" refid="system-message-1">');
    expect(out).toContain("x_");
    expect(out).toContain('<problematic ids="problematic-2 y" names="y" refid="system-message-1">');
    expect(out).toContain(".. _y: x_");
  });

  it("pairs anonymous references and targets in order", () => {
    expect(
      transform(`
        <document source="test data">
            <paragraph>
                <reference anonymous="1" name="one">
                    one
                <reference anonymous="1" name="two">
                    two
            <target anonymous="1" ids="target-1" refuri="http://1.example">
            <target anonymous="1" ids="target-2" refuri="http://2.example">
      `),
    ).toBe(
      expected(`
        <document source="test data">
            <paragraph>
                <reference anonymous="1" name="one" refuri="http://1.example">
                    one
                <reference anonymous="1" name="two" refuri="http://2.example">
                    two
            <target anonymous="1" ids="target-1" refuri="http://1.example">
            <target anonymous="1" ids="target-2" refuri="http://2.example">
      `),
    );
  });

  it("turns references on an anonymous mismatch into problematic nodes", () => {
    const out = transform(
      `
        <document source="test data">
            <paragraph>
                <reference anonymous="1" name="one">
                    one
      `,
      "one__\n",
    );
    expect(out).toBe(
      expected(`
        <document source="test data">
            <paragraph>
                <problematic ids="problematic-1" refid="system-message-1">
                    one__
      `),
    );
  });

  it("replaces unknown references by problematic nodes (the message is not in the doctree)", () => {
    expect(
      transform(
        `
          <document source="test data">
              <paragraph>
                  <reference name="nowhere" refname="nowhere">
                      nowhere
        `,
        "nowhere_\n",
      ),
    ).toBe(
      expected(`
        <document source="test data">
            <paragraph>
                <problematic ids="problematic-1" refid="system-message-1">
                    nowhere_
      `),
    );
  });

  it("notes unreferenced targets with an INFO message", async () => {
    const { read } = await import("./test-helpers.ts");
    const { applyTransforms } = await import("./index.ts");
    const doc = read(`
      <document source="test data">
          <target ids="lonely" names="lonely" refuri="http://example.org">
    `);
    applyTransforms(doc);
    const texts = doc.transformMessages.map((m) => m.astext());
    expect(texts).toContain('Hyperlink target "lonely" is not referenced.');
  });
});

describe("footnotes", () => {
  it("numbers auto-numbered footnotes and links references both ways", () => {
    expect(
      transform(`
        <document source="test data">
            <paragraph>
                <footnote_reference auto="1" ids="footnote-reference-1">
            <footnote auto="1" ids="footnote-1">
                <paragraph>
                    Note.
      `),
    ).toBe(
      expected(`
        <document source="test data">
            <paragraph>
                <footnote_reference auto="1" ids="footnote-reference-1" refid="footnote-1">
                    1
            <footnote auto="1" backrefs="footnote-reference-1" ids="footnote-1" names="1">
                <label>
                    1
                <paragraph>
                    Note.
      `),
    );
  });

  it("skips numbers used as labels of manually numbered footnotes", () => {
    const out = transform(`
      <document source="test data">
          <footnote ids="footnote-1" names="1">
              <label>
                  1
              <paragraph>
                  Manual.
          <footnote auto="1" ids="footnote-2">
              <paragraph>
                  Auto.
    `);
    expect(out).toContain('<footnote auto="1" ids="footnote-2" names="2">');
  });

  it("gives symbol footnotes docutils' symbols", () => {
    const out = transform(`
      <document source="test data">
          <paragraph>
              <footnote_reference auto="*" ids="footnote-reference-1">
          <footnote auto="*" ids="footnote-1">
              <paragraph>
                  Star.
          <footnote auto="*" ids="footnote-2">
              <paragraph>
                  Dagger.
    `);
    expect(out).toContain("<footnote_reference auto=\"*\" ids=\"footnote-reference-1\" refid=\"footnote-1\">\n            *\n");
    expect(out).toContain("<label>\n            \u2020\n");
  });

  it("resolves citation references", () => {
    const out = transform(`
      <document source="test data">
          <paragraph>
              <citation_reference ids="citation-reference-1" refname="cit">
                  CIT
          <citation ids="cit" names="cit">
              <label>
                  CIT
              <paragraph>
                  Book.
    `);
    expect(out).toContain('<citation_reference ids="citation-reference-1" refid="cit">');
    expect(out).toContain('<citation backrefs="citation-reference-1" ids="cit" names="cit">');
  });
});

describe("substitutions", () => {
  it("replaces references by the definition's content, nested ones too", () => {
    expect(
      transform(`
        <document source="test data">
            <paragraph>
                <substitution_reference refname="a">
                    a
            <substitution_definition names="a">
                x 
                <substitution_reference refname="b">
                    b
            <substitution_definition names="b">
                y
      `),
    ).toBe(
      expected(`
        <document source="test data">
            <paragraph>
                x 
                y
            <substitution_definition names="a">
                x 
                y
            <substitution_definition names="b">
                y
      `),
    );
  });

  it("matches names case-insensitively when there is no exact match", () => {
    const out = transform(`
      <document source="test data">
          <paragraph>
              <substitution_reference refname="Name">
                  Name
          <substitution_definition names="name">
              value
    `);
    expect(out).toContain("<paragraph>\n        value\n");
  });

  it("reports circular definitions at the definition's line", async () => {
    const { read } = await import("./test-helpers.ts");
    const { applyTransforms } = await import("./index.ts");
    const { pformat } = await import("../pformat.ts");
    const doc = read(
      `
        <document source="test data">
            <substitution_definition names="sub">
                <substitution_reference refname="sub">
                    sub
      `,
      ".. |sub| replace:: |sub|\n",
    );
    doc.findAll("substitution_definition")[0].line = 1;
    applyTransforms(doc);
    const out = pformat(doc);
    expect(out).toContain('<system_message level="3" line="1" names="sub" source="test data" type="ERROR">');
    expect(out).toContain("Circular substitution definition detected:");
    expect(out).toContain(".. |sub| replace:: |sub|");
  });

  it("turns undefined substitutions into problematic nodes", () => {
    const out = transform(
      `
        <document source="test data">
            <paragraph>
                <substitution_reference refname="nope">
                    nope
      `,
      "|nope|\n",
    );
    expect(out).toContain('<problematic ids="problematic-1" refid="system-message-1">\n            |nope|');
  });
});

describe("unknown names that look like embedded references", () => {
  it("explain why the <...> part was not taken as an embedded URI or alias", async () => {
    const { embeddingHint } = await import("./dangling-references.ts");
    const q = "Did you want to embed a URI or alias?";
    expect(embeddingHint("plain name")).toBe(null);
    expect(embeddingHint("link <address >")).toBe(`${q}\nWhitespace around the embedded reference is not allowed.`);
    expect(embeddingHint("link < address>")).toBe(`${q}\nWhitespace around the embedded reference is not allowed.`);
    expect(embeddingHint("link <address> e")).toBe(`${q}\nThe embedded reference must be the last text before the end string.`);
    expect(embeddingHint("link<address>")).toBe(`${q}\nThe embedded reference must be preceded by whitespace.`);
    expect(embeddingHint("link <address")).toBe(`${q}\nClosing bracket missing.`);
    expect(embeddingHint("link address>")).toBe(`${q}\nOpening bracket missing.`);
    expect(embeddingHint("html anchors: <a>")).toBe(q);
  });
});

describe("nested substitutions", () => {
  it("expands a definition used twice by another without calling it circular", async () => {
    const { parse } = await import("../index.ts");
    const { applyTransforms } = await import("./index.ts");
    const { pformat } = await import("../pformat.ts");
    const doc = parse("|a|\n\n.. |a| replace:: |b| |b|\n.. |b| replace:: x\n", { source: "test data" });
    applyTransforms(doc);
    const out = pformat(doc);
    expect(out).not.toContain("Circular");
    expect(out.split("\n").slice(0, 5).map((l) => l.trimEnd())).toEqual([
      '<document source="test data">',
      "    <paragraph>",
      "        x",
      "",
      "        x",
    ]);
  });

  it("stops definitions that double at every level instead of expanding without end", async () => {
    const { parse } = await import("../index.ts");
    const { applyTransforms } = await import("./index.ts");
    let text = "|b0|\n\n";
    for (let i = 0; i < 40; i++) text += `.. |b${i}| replace:: |b${i + 1}| |c${i + 1}|\n.. |c${i}| replace:: |b${i + 1}| |c${i + 1}|\n`;
    text += ".. |b40| replace:: x\n.. |c40| replace:: y\n";
    const doc = parse(text, { source: "test data" });
    applyTransforms(doc);
    expect(doc.transformMessages.some((m) => m.astext().includes("exceeds the line-length-limit"))).toBe(true);
  });
});
