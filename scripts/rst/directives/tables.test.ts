import { describe, expect, it } from "vitest";
import { lines, px } from "./test-helpers.ts";

const SIMPLE = ["   ===  ===", "   a    b", "   ===  ==="];

describe("table", () => {
  it("title, options and explicit widths", () => {
    expect(px([".. table:: T", "   :widths: 3 7", "   :align: left", "", ...SIMPLE].join("\n"))).toBe(
      lines(
        '<table align="left" classes="colwidths-given">',
        "    <title>",
        "        T",
        '    <tgroup cols="2">',
        '        <colspec colwidth="3">',
        '        <colspec colwidth="7">',
        "        <tbody>",
        "            <row>",
        "                <entry>",
        "                    <paragraph>",
        "                        a",
        "                <entry>",
        "                    <paragraph>",
        "                        b",
      ),
    );
  });

  it("widths must match the columns", () => {
    expect(px([".. table::", "   :widths: 1 2 3", "", ...SIMPLE].join("\n"))).toContain(
      '"table" widths do not match the number of columns in table (2).',
    );
  });
});

describe("csv-table", () => {
  it("header option, header rows, stub columns", () => {
    const out = px(['.. csv-table::', '   :header: "H1", H2', "   :stub-columns: 1", "", "   a, b", "   c, d"].join("\n"));
    expect(out).toContain('<colspec colwidth="50" stub="1">');
    expect(out).toContain("<thead>");
    expect(out).toContain("H1");
    expect(out.split("<entry>").length - 1).toBe(6);
  });

  it("short rows are padded with empty cells; a stub column needs data beside it", () => {
    const out = px(".. csv-table::\n\n   a, b, c\n   d");
    expect(out.split("<entry>").length - 1).toBe(6);
    expect(out.split("<paragraph>").length - 1).toBe(4);
    expect(px(".. csv-table::\n   :stub-columns: 1\n\n   a, b\n   c")).toContain(
      'Insufficient data supplied (1 columns(s)); no data remaining for table body, required by "csv-table" directive.',
    );
  });

  it("malformed CSV is reported", () => {
    expect(px('.. csv-table::\n\n   "a" b')).toContain('Error with CSV data in "csv-table" directive:\n        \',\' expected after \'"\'');
  });

  it("files and URLs are refused while file insertion is disabled", () => {
    expect(px(".. csv-table::\n   :file: data.csv")).toContain('File and URL access deactivated; ignoring "csv-table" directive.');
  });
});

describe("list-table", () => {
  it("a two-level bullet list becomes a table", () => {
    expect(px(".. list-table::\n   :header-rows: 1\n\n   * - a\n     - b\n   * - c\n     - d")).toContain("<thead>");
  });

  it("rows must have the same length", () => {
    expect(px(".. list-table::\n\n   * - a\n     - b\n   * - c")).toContain(
      "uniform two-level bullet list expected, but row 2 does not contain the same number of items as row 1 (1 vs 2).",
    );
  });
});
