import { describe, expect, it } from "vitest";
import { expected, read, transform } from "./test-helpers.ts";
import { applyTransforms, applyWriterTransforms } from "./index.ts";
import { pformat } from "../pformat.ts";

describe("ClassAttribute", () => {
  it("adds the classes to the next visible element", () => {
    expect(
      transform(`
        <document source="test data">
            <pending>
                .. internal attributes:
                     .transform: docutils.transforms.misc.ClassAttribute
                     .details:
                       class: ['special']
                       directive: 'class'
            <comment xml:space="preserve">
                skipped
            <paragraph>
                Styled.
      `),
    ).toBe(
      expected(`
        <document source="test data">
            <comment xml:space="preserve">
                skipped
            <paragraph classes="special">
                Styled.
      `),
    );
  });
});

describe("Transitions", () => {
  it("moves a transition that ends a section after the section", () => {
    expect(
      transform(`
        <document source="test data">
            <section ids="a" names="a">
                <title>
                    A
                <paragraph>
                    Text.
                <transition>
            <section ids="b" names="b">
                <title>
                    B
                <paragraph>
                    Text.
      `),
    ).toBe(
      expected(`
        <document source="test data">
            <section ids="a" names="a">
                <title>
                    A
                <paragraph>
                    Text.
            <transition>
            <section ids="b" names="b">
                <title>
                    B
                <paragraph>
                    Text.
      `),
    );
  });

  it("warns about transitions at the start and end of the document and adjacent ones", () => {
    const doc = read(`
      <document source="test data">
          <transition>
          <paragraph>
              Text.
          <transition>
          <transition>
    `);
    doc.findAll("transition").forEach((t, i) => (t.line = [1, 5, 7][i]));
    applyTransforms(doc);
    const out = pformat(doc);
    expect(out).toContain('line="1" source="test data" type="WARNING">\n        <paragraph>\n            Transition at the start of the document.');
    expect(out).toContain('line="7" source="test data" type="WARNING">\n        <paragraph>\n            At least one body element should separate transitions.');
    expect(out).toContain("Transition at the end of the document.");
  });
});

describe("Transitions and invisible elements", () => {
  it("counts a transition after only targets as the document's start, and one before only targets as its end", () => {
    const out = transform(`
      <document source="test data">
          <target ids="a" names="a" refuri="http://a">
          <transition>
          <paragraph>
              Text.
          <transition>
          <target ids="b" names="b" refuri="http://b">
    `);
    expect(out).toContain("Transition at the start of the document.");
    expect(out).toContain("Transition at the end of the document.");
  });

  it("does not count a comment as invisible", () => {
    const out = transform(`
      <document source="test data">
          <paragraph>
              Text.
          <transition>
          <comment xml:space="preserve">
              c
    `);
    expect(out).not.toContain("Transition at the end");
  });
});

describe("writer transforms", () => {
  it("collect unattached transform messages in a final section and drop those below WARNING", () => {
    const doc = read(
      `
        <document source="test data">
            <paragraph>
                <reference name="nowhere" refname="nowhere">
                    nowhere
            <target ids="unused" names="unused" refuri="http://example.org">
      `,
      "nowhere_\n\n.. _unused: http://example.org\n",
    );
    applyTransforms(doc);
    applyWriterTransforms(doc);
    const out = pformat(doc);
    expect(out).toContain('<section classes="system-messages">\n        <title>\n            Docutils System Messages');
    expect(out).toContain('Unknown target name: "nowhere".');
    expect(out).not.toContain("is not referenced");
  });

  it("turns problematic nodes whose message was filtered out into text", () => {
    const doc = read(`
      <document source="test data">
          <paragraph>
              <problematic ids="problematic-1" refid="system-message-1">
                  oops
          <system_message backrefs="problematic-1" ids="system-message-1" level="1" line="1" source="test data" type="INFO">
              <paragraph>
                  Minor.
    `);
    applyWriterTransforms(doc);
    expect(pformat(doc)).toBe('<document source="test data">\n    <paragraph>\n        oops\n');
  });
});

describe("settings-driven transforms (off by default)", () => {
  const src = `
    <document source="test data">
        <paragraph classes="keep drop">
            A
        <paragraph classes="gone">
            B
  `;
  it("StripClassesAndElements removes listed elements and classes only when asked", () => {
    const doc = read(src);
    applyWriterTransforms(doc);
    expect(pformat(doc)).toContain('<paragraph classes="gone">');
    const doc2 = read(src);
    doc2.settings.stripElementsWithClasses = ["gone"];
    doc2.settings.stripClasses = ["drop"];
    applyWriterTransforms(doc2);
    expect(pformat(doc2)).toBe('<document source="test data">\n    <paragraph classes="keep">\n        A\n');
  });

  it("ExposeInternals copies internal values into attributes when asked", () => {
    const doc = read(src);
    doc.settings.exposeInternals = ["line"];
    (doc.children[0] as import("../nodes.ts").Element).line = 7;
    applyTransforms(doc);
    expect(pformat(doc)).toContain('<paragraph classes="keep drop" internal:line="7">');
  });
});
