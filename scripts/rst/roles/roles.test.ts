import { describe, expect, it } from "vitest";
import { lines, px } from "../directives/test-helpers.ts";

describe("standard roles", () => {
  it("generic roles and their aliases", () => {
    expect(px(":sub:`a` :sup:`b` :ab:`c` :ac:`d` :t:`e` :literal:`f`")).toBe(
      lines(
        "<paragraph>",
        "    <subscript>",
        "        a",
        "     ",
        "    <superscript>",
        "        b",
        "     ",
        "    <abbreviation>",
        "        c",
        "     ",
        "    <acronym>",
        "        d",
        "     ",
        "    <title_reference>",
        "        e",
        "     ",
        "    <literal>",
        "        f",
      ),
    );
  });

  it("PEP and RFC references", () => {
    expect(px(":pep:`8`")).toBe(lines("<paragraph>", '    <reference refuri="https://peps.python.org/pep-0008">', "        PEP 8"));
    expect(px(":rfc:`2822#section-3`")).toBe(
      lines("<paragraph>", '    <reference refuri="https://tools.ietf.org/html/rfc2822.html#section-3">', "        RFC 2822"),
    );
    expect(px(":pep:`10000`")).toContain('PEP number must be a number from 0 to 9999; "10000" is invalid.');
    expect(px(":rfc:`x`")).toContain('RFC number must be a number greater than or equal to 1; "x" is invalid.');
  });

  it("math and code", () => {
    expect(px(":math:`a^2`")).toBe(lines("<paragraph>", "    <math>", "        a^2"));
    expect(px(":code:`x`")).toBe(lines("<paragraph>", '    <literal classes="code">', "        x"));
  });

  it("raw is disabled by default and needs a format", () => {
    expect(px(":raw:`<b>`")).toContain("raw (and derived) roles disabled");
    expect(px(":raw:`<b>`", { rawEnabled: true })).toContain('No format (Writer name) is associated with this role: "raw".');
  });

  it("unimplemented and unknown roles", () => {
    expect(px(":index:`x`")).toContain('Interpreted text role "index" not implemented.');
    const out = px(":nosuch:`x`");
    expect(out).toContain('No role entry for "nosuch" in module "docutils.parsers.rst.languages.en".');
    expect(out).toContain('Unknown interpreted text role "nosuch".');
  });
});

describe("custom roles (the role directive)", () => {
  it("a role without base makes classed inline elements; names are case-insensitive", () => {
    expect(px(".. role:: Red\n\n:red:`x`")).toBe(lines("<paragraph>", '    <inline classes="red">', "        x"));
  });

  it("a role based on another, with options", () => {
    expect(px(".. role:: big(strong)\n   :class: large\n\n:big:`x`")).toBe(lines("<paragraph>", '    <strong classes="large">', "        x"));
    expect(px(".. role:: html(raw)\n   :format: html\n\n:html:`<b>`", { rawEnabled: true })).toBe(
      lines("<paragraph>", '    <raw classes="html" format="html" xml:space="preserve">', "        <b>"),
    );
  });

  it("code-based roles take their language from their name unless given", () => {
    expect(px(".. role:: py(code)\n   :language: python\n\n:py:`1`")).toBe(
      lines("<paragraph>", '    <literal classes="code py python">', '        <inline classes="literal number integer">', "            1"),
    );
  });

  it("roles are kept per document", () => {
    px(".. role:: onlyhere");
    expect(px(":onlyhere:`x`")).toContain('Unknown interpreted text role "onlyhere".');
  });

  it("errors in the role directive", () => {
    expect(px(".. role:: x(nosuch)")).toContain('Unknown interpreted text role "nosuch".');
    expect(px(".. role:: (bad)")).toContain('"role" directive arguments not valid role names: "(bad)".');
    expect(px(".. role:: x\n   :bogus: 1")).toContain('unknown option: "bogus".');
    expect(px(".. role::")).toContain('"role" directive requires arguments on the first line.');
  });
});
