import { describe, expect, it } from "vitest";
import { expected, read, transform } from "./test-helpers.ts";
import { applyTransforms } from "./index.ts";

describe("DocTitle", () => {
  it("promotes a lone section's title to the document title, and a lone subsection to the subtitle", () => {
    expect(
      transform(`
        <document source="test data">
            <section ids="title" names="title">
                <title>
                    Title
                <section ids="sub" names="sub">
                    <title>
                        Sub
                    <paragraph>
                        Text.
      `),
    ).toBe(
      expected(`
        <document ids="title" names="title" source="test data" title="Title">
            <title>
                Title
            <subtitle ids="sub" names="sub">
                Sub
            <paragraph>
                Text.
      `),
    );
  });

  it("leaves the sections alone when body elements precede them", () => {
    const src = `
      <document source="test data">
          <paragraph>
              Intro.
          <section ids="a" names="a">
              <title>
                  A
    `;
    expect(transform(src)).toBe(expected(src));
  });

  it("keeps the title set by the title directive", () => {
    const out = transform(`
      <document source="test data" title="Other">
          <section ids="t" names="t">
              <title>
                  T
    `);
    expect(out.split("\n")[0]).toBe('<document ids="t" names="t" source="test data" title="Other">');
  });
});

describe("DocInfo", () => {
  it("turns known bibliographic fields into docinfo elements and keeps others as fields", () => {
    expect(
      transform(`
        <document source="test data">
            <field_list>
                <field>
                    <field_name>
                        Author
                    <field_body>
                        <paragraph>
                            Me
                <field>
                    <field_name>
                        Date
                    <field_body>
                        <paragraph>
                            $Date: 2002-08-20 12:00:00 $
                <field>
                    <field_name>
                        Other Thing
                    <field_body>
                        <paragraph>
                            x
      `),
    ).toBe(
      expected(`
        <document source="test data">
            <docinfo>
                <author>
                    Me
                <date>
                    2002-08-20
                <field classes="other-thing">
                    <field_name>
                        Other Thing
                    <field_body>
                        <paragraph>
                            x
      `),
    );
  });

  it("splits authors on semicolons first, then commas", () => {
    const out = transform(`
      <document source="test data">
          <field_list>
              <field>
                  <field_name>
                      Authors
                  <field_body>
                      <paragraph>
                          A, B; C
    `);
    expect(out).toContain("<authors>\n            <author>\n                A, B\n            <author>\n                C\n");
  });

  it("moves Abstract into a topic after the docinfo and warns about an empty field", () => {
    const doc = read(`
      <document source="test data">
          <field_list>
              <field>
                  <field_name>
                      Abstract
                  <field_body>
                      <paragraph>
                          Summary.
              <field>
                  <field_name>
                      Version
                  <field_body>
    `);
    doc.findAll("field")[1].line = 3;
    applyTransforms(doc);
    const { pformat } = require_pformat();
    const out = pformat(doc);
    expect(out).toContain('<topic classes="abstract">\n        <title>\n            Abstract\n');
    expect(out).toContain('<system_message level="2" line="3" source="test data" type="WARNING">');
    expect(out).toContain('Cannot extract empty bibliographic field "Version".');
    expect(out.indexOf("<docinfo>")).toBeLessThan(out.indexOf("<topic"));
  });
});

import { pformat } from "../pformat.ts";
function require_pformat() {
  return { pformat };
}
