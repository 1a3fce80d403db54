import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "../index.ts";
import { strftime } from "./misc.ts";
import { lines, px } from "./test-helpers.ts";

describe("raw and include are disabled by default", () => {
  it("raw answers with docutils' warning and the block", () => {
    expect(px(".. raw:: html\n\n   <b>x</b>")).toBe(
      lines(
        '<system_message level="2" line="1" source="test data" type="WARNING">',
        "    <paragraph>",
        '        "raw" directive disabled.',
        '    <literal_block xml:space="preserve">',
        "        .. raw:: html",
        "",
        "           <b>x</b>",
      ),
    );
  });

  it("raw, when enabled, keeps the content and its format", () => {
    expect(px(".. raw:: HTML\n\n   <b>x</b>", { rawEnabled: true })).toBe(lines('<raw format="html" xml:space="preserve">', "    <b>x</b>"));
  });

  it("include answers with docutils' warning", () => {
    expect(px(".. include:: other.rst")).toContain('"include" directive disabled.');
  });
});

describe("include when enabled", () => {
  const root = mkdtempSync(join(tmpdir(), "rst-include-"));
  writeFileSync(join(root, "part.rst"), "Included *text*.\n");
  writeFileSync(join(root, "code.py"), "x = 1\n");
  const settings = { fileInsertionEnabled: true, includeRoot: root };

  it("parses the file in place", () => {
    expect(px(".. include:: part.rst", settings)).toBe(lines("<paragraph>", "    Included ", "    <emphasis>", "        text", "    ."));
  });

  it("only with file insertion enabled and an include root", () => {
    expect(px(".. include:: part.rst", { ...settings, fileInsertionEnabled: false })).toContain('"include" directive disabled.');
    expect(px(".. include:: part.rst", { fileInsertionEnabled: true })).toContain("no include root is configured");
  });

  it("literal and code inclusion", () => {
    expect(px(".. include:: code.py\n   :literal:", settings)).toContain("x = 1");
    expect(px(".. include:: code.py\n   :code: python", settings)).toContain('<inline classes="literal number integer">');
  });

  it("docutils' standard include files are not available", () => {
    expect(px(".. include:: <isonum.txt>", settings)).toContain("standard include file <isonum.txt> is not available.");
  });

  it("files outside the include root are refused", () => {
    expect(px(".. include:: ../../etc/passwd", settings)).toContain('Problems with "include" directive path:');
    expect(px(".. include:: /etc/passwd", settings)).toContain("outside the include root");
  });
});

describe("substitution directives", () => {
  it("replace, unicode and date only inside substitution definitions", () => {
    expect(px(".. replace:: x")).toContain('Invalid context: the "replace" directive can only be used within a substitution definition.');
    expect(px(".. |c| unicode:: 0xA9 U+2122 .. comment")).toBe(lines('<substitution_definition names="c">', "    \u00a9", "    \u2122"));
    expect(px(".. |sp| unicode:: U+0020\n   :trim:")).toBe(lines('<substitution_definition ltrim="1" names="sp" rtrim="1">'));
    expect(px(".. |r| replace:: *a* b")).toBe(lines('<substitution_definition names="r">', "    <emphasis>", "        a", "     b"));
  });

  it("date formats with strftime codes", () => {
    const d = new Date(2003, 0, 5, 14, 7, 9);
    expect(strftime("%Y-%m-%d %H:%M:%S %a %B %j %%", d)).toBe("2003-01-05 14:07:09 Sun January 005 %");
    expect(strftime("%Y-%m-%d %H:%M", new Date(Date.UTC(2020, 1, 29, 23, 5)), true)).toBe("2020-02-29 23:05");
    const saved = process.env.SOURCE_DATE_EPOCH;
    try {
      process.env.SOURCE_DATE_EPOCH = "1000000000";
      expect(px(".. |d| date::")).toBe(lines('<substitution_definition names="d">', "    2001-09-09"));
      delete process.env.SOURCE_DATE_EPOCH;
      expect(px(".. |d| date:: %Y")).toBe(lines('<substitution_definition names="d">', `    ${new Date().getFullYear()}`));
    } finally {
      if (saved === undefined) delete process.env.SOURCE_DATE_EPOCH;
      else process.env.SOURCE_DATE_EPOCH = saved;
    }
  });
});

describe("class, title, default-role, test directive", () => {
  it("class with content sets classes; without content leaves a pending ClassAttribute", () => {
    expect(px(".. class:: a B\n\n   text")).toBe(lines('<paragraph classes="a b">', "    text"));
    const doc = parse(".. class:: x\n\npara", { source: "test data" });
    expect(doc.pending[0].node.details).toEqual({ class: ["x"], directive: "class" });
    expect(doc.pending[0].priority).toBe(210);
    expect(px(".. class:: ?")).toContain('Invalid class attribute value for "class" directive: "?".');
  });

  it("title sets the document title attribute", () => {
    expect(parse(".. title:: The Title", { source: "test data" }).get("title")).toBe("The Title");
  });

  it("default-role changes what plain interpreted text means", () => {
    expect(px(".. default-role:: strong\n\n`x`")).toBe(lines("<paragraph>", "    <strong>", "        x"));
    expect(px(".. default-role:: strong\n.. default-role::\n\n`x`")).toBe(lines("<paragraph>", "    <title_reference>", "        x"));
  });

  it("the test directive reports what it was given", () => {
    expect(px(".. restructuredtext-test-directive:: arg\n   :option: v")).toContain(
      "Directive processed. Type=\"restructuredtext-test-directive\", arguments=['arg'], options={'option': 'v'}, content: None",
    );
  });
});

describe("meta", () => {
  it("fields become meta elements at the top of the document", () => {
    expect(px("Para.\n\n.. meta::\n   :keywords: a, b\n   :http-equiv=Content-Type lang=en: text/html")).toBe(
      lines(
        '<meta content="a, b" name="keywords">',
        '<meta content="text/html" http-equiv="Content-Type" lang="en">',
        "<paragraph>",
        "    Para.",
      ),
    );
  });

  it("bad fields and non-fields are reported", () => {
    expect(px(".. meta::\n   :a b: c")).toContain('Error parsing meta tag attribute "b": missing "=".');
    expect(px(".. meta::\n   text")).toContain("Invalid meta directive.");
    expect(px(".. meta::\n   :empty:")).toContain('No content for meta tag "empty".');
  });
});
